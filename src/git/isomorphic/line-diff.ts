/**
 * The line diff of the pure-JavaScript backend: which lines of `b` are added relative to `a`.
 *
 * Lines are interned to integers, the common prefix and suffix are cut, then lines that occur
 * exactly once in each side anchor the two files (patience diff: the longest increasing run
 * of such pairs); the gaps between anchors are diffed with Myers' O(ND) algorithm. A gap whose
 * edit distance passes `maxCost` is reported as fully replaced: never fewer added lines than a
 * minimal diff, so a scanner can only see more, never less. Linear-ish on a 20 MB file with
 * 20k scattered changes, where a plain Myers or the `diff` package is quadratic.
 */
export interface DiffStats {
  /** Work done: one per diagonal step and per anchor examined (bounded, tested by counting). */
  steps: number;
}

export interface LineDiffOptions {
  maxCost?: number;
  stats?: DiffStats;
}

/** Indexes (0-based) of the lines of `b` not matched to a line of `a`, ascending. */
export function addedLineIndexes(a: readonly number[], b: readonly number[], opts: LineDiffOptions = {}): number[] {
  const stats = opts.stats ?? { steps: 0 };
  const maxCost = opts.maxCost ?? 1000;
  const out: number[] = [];
  // Anchoring stops past this much work or depth (adversarial inputs): Myers with its cost cap takes over.
  const budget = stats.steps + 64 * (a.length + b.length) + 1_000_000;
  diffRange({ a0: 0, a1: a.length, b0: 0, b1: b.length }, { a, b, out, stats, maxCost, budget }, 0);
  return out;
}

/** The lines a[a0, a1) against b[b0, b1). */
interface Gap {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

interface Ctx {
  a: readonly number[];
  b: readonly number[];
  out: number[];
  stats: DiffStats;
  maxCost: number;
  budget: number;
}

function diffRange(gap: Gap, ctx: Ctx, depth: number): void {
  const { a, b } = ctx;
  let { a0, a1, b0, b1 } = gap;
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
    a0++;
    b0++;
  }
  while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) {
    a1--;
    b1--;
  }
  if (b0 === b1) return;
  if (a0 === a1) {
    for (let j = b0; j < b1; j++) ctx.out.push(j);
    return;
  }
  if (depth < 64 && ctx.stats.steps < ctx.budget) {
    const anchors = uniqueAnchors({ a0, a1, b0, b1 }, ctx);
    if (anchors.length > 0) {
      let pa = a0;
      let pb = b0;
      for (const [i, j] of anchors) {
        diffRange({ a0: pa, a1: i, b0: pb, b1: j }, ctx, depth + 1);
        pa = i + 1;
        pb = j + 1;
      }
      diffRange({ a0: pa, a1, b0: pb, b1 }, ctx, depth + 1);
      return;
    }
  }
  myers({ a0, a1, b0, b1 }, ctx);
}

/** Pairs (i, j) of lines unique in both ranges, longest run increasing in both (patience). */
function uniqueAnchors({ a0, a1, b0, b1 }: Gap, { a, b, stats }: Ctx): Array<[number, number]> {
  // Position of each line when it occurs once in the range, -1 when more often.
  const inA = new Map<number, number>();
  for (let i = a0; i < a1; i++) inA.set(a[i], inA.has(a[i]) ? -1 : i);
  const inB = new Map<number, number>();
  for (let j = b0; j < b1; j++) inB.set(b[j], inB.has(b[j]) ? -1 : j);
  stats.steps += a1 - a0 + (b1 - b0);
  const pairs: Array<[number, number]> = [];
  for (let j = b0; j < b1; j++) {
    const pj = inB.get(b[j])!;
    if (pj !== j) continue;
    const pi = inA.get(b[j]);
    if (pi !== undefined && pi >= 0) pairs.push([pi, j]);
  }
  if (pairs.length === 0) return [];
  // Longest increasing subsequence on i (pairs are ordered by j): patience sorting, O(n log n).
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const i = pairs[k][0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
    stats.steps++;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails[tails.length - 1]; k >= 0; k = prev[k]) chain.push(pairs[k]);
  return chain.reverse();
}

/** Myers' greedy O(ND) diff of a[a0,a1) and b[b0,b1), recording the trace to recover added lines. */
function myers({ a0, a1, b0, b1 }: Gap, { a, b, out, stats, maxCost }: Ctx): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, maxCost);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
        stats.steps++;
      }
      stats.steps++;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    // Too costly: report the whole gap as replaced (a superset of the minimal diff's additions).
    for (let j = b0; j < b1; j++) out.push(j);
    return;
  }
  // Walk back through the trace; trace[d] holds v[-d-1 .. d+1] before step d.
  const added: number[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const t = trace[d];
    const at = (k: number) => t[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = at(pk);
    const py = px - pk;
    while (x > px && y > py) {
      x--;
      y--;
    }
    if (down) added.push(b0 + py);
    x = px;
    y = py;
  }
  for (let i = added.length - 1; i >= 0; i--) out.push(added[i]);
}

/** Splits a blob into lines (without '\n'; a last line without newline counts) and interns them. */
export class LineInterner {
  private ids = new Map<string, number>();
  /** Interned ids of the blob's lines; `lines` receives the raw line views when given. */
  intern(data: Buffer, lines?: Buffer[]): number[] {
    const out: number[] = [];
    let start = 0;
    while (start < data.length) {
      let nl = data.indexOf(0x0a, start);
      // The '\n' is part of the line's identity: "a" at end of file differs from "a\n".
      const end = nl < 0 ? data.length : nl + 1;
      const key = data.toString('latin1', start, end);
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
      }
      out.push(id);
      if (lines) lines.push(data.subarray(start, nl < 0 ? data.length : nl));
      if (nl < 0) nl = data.length;
      start = nl + 1;
    }
    return out;
  }
}
