import { anchorHeads, anchorScanner, headAt, literalAnchors, splitTop, type AnchorHead, type AnchorScanner } from '../detect/anchors';
import { buildKeywordHits, type KeywordHits } from '../detect/keyword-scanner';
import type { CompiledRules } from '../detect/engine';
import { lineStartGate } from './line-start';

/**
 * The file-context patterns of a rule set, joined into one alternation per flag set, so a
 * line that matches none of them costs one regex call instead of one per pattern (38 rules
 * bring about a dozen). Patterns with backreferences or named groups stay alone.
 */
export interface ContextGroup {
  any: RegExp;
  members: RegExp[];
  /**
   * How to search a block of whole ASCII lines without CR at once, or null (then line by line).
   * `free` (flags g, m) holds the members not anchored at the line start, `anchored` (flags y, m)
   * the ones that are, tried at each line start. Both are supersets: wherever a member matches
   * inside one line, they match at the same place in the block (^/$ hold at the line breaks; the
   * only lookarounds allowed, over a class of letters, digits and +/=_-, read a line break as
   * they read the line's edge). Every hit is confirmed on its line with `any` and the members.
   */
  block: {
    free: RegExp | null;
    anchored: RegExp | null;
    /**
     * `anchored` without the members' leading ^ (flags y, m), for blocks of a diff's added lines
     * where each line starts after a '+' (a line start ^ would not see): tried at each line's
     * first character, it matches where a member matches that line. Null when a member has a
     * lookbehind (it would read the '+').
     */
    anchoredGap: RegExp | null;
    freeScan: AnchorScanner | null;
    freeMembers: RegExp[];
    /**
     * perf: a necessary condition on a plain-ASCII line's bytes for an `anchored` member to match
     * it (see lineStartGate), or null: lines failing it are not tried (built on first use).
     */
    anchoredGate: ((buf: Uint8Array, start: number, end: number) => boolean) | null;
  } | null;
  /**
   * perf: when every member has literal anchors (see detect/anchors.ts), their scanner: a line
   * without an anchor matches no member (`any` is not asked). `block.freeScan` is the same for
   * the members `free` holds: each line with an anchor is confirmed as a `free` hit is.
   */
  scan: AnchorScanner | null;
  /**
   * perf: which members' anchors an ASCII line holds, in one pass shared by all groups: `of[k]`
   * lists member k's anchor ids in `all` (null: it has none, always tried). A member none of
   * whose anchors is in the line cannot match it (`noteGroup`). Null when no member has anchors.
   */
  hits: {
    of: Array<number[] | null>;
    wide: string[][];
    all: AnchorHits;
    sticky: RegExp[];
    /** By anchor id, the members (indices) holding it. */
    byId: Map<number, number[]>;
    /** Scratch: the members left to try on the line being noted. */
    pending: Uint8Array;
  } | null;
}

/** The anchors of every group's members, and what the last line scanned holds (`seen[id] === stamp`). */
interface AnchorHits {
  scan: KeywordHits | null;
  words: string[];
  seen: Int32Array;
  stamp: number;
  last: string | null;
  /** The last line is ASCII. */
  ascii: boolean;
  /** How many anchor occurrences it holds (MAX_OCC + 1 for more), and (when at most MAX_OCC) each one's (id, end). */
  n: number;
  occ: number[];
  /**
   * By anchor id, the heads of the members holding it (see anchorHeads; null: not known, every
   * occurrence counts): an occurrence where none of them can start a match is passed over.
   */
  heads: Array<AnchorHead[] | null>;
  /** The check of an occurrence (id, end) in `last`, for the scan. */
  accept: (id: number, end: number) => boolean;
}

/** perf: how many (group, line) notes are made member by member before the anchors are used. */
const PLAIN_NOTES = 256;
let plainNotes = 0;

/** Most anchor occurrences of a line listed (beyond that, members are tested on the whole line). */
const MAX_OCC = 256;

/**
 * Notes in `hit` each member of the group that matches the line (the exact per-line check): only
 * the members whose anchors the line holds are tried, each only where one of its anchors starts
 * (every match of a member starts with one of them) when the line holds few. ASCII anchors are
 * found by one automaton pass over the line shared by all groups (a case-insensitive pattern
 * without the u flag folds ASCII letters to ASCII letters only, so characters outside ASCII only
 * end them); a member with an anchor outside ASCII that the line holds is tested on the line.
 * Without anchors: the alternation first, then the members.
 */
export function noteGroup(g: ContextGroup, text: string, hit: Map<RegExp, boolean>): void {
  if (g.members.every((re) => hit.get(re))) return;
  // perf: the first lines a process looks at are tested with the alternation, then the members
  // (the anchors only skip members that cannot match: building them costs more than a few lines).
  if (plainNotes < PLAIN_NOTES) {
    plainNotes++;
    if (text.length >= LONG_LINE && g.members.length > 1) return noteLong(g, text, hit);
    if (!g.any.test(text)) return;
    for (const re of g.members) if (!hit.get(re) && re.test(text)) hit.set(re, true);
    return;
  }
  const h = g.hits;
  if (h) {
    const a = h.all;
    if (a.last !== text) {
      a.scan ??= buildKeywordHits(a.words);
      if (a.seen.length < a.words.length) a.seen = new Int32Array(a.words.length);
      a.last = text;
      // (Past MAX_OCC occurrences they are no longer listed, but every anchor the line holds is
      // still marked: the members without one are skipped, the others tested on the whole line.)
      const n = a.scan.scanAll(text, a.seen, ++a.stamp, a.occ, MAX_OCC, false, a.accept);
      a.ascii = n >= 0;
      a.n = n >= 0 ? n : ~n;
    }
  }
  if (h) {
    const { seen, stamp, n, occ, words, ascii } = h.all;
    // The members left to try at their anchors' occurrences (one pass over those below).
    const pending = h.pending;
    let left = 0;
    for (let k = 0; k < g.members.length; k++) {
      pending[k] = 0;
      const re = g.members[k];
      if (hit.get(re)) continue;
      const ids = h.of[k];
      if ((ids && !ascii && h.wide[k].some((w) => text.includes(w))) || (n > MAX_OCC && (!ids || ids.some((id) => seen[id] === stamp)))) {
        if (re.test(text)) hit.set(re, true);
        continue;
      }
      if (ids && !ids.some((id) => seen[id] === stamp)) continue;
      if (ids) {
        pending[k] = 1;
        left++;
      } else if (re.test(text)) hit.set(re, true);
    }
    for (let j = 0; left > 0 && j < occ.length; j += 2) {
      const ks = h.byId.get(occ[j]);
      if (ks === undefined) continue;
      for (const k of ks) {
        if (pending[k] !== 1) continue;
        const y = h.sticky[k];
        y.lastIndex = occ[j + 1] - words[occ[j]].length;
        if (y.test(text)) {
          pending[k] = 2;
          left--;
        }
        y.lastIndex = 0;
      }
    }
    // (Noted in the members' order, as one by one.)
    for (let k = 0; k < g.members.length; k++) if (pending[k] === 2) hit.set(g.members[k], true);
    return;
  }
  if ((g.scan && g.scan.findText(text, 0) < 0) || !g.any.test(text)) return;
  for (const re of g.members) if (!hit.get(re) && re.test(text)) hit.set(re, true);
}

/** perf: from this many characters, a line is searched by `noteLong` (not member by member). */
const LONG_LINE = 1 << 16;

/**
 * `noteGroup` on a long line in one search along it, not one per member: the alternation of
 * the members not yet noted finds the first place where one matches; the members that match
 * there (each tried sticky) are noted, and the search goes on after it with the ones left. A
 * member matches the line exactly when it matches at some place, and none of those left matches
 * before the place found.
 */
function noteLong(g: ContextGroup, text: string, hit: Map<RegExp, boolean>): void {
  const flags = g.any.flags.replace(/[gy]/g, '');
  let left = g.members.filter((re) => !hit.get(re));
  let from = 0;
  while (left.length > 0 && from <= text.length) {
    const search =
      left.length === 1 ? new RegExp(left[0].source, flags + 'g') : new RegExp(left.map((r) => `(?:${r.source})`).join('|'), flags + 'g');
    search.lastIndex = from;
    const m = search.exec(text);
    if (!m) return;
    const at = m.index;
    const rest: RegExp[] = [];
    for (const re of left) {
      const y = new RegExp(re.source, flags + 'y');
      y.lastIndex = at;
      if (y.test(text)) hit.set(re, true);
      else rest.push(re);
    }
    left = rest;
    from = at + 1;
  }
}

function memberHits(members: readonly RegExp[], all: AnchorHits): ContextGroup['hits'] {
  const ascii = (w: string): boolean => /^[\x00-\x7f]+$/.test(w);
  const anchors = members.map(literalAnchors);
  const wide = anchors.map((a) => (a ?? []).filter((w) => !ascii(w)));
  const of = anchors.map((a) => {
    if (!a) return null;
    // The ASCII anchors by id (those outside ASCII, in `wide`, are looked for only in lines outside ASCII).
    return a.filter(ascii).map((w) => {
      const i = all.words.indexOf(w);
      return i >= 0 ? i : all.words.push(w) - 1;
    });
  });
  const sticky = members.map((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y'));
  // Which members hold each anchor id, and the heads of each id's occurrences (over all groups).
  const byId = new Map<number, number[]>();
  of.forEach((ids, k) => {
    if (!ids) return;
    const heads = anchorHeads(members[k]);
    for (const id of new Set(ids)) {
      byId.set(id, [...(byId.get(id) ?? []), k]);
      if (all.heads[id] === null) continue;
      const mine = heads?.filter((x) => x.word.toLowerCase() === all.words[id]);
      all.heads[id] = mine && mine.length > 0 ? [...(all.heads[id] ?? []), ...mine] : null;
    }
  });
  return of.every((x) => x === null) ? null : { of, wide, all, sticky, byId, pending: new Uint8Array(members.length) };
}

/** A negative lookaround over a class of letters, digits and +/=_- only (a line break is outside it). */
const PLAIN_LOOKAROUND = /\(\?<?!\[(?:[A-Za-z0-9+=_-]|\\\/)*\]\)/g;

function blockSafe(re: RegExp): boolean {
  return !/\(\?<?[=!]|\\[1-9]|\\k</.test(re.source.replace(PLAIN_LOOKAROUND, ''));
}

/** True when the pattern starts with ^ that binds all of it (no | outside groups and classes). */
export function anchoredAtStart(source: string): boolean {
  return source.startsWith('^') && splitTop(source).length === 1;
}

export function blockSearch(members: readonly RegExp[], flags: string): ContextGroup['block'] {
  if (!members.every(blockSafe)) return null;
  const f = flags.replace(/[gmy]/g, '');
  const join = (rs: RegExp[], extra: string) =>
    rs.length === 0 ? null : new RegExp(rs.map((r) => `(?:${r.source})`).join('|'), f + extra);
  const free = members.filter((r) => !anchoredAtStart(r.source));
  const freeScan = once(() => (free.length > 0 ? anchorScanner(free) : null));
  const anchored = members.filter((r) => anchoredAtStart(r.source));
  const gap = anchored.some((r) => /\(\?<[=!]/.test(r.source)) ? null : anchored.map((r) => new RegExp(r.source.slice(1), r.flags));
  const gate = once(() => (anchored.length > 0 ? lineStartGate(anchored) : null));
  return {
    free: join(free, 'gm'),
    anchored: join(anchored, 'my'),
    anchoredGap: gap && join(gap, 'my'),
    // perf: built on first use (a small commit never reaches a block search).
    get freeScan() {
      return freeScan();
    },
    freeMembers: free,
    get anchoredGate() {
      return gate();
    },
  };
}

/** `make()` once, on the first call (a scanner costs milliseconds to build: only when used). */
function once<T>(make: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = make();
      done = true;
    }
    return v;
  };
}

function group(any: RegExp, members: RegExp[], flags: string, hits: () => ContextGroup['hits']): ContextGroup {
  const scan = once(() => anchorScanner(members));
  return {
    any,
    members,
    block: blockSearch(members, flags),
    get scan() {
      return scan();
    },
    // perf: the anchors are read from the patterns' sources on first use (after PLAIN_NOTES
    // notes): a small commit never needs them.
    get hits() {
      return hits();
    },
  };
}

const joint = new WeakMap<readonly ContextGroup[], Map<number, AnchorScanner>>();

/**
 * One scanner for the free members' anchors of several groups (each with a `block.freeScan`):
 * one pass over a block finds every line any of them may match.
 */
export function jointFreeScan(groups: readonly ContextGroup[], pick: readonly ContextGroup[]): AnchorScanner {
  if (pick.length === 1) return pick[0].block!.freeScan!;
  let byMask = joint.get(groups);
  if (!byMask) joint.set(groups, (byMask = new Map()));
  let mask = 0;
  for (const g of pick) mask |= 1 << groups.indexOf(g);
  let sc = byMask.get(mask);
  if (!sc) byMask.set(mask, (sc = anchorScanner(pick.flatMap((g) => g.block!.freeMembers))!));
  return sc;
}

const cache = new WeakMap<CompiledRules, ContextGroup[]>();

export function contextGroups(compiled: CompiledRules): ContextGroup[] {
  let groups = cache.get(compiled);
  if (groups) return groups;
  const all = [...new Set(compiled.contextual.map((c) => c.detector.fileContext!))];
  const byFlags = new Map<string, RegExp[]>();
  const anchors: AnchorHits = {
    scan: null,
    words: [],
    seen: new Int32Array(0),
    stamp: 0,
    last: null,
    ascii: false,
    n: 0,
    occ: [],
    heads: [],
    accept: (id, end) => {
      const hs = anchors.heads[id];
      if (!hs) return true;
      const start = end - anchors.words[id].length;
      for (const h of hs) if (headAt(h, anchors.last!, start)) return true;
      return false;
    },
  };
  const parts: Array<{ any: RegExp; members: RegExp[]; flags: string }> = [];
  for (const re of all) {
    const flags = re.flags.replace(/[gy]/g, '');
    if (/\\[1-9]|\\k<|\(\?</.test(re.source.replace(/\(\?<[=!]/g, '')))
      parts.push({ any: new RegExp(re.source, flags), members: [re], flags });
    else byFlags.set(flags, [...(byFlags.get(flags) ?? []), re]);
  }
  for (const [flags, members] of byFlags)
    parts.push({ any: new RegExp(members.map((r) => `(?:${r.source})`).join('|'), flags), members, flags });
  // Every group's anchors at once, in the groups' order (they share the anchor ids and the scanner of `anchors`).
  const hits = once(() => parts.map((p) => memberHits(p.members, anchors)));
  groups = parts.map((p, k) => group(p.any, p.members, p.flags, () => hits()[k]));
  cache.set(compiled, groups);
  return groups;
}
