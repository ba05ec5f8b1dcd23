// The exported site's Claims tab: claims.claims_for ported, run on the copy of the claims layer in the site's
// search database (export.write_search_db copies the tables and their full-text index as they are), so the groups,
// their order and their counts are the notebook's. Papers are named by map position (the database's papers
// table has each one's map_index), as the widget's kernel answers them.
import { ftsQuery } from "./sitesearch.js";

const CLAIM_TABLES = ["claims", "claims_fts", "claim_groups", "claim_conflicts"];
const noProbe = async () => [];   // claims._scope reads a claim search with fts_query(query) and no store: no frequent-word probe

/** claimsFor({indices, query, contested, limit}) over q(sql, params) -> rows: {groups} or {groups: [], missing}. */
export function siteClaims(q) {
  let built = null;
  async function group(gid, inScope, where, args, nClaims, nConflicts) {
    const [g] = await q("SELECT * FROM claim_groups WHERE group_id = ?", [gid]);
    const claims = (await q(`SELECT c.id AS claim_id, c.paper_id, coalesce(p.title, '') AS title, c.ordinal, c.details, c.supporting_evidence, `
      + `c.contradicting_evidence, c.implications, c.group_id, (${where}) AS in_scope, coalesce(p.map_index, -1) AS idx FROM claims c `
      + "LEFT JOIN papers p ON p.id = c.paper_id WHERE c.group_id = ? ORDER BY in_scope DESC, c.id = ? DESC, c.id LIMIT ?", [...args, gid, gid, nClaims]))
      .map(({ idx, ...c }) => ({ ...c, in_scope: !!c.in_scope, index: idx }));
    const rep = await q("SELECT details FROM claims WHERE id = ?", [gid]);
    const conflicts = (await q("SELECT x.claim_id, k.details AS claim, x.paper_id, coalesce(p.title, '') AS title, x.source, x.source_claim_id, "
      + "x.text, x.similarity, coalesce(p.map_index, -1) AS idx FROM claim_conflicts x JOIN claims k ON k.id = x.claim_id "
      + "LEFT JOIN papers p ON p.id = x.paper_id WHERE x.group_id = ? ORDER BY x.similarity DESC, x.id LIMIT ?", [gid, nConflicts]))
      .map(({ idx, ...x }) => ({ ...x, index: idx }));
    return { group_id: gid, claim: rep.length ? rep[0].details : "", papers: inScope ?? g.papers, papers_total: g.papers,
      claims_total: g.claims, contested: g.contested, contesting_papers: g.contesting_papers, conflict_count: g.conflicts,
      hedged: g.hedged, claims, conflicts };
  }
  return async function claimsFor({ indices = null, query = null, contested = false, limit = 50, claimsPerGroup = 5, conflictsPerGroup = 5 } = {}) {
    built ??= q(`SELECT count(*) AS n FROM sqlite_master WHERE name IN (${CLAIM_TABLES.map(() => "?").join(", ")})`, CLAIM_TABLES)
      .then((r) => r[0].n === CLAIM_TABLES.length);
    if (!(await built)) return { groups: [], missing: "This map's claims were not built before it was exported (laion-explorer claims --db MAP, then export again)." };
    const where = [], args = [];
    if (indices) { where.push("c.paper_id IN (SELECT id FROM papers WHERE map_index IN (SELECT value FROM json_each(?)))"); args.push(JSON.stringify(Array.from(indices))); }
    if (query) { where.push("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"); args.push((await ftsQuery(noProbe, query)) || '""'); }
    const w = where.join(" AND ") || "1";
    const order = contested ? "g.contesting_papers DESC, g.contested DESC, n DESC" : "n DESC, g.papers DESC, g.contested DESC";
    const only = contested ? "AND g.conflicts > 0" : "";
    const top = w === "1"
      ? await q(`SELECT g.group_id, g.papers AS n FROM claim_groups g WHERE 1 ${only} ORDER BY ${order}, g.group_id LIMIT ?`, [limit])
      : await q(`SELECT g.group_id, s.n FROM (SELECT c.group_id, count(DISTINCT c.paper_id) AS n FROM claims c WHERE ${w} GROUP BY c.group_id) s `
        + `JOIN claim_groups g ON g.group_id = s.group_id WHERE 1 ${only} ORDER BY ${order}, g.group_id LIMIT ?`, [...args, limit]);
    const groups = [];
    for (const r of top) groups.push(await group(r.group_id, w === "1" ? null : r.n, w, args, claimsPerGroup, conflictsPerGroup));
    return { groups };
  };
}
