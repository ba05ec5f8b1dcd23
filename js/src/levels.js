// Cluster levels, pure (no DOM). The points index the finest clusters (`clusters`); Python sends the coarser
// levels above them (`levels`: levels[0] is level 1, each a list of clusters) and every cluster names its parent
// one level up by `parent_id`. Here the levels become "tiers" (tiers[0] = the finest), each finest cluster learns
// its ancestor on every tier, and counts made per finest cluster are summed up to any tier.
import { NO_CLUSTER } from "./points.js";

/** The map's tiers, finest first: `{tiers, up, top}`. tiers[0] is `clusters`, tiers[t] is levels[t - 1] (empty levels
 *  are dropped); up[t] is an Int32Array over the finest clusters giving each one's ancestor index in tiers[t] (-1: none,
 *  e.g. the unclustered papers' entry, or a parent_id that names no cluster); top is the coarsest tier's index. */
export function buildTiers(clusters, levels = []) {
  const tiers = [clusters, ...(levels || []).filter((l) => Array.isArray(l) && l.length)];
  const up = [Int32Array.from(clusters, (_, i) => i)];
  for (let t = 1; t < tiers.length; t++) {
    const pos = new Map(tiers[t].map((c, j) => [c.cluster_id, j])), below = tiers[t - 1];
    up.push(Int32Array.from(up[t - 1], (j) => (j < 0 ? -1 : pos.get(below[j].parent_id) ?? -1)));
  }
  return { tiers, up, top: tiers.length - 1 };
}

/** The units a chart or the legend shows at tier t: that tier's clusters, then each finest cluster with no ancestor there
 *  (an "orphan", e.g. unclustered papers) as a unit of its own. Returns `{units, of}`: units[u] = {cluster_id,
 *  cluster_label, color, x, y, count, fine (finest cluster indices), orphan}, counts summed over `fine`; of[i] is the
 *  unit of finest cluster i. Tier 0's units are the finest clusters themselves. */
export function levelUnits(T, t) {
  const fine = T.tiers[0], anc = T.up[t], units = T.tiers[t].map((c) => ({ ...pick(c), count: 0, fine: [], orphan: false }));
  const of = new Int32Array(fine.length);
  fine.forEach((c, i) => {
    let u = anc[i];
    if (u < 0) { u = units.length; units.push({ ...pick(c), count: 0, fine: [], orphan: true }); }
    of[i] = u; units[u].fine.push(i); units[u].count += c.count || 0;
  });
  return { units, of };
}
const pick = ({ cluster_id, cluster_label, color, x, y }) => ({ cluster_id, cluster_label, color, x, y });

/** Counts per finest cluster (a typed array indexed like the clusters) summed per unit of `levelUnits`. */
export function unitCounts(fineCounts, { units, of }) {
  const out = new Float64Array(units.length);
  for (let i = 0; i < of.length; i++) out[of[i]] += fineCounts[i] || 0;
  return out;
}

/** `clusterYearCounts` (finest cluster -> year -> count) summed per unit; points in no cluster keep the key NO_CLUSTER. */
export function unitYearCounts(cy, { of }) {
  const out = new Map();
  for (const [c, years] of cy) {
    const u = c < of.length ? of[c] : NO_CLUSTER;
    if (!out.has(u)) out.set(u, new Map());
    const m = out.get(u);
    for (const [y, v] of years) m.set(y, (m.get(y) || 0) + v);
  }
  return out;
}

/** For each tier, which of its clusters have a shown finest cluster under them (clusterOn: 0/1 per finest cluster). */
export function tiersOn(T, clusterOn) {
  return T.tiers.map((tier, t) => {
    const on = new Uint8Array(tier.length), up = T.up[t];
    for (let i = 0; i < up.length; i++) if (clusterOn[i] && up[i] >= 0) on[up[i]] = 1;
    return on;
  });
}

/** The legend's groups: the coarsest tier's units (with levels: largest first, orphans last), each with the finest clusters to list
 *  under it. With a query, a group whose label matches lists all its clusters; otherwise it lists the clusters whose
 *  own label, or an intermediate ancestor's, matches (or whose id is the query), and a group with none is left out.
 *  Returns [{unit, u, children, match}] (match: the group's own label matched). */
export function legendGroups(T, query = "") {
  const L = levelUnits(T, T.top), q = query.trim().toLowerCase();
  const hit = (c) => !q || (c.cluster_label || `Cluster ${c.cluster_id}`).toLowerCase().includes(q) || String(c.cluster_id) === q;
  const fineHit = (i) => hit(T.tiers[0][i]) || T.up.some((up, t) => t > 0 && t < T.top && up[i] >= 0 && hit(T.tiers[t][up[i]]));
  const order = L.units.map((_, u) => u);   // one tier: the clusters' own order, as the flat legend always had
  if (T.top > 0) order.sort((a, b) => L.units[a].orphan - L.units[b].orphan || L.units[b].count - L.units[a].count);
  const out = [];
  for (const u of order) {
    const unit = L.units[u], match = !unit.orphan && hit(unit);
    const children = match ? unit.fine : unit.fine.filter(fineHit);
    if (children.length) out.push({ unit, u, children, match });
  }
  return out;
}

/** The rows under a legend group of tier t: its finest clusters `children` arranged by the tiers between (t - 1 down to 1),
 *  so a map of three or four levels reads as a tree. Returns items, largest first: `{i}` (a finest cluster's row) or
 *  `{unit, u, t, items}` (a group of tier t - 1 with its own items). A middle cluster holding one listed finest cluster, or
 *  a finest cluster with no ancestor on that tier, is a plain row. */
export function nestChildren(T, children, t) {
  if (t <= 1) return children.map((i) => ({ i }));
  const L = levelUnits(T, t - 1), by = new Map();
  for (const i of children) { const u = L.of[i]; if (!by.has(u)) by.set(u, []); by.get(u).push(i); }
  return [...by].sort((a, b) => L.units[b[0]].count - L.units[a[0]].count)
    .flatMap(([u, kids]) => (L.units[u].orphan || kids.length === 1 ? nestChildren(T, kids, t - 1)
      : [{ unit: L.units[u], u, t: t - 1, items: nestChildren(T, kids, t - 1) }]));
}

/** A group's checkbox: 1 when all its clusters are shown, 0 when none, -1 when some (indeterminate). */
export function groupState(children, clusterOn) {
  let on = 0;
  for (const i of children) on += clusterOn[i] ? 1 : 0;
  return on === children.length ? 1 : on === 0 ? 0 : -1;
}

/** A tier's name for the level pickers: "coarsest", "finest", or "level t". */
export const tierName = (t, top) => (t === top && top > 0 ? "coarsest" : t === 0 ? "finest" : `level ${t}`);
