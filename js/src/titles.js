// Titles for hover, block by block: the first hover in a block asks the host for the block's titles (one request
// for TITLE_BLOCK papers), and on maps up to PREFETCH_MAX papers every block is fetched in the background after the
// first paint, so moving over the map asks the kernel nothing (a request per hovered paper took ~0.4 s each). Pure.

export const TITLE_BLOCK = 8192;      // papers a request (the kernel answers at most widget.TITLE_BLOCK)
export const PREFETCH_MAX = 300_000;  // maps up to this many papers fetch all titles in the background (~90 bytes each)

/** A title cache over host.titles(start, count) -> {start, titles}, for a map of n papers. */
export function titleCache(host, n, { block = TITLE_BLOCK } = {}) {
  const blocks = new Map();   // k -> Promise<string[]>
  const load = (k) => {
    if (!blocks.has(k)) {
      const p = Promise.resolve().then(() => host.titles(k * block, Math.min(block, n - k * block))).then((r) => r.titles);
      blocks.set(k, p); p.catch(() => blocks.delete(k));   // a failed block is asked again next time
    }
    return blocks.get(k);
  };
  const done = new Map();     // k -> string[] once loaded, for a synchronous answer
  return {
    /** Paper i's title (a promise). */
    title: (i) => load(Math.floor(i / block)).then((t) => { done.set(Math.floor(i / block), t); return t[i % block]; }),
    /** The titles of papers `indices` (a promise of an array in the same order): each block they touch, once. */
    async many(indices) {
      const ks = [...new Set(Array.from(indices, (i) => Math.floor(i / block)))];
      await Promise.all(ks.map((k) => load(k).then((t) => { done.set(k, t); })));
      return Array.from(indices, (i) => done.get(Math.floor(i / block))[i % block]);
    },
    /** Paper i's title if its block is here already, else undefined. */
    now: (i) => done.get(Math.floor(i / block))?.[i % block],
    /** Fetch every block, one after another (so hover requests are not queued behind them for long). */
    async prefetch() {
      for (let k = 0; k * block < n; k++) {
        try { done.set(k, await load(k)); } catch { return; }   // the kernel went away: hover asks again, block by block
      }
    },
    get loaded() { return done.size; },
  };
}
