/**
 * Rename detection close to git's (diffcore-rename): exact renames by object id, then pairs
 * scored like git's diffcore-delta (content cut into chunks at '\n' or 64 bytes, CR before LF
 * ignored in text; copied bytes / larger size), best score first, at least 50%.
 */
export const MIN_SCORE = 0.5;

function chunks(data: Buffer): Map<string, number> {
  const text = data.subarray(0, 8000).indexOf(0) < 0;
  const out = new Map<string, number>();
  let cur: number[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    const k = Buffer.from(cur).toString('latin1');
    out.set(k, (out.get(k) ?? 0) + cur.length);
    cur = [];
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (text && c === 0x0d && data[i + 1] === 0x0a) continue;
    cur.push(c);
    if (c === 0x0a || cur.length === 64) flush();
  }
  flush();
  return out;
}

export function similarity(src: Buffer, dst: Buffer): number {
  const max = Math.max(src.length, dst.length);
  if (max === 0) return 1;
  const min = Math.min(src.length, dst.length);
  if (min / max < MIN_SCORE) return 0;
  const a = chunks(src);
  const b = chunks(dst);
  let copied = 0;
  for (const [k, n] of a) copied += Math.min(n, b.get(k) ?? 0);
  return copied / max;
}

export interface Candidate {
  path: string;
  oid: string;
}

/** Pairs deleted sources with added destinations: dst path -> src path. */
export async function findRenames(
  sources: Candidate[],
  dests: Candidate[],
  read: (oid: string) => Promise<Buffer | null>,
  limit = 1000,
): Promise<Map<string, string>> {
  const pairs = new Map<string, string>();
  const usedSrc = new Set<string>();
  const byOid = new Map<string, Candidate[]>();
  for (const s of sources) byOid.set(s.oid, [...(byOid.get(s.oid) ?? []), s]);
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  for (const d of dests) {
    const same = (byOid.get(d.oid) ?? []).filter((s) => !usedSrc.has(s.path));
    if (same.length === 0) continue;
    const s = same.find((c) => base(c.path) === base(d.path)) ?? same[0];
    pairs.set(d.path, s.path);
    usedSrc.add(s.path);
  }
  const srcLeft = sources.filter((s) => !usedSrc.has(s.path));
  const dstLeft = dests.filter((d) => !pairs.has(d.path));
  if (srcLeft.length === 0 || dstLeft.length === 0 || srcLeft.length * dstLeft.length > limit * limit) return pairs;
  const srcData = await Promise.all(srcLeft.map((s) => read(s.oid)));
  const scored: Array<{ score: number; s: number; d: string }> = [];
  for (const d of dstLeft) {
    const dd = await read(d.oid);
    if (!dd) continue;
    srcLeft.forEach((_s, i) => {
      const sd = srcData[i];
      if (!sd) return;
      const score = similarity(sd, dd);
      if (score >= MIN_SCORE) scored.push({ score, s: i, d: d.path });
    });
  }
  scored.sort((x, y) => y.score - x.score);
  for (const c of scored) {
    if (pairs.has(c.d) || usedSrc.has(srcLeft[c.s].path)) continue;
    pairs.set(c.d, srcLeft[c.s].path);
    usedSrc.add(srcLeft[c.s].path);
  }
  return pairs;
}
