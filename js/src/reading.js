// Reading lists on the static site: BibTeX, RIS and CSL-JSON made in the browser from the records the export
// stored (Python's reading.reading_records, in the site's search database), by a line-for-line port of
// Python's reading.py writers, so a list saved from the site is byte for byte the one the notebook or the API
// writes (js/test/reading.test.js checks that against Python's own output, fixtures/reading.json). Pure.

const TEX = { "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_",
  "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
const squash = (s) => (s || "").split(/\s+/).filter(Boolean).join(" ");   // Python's " ".join(s.split())

function balanced(s) {
  let depth = 0;
  for (const c of s.replaceAll("\\{", "").replaceAll("\\}", "")) {
    depth += (c === "{") - (c === "}");
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Text as the value of a BibTeX field: LaTeX's special characters escaped, balanced $…$ math kept, acronyms braced. */
export function texEscape(s, { math = true, protect = false } = {}) {
  s = squash(s);
  const plain = (t) => {
    t = [...t].map((c) => TEX[c] ?? c).join("");
    return protect ? t.replace(/(?<![\p{L}\p{N}_\\])([\p{L}][\p{L}\p{N}_]*[A-Z][\p{L}\p{N}_]*)/gu, "{$1}") : t;
  };
  let out = "", at = 0;
  if (math) for (const m of s.matchAll(/\$[^$]+\$/g)) {
    if (!balanced(m[0].slice(1, -1))) continue;
    out += plain(s.slice(at, m.index)) + m[0]; at = m.index + m[0].length;
  }
  return out + plain(s.slice(at));
}

const ascii = (t) => (t || "").normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");

/** A citation key: first author's family name, year, first word of the title (ASCII), made unique among `used`. */
export function citeKey(r, used) {
  const a = r.authors[0] || {};
  const title = (r.title || "").split(/\s+/).map(ascii).find((w) => w.length > 2) || "paper";
  const base = (ascii(a.family || a.literal) || "anon") + String(r.year ?? "") + title;
  let key = base, n = 0;
  while (used.has(key)) { n++; key = n <= 26 ? base + String.fromCharCode(96 + n) : `${base}${n}`; }
  used.add(key); return key;
}

const verbatim = (v) => !!v && !/[{}\\\s%#]/.test(v);
function bibName(a) {
  if ("literal" in a) return "{" + texEscape(a.literal, { math: false }) + "}";
  const fam = texEscape(a.family, { math: false }), giv = texEscape(a.given || "", { math: false });
  return giv ? `{${fam}}, ${giv}` : `{${fam}}`;
}

export function toBibtex(records) {
  const used = new Set(), out = [];
  for (const r of records) {
    const ids = r.ids, f = [["title", texEscape(r.title, { protect: true })]];
    if (r.authors.length) f.push(["author", r.authors.map(bibName).join(" and ")]);
    if (r.year) f.push(["year", String(Math.trunc(r.year))]);
    if (verbatim(ids.doi)) f.push(["doi", ids.doi]);
    if (ids.arxiv) f.push(["eprint", ids.arxiv], ["archiveprefix", "arXiv"]);
    for (const k of ["pmcid", "openalex"]) if (ids[k]) f.push([k, ids[k]]);
    if (verbatim(r.url)) f.push(["url", r.url]);
    if (r.abstract) f.push(["abstract", texEscape(r.abstract)]);
    if (r.keywords.length) f.push(["keywords", texEscape(r.keywords.join(", "), { math: false })]);
    f.push(["note", `laion-explorer paper ${r.id}`]);
    out.push(`@${ids.doi ? "article" : "misc"}{${citeKey(r, used)},\n${f.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}\n`);
  }
  return out.join("\n");
}

const risName = (a) => a.literal || (a.given ? `${a.family}, ${a.given}` : a.family);
export function toRis(records) {
  const used = new Set(), out = [];
  const line = (tag, v) => `${tag}  - ${squash(String(v))}`;
  for (const r of records) {
    const ids = r.ids;
    const ls = [line("TY", ids.doi ? "JOUR" : "GEN"), line("ID", citeKey(r, used)), line("TI", r.title), ...r.authors.map((a) => line("AU", risName(a)))];
    if (r.year) ls.push(line("PY", Math.trunc(r.year)));
    if (ids.doi) ls.push(line("DO", ids.doi));
    if (r.url) ls.push(line("UR", r.url));
    if (ids.arxiv) ls.push(line("M1", `arXiv:${ids.arxiv}`));
    if (r.abstract) ls.push(line("AB", r.abstract));
    ls.push(...r.keywords.map((k) => line("KW", k)), line("N1", `laion-explorer paper ${r.id}`), "ER  - ");
    out.push(ls.filter((l) => l.split("  - ").slice(1).join("  - ").trim() || l.startsWith("ER")).join("\n"));
  }
  return out.join("\n\n") + "\n";
}

export function toCslJson(records) {
  const used = new Set(), items = [];
  for (const r of records) {
    const ids = r.ids;
    const it = { id: citeKey(r, used), type: ids.doi ? "article-journal" : "article", title: r.title, author: r.authors.map((a) => ({ ...a })) };
    if (r.year) it.issued = { "date-parts": [[Math.trunc(r.year)]] };
    if (ids.doi) it.DOI = ids.doi;
    if (ids.arxiv) Object.assign(it, { publisher: "arXiv", number: `arXiv:${ids.arxiv}` });
    if (ids.pmcid) it.PMCID = ids.pmcid;
    if (r.url) it.URL = r.url;
    if (r.abstract) it.abstract = r.abstract;
    if (r.keywords.length) it.keyword = r.keywords.join(", ");
    it.note = `laion-explorer paper ${r.id}`;
    items.push(it);
  }
  return JSON.stringify(items, null, 1) + "\n";
}

/** format -> [writer, file extension, media type], as Python's READING_FORMATS. */
export const READING_FORMATS = { bibtex: [toBibtex, "bib", "application/x-bibtex"], ris: [toRis, "ris", "application/x-research-info-systems"],
  "csl-json": [toCslJson, "json", "application/vnd.citationstyles.csl+json"] };
