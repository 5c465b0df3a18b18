import { passesPrefilter, type CompiledRules } from '../detect/engine';
import { headCheck, literalAnchors, memberHeads, type MemberHead } from '../detect/anchors';
import { alwaysHoldsKeyword, maxMatchLength } from '../detect/match-window';
import { EventScanner } from '../detect/keyword-scanner';
import { anchoredAtStart, noteGroup, type ContextGroup } from './context-groups';
import type { PassOne } from './block-pass';
import type { RunStore } from './run-store';
import { memberStart } from './line-start';

/**
 * Pass 1 over the lines of a binary's runs view (a RunStore: ASCII lines and lines with UTF-8
 * characters, one LF after each, in blocks), a block at a time: a line becomes a string only
 * when a search over the block says it may hold a keyword or show a file-context pattern (or
 * `take` wants it: it follows a kept line). Each search is a necessary condition of the exact
 * per-line check, which then decides on the line's text, so the keyword hits and context notes
 * are those of the per-line pass:
 *
 * - one automaton over the block's bytes finds the keywords and the literal anchors of the
 *   context groups' members (ASCII letters folded, as UTF-8 bytes). Where one occurs in a
 *   line's text (ASCII letters folded, others as they are: a case-insensitive pattern without
 *   the u flag folds ASCII letters to ASCII letters only, and the anchors, and here the
 *   keywords, outside ASCII have no case), its bytes occur; no word holds an LF;
 * - the members without anchors, all anchored at the line start and searchable in blocks (see
 *   ContextGroup.block), are tried joined at each line's start in the block's text (its bytes
 *   read as UTF-8: the lines' texts joined by LF), each hit confirmed on its line.
 *
 * Returns false (nothing done) for a rule set where these do not hold.
 */
export function runsPass(
  store: RunStore,
  compiled: CompiledRules,
  groups: readonly ContextGroup[],
  hits: Map<RegExp, boolean>,
  pass: Pick<PassOne, 'take' | 'text'>,
): boolean {
  const filters = runFilters(compiled, groups);
  if (!filters) return false;
  const { events, kw, byGroup } = filters;
  const done = (g: ContextGroup): boolean => g.members.every((re) => hits.get(re));
  // Where a word of a member not noted yet occurs: a member anchored at the line start must also
  // be able to start the line there (see startGate).
  let lineStart = 0;
  let lineEnd = 0;
  let chunk: Uint8Array = new Uint8Array(0);
  const fresh = (re: RegExp): boolean => {
    if (hits.get(re) === true) return false;
    const gate = filters.starts.get(re);
    return gate === undefined || gate(chunk, lineStart, lineEnd);
  };
  // Bit 1 << (k + 1): group k's anchors; bit 1: keywords.
  let mask = kw;
  const live = byGroup.filter((f) => !done(f.g));
  for (const f of live) mask |= f.bit;
  // The line after the last line handed over, when `take` asked for it (-1: none).
  let want = -1;
  const hand = (i: number, hit: boolean): void => {
    while (want >= 0 && want < i) want = pass.take(want, false) ? want + 1 : -1;
    if (hit || want === i) want = pass.take(i, hit) ? i + 1 : -1;
  };
  const note = (f: Filter, i: number): void => {
    noteGroup(f.g, pass.text(i), hits);
    if (done(f.g)) {
      live.splice(live.indexOf(f), 1);
      mask &= ~f.bit;
    }
  };
  const n = store.count;
  for (let a = 0; a < n;) {
    // The block: the lines in one chunk of the store.
    const buf = store.chunkOf(a);
    let b = a + 1;
    while (b < n && store.chunkOf(b) === buf) b++;
    const lineAt = (pos: number, lo: number): number => {
      let hi = b - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (store.startOf(mid) <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // Members without anchors: their joined search over the block's text.
    if (live.some((f) => f.bare !== null)) {
      const text = buf.toString('utf8', store.startOf(a), store.endOf(b - 1));
      const starts = new Int32Array(b - a);
      for (let k = 1, p = 0; k < b - a; k++) starts[k] = p = text.indexOf('\n', p) + 1;
      for (const f of live.slice()) {
        const re = f.bare;
        if (re === null) continue;
        // Tried at each line's start (all of them are anchored there).
        for (let k = 0; k < b - a; k++) {
          re.lastIndex = starts[k];
          if (re.test(text)) {
            note(f, a + k);
            if (!live.includes(f)) break;
          }
        }
        re.lastIndex = 0;
      }
    }
    // Keywords and anchors: every line with one, in order.
    const end = store.endOf(b - 1);
    let pos = store.startOf(a);
    let lo = a;
    while (mask !== 0 && pos < end) {
      events.state = 0;
      let at = events.find(buf, pos, end, mask);
      if (at < 0) break;
      const i = lineAt(at, lo);
      lineStart = store.startOf(i);
      lineEnd = store.endOf(i);
      chunk = buf;
      // A group's anchor where none of its members not noted yet can start a match is passed over.
      const heard = (found: number): number => {
        let ok = found & kw;
        for (const f of live) if (found & f.bit && f.head(buf, at, lineStart, fresh)) ok |= f.bit;
        return ok;
      };
      let bits = heard(events.bits);
      let more = mask & ~bits;
      while (more !== 0 && (at = events.find(buf, at + 1, lineEnd, more)) >= 0) {
        bits |= heard(events.bits);
        more = mask & ~bits;
      }
      for (const f of live.slice()) if (bits & f.bit) note(f, i);
      hand(i, (bits & kw) !== 0 && passesPrefilter(compiled, pass.text(i)));
      if (i + 1 >= b) break;
      lo = i + 1;
      pos = store.startOf(i + 1);
    }
    a = b;
  }
  while (want >= 0 && want < n) want = pass.take(want, false) ? want + 1 : -1;
  return true;
}

interface Filter {
  g: ContextGroup;
  /** The bit of the members' anchors in `events` (0: no member has anchors). */
  bit: number;
  /** The members without anchors joined (flags m, y), or null when every member has anchors. */
  bare: RegExp | null;
  /** Whether an occurrence of one of its members' words can start a match (see headCheck). */
  head: ReturnType<typeof headCheck>;
}

interface RunFilters {
  events: EventScanner;
  /** The members anchored at the line start that are found by words (not anchors): a gate on the line's start. */
  starts: Map<RegExp, (buf: Uint8Array, start: number, end: number) => boolean>;
  /** The keywords' bit (0: there are none). */
  kw: number;
  byGroup: Filter[];
}

const cache = new WeakMap<CompiledRules, RunFilters | null>();

/** A word's UTF-8 bytes as a Latin-1 string (one character per byte), for a byte scanner. */
const bytesOf = (w: string): string => Buffer.from(w, 'utf8').toString('latin1');

/** No character outside ASCII of `w` has another case. */
const caseless = (w: string): boolean => [...w].every((c) => c.charCodeAt(0) < 128 || (c.toLowerCase() === c && c.toUpperCase() === c));

/**
 * Words one of which every match of a file-context pattern holds (ASCII letters folded; those
 * outside ASCII have no case), or null: its literal anchors, else (no case folding with the u or
 * v flag) literal pieces of its source that every match holds, read from its structure: one
 * piece, the longest that will do, else two (a pattern anchored at the line start by blanks,
 * `^\s{0,8}(?:machine…|default)`, has no anchors but holds one of its words).
 */
function wordsOf(re: RegExp): string[] | null {
  const anchors = literalAnchors(re);
  if (anchors || (/[uv]/.test(re.flags) && re.flags.includes('i'))) return anchors;
  let w = held.get(re);
  if (w === undefined) {
    // Literal pieces of the source (group openers dropped); junk pieces (class contents) do no harm:
    // only a list every match holds is kept, and the shortest one: one piece, else two.
    const src = re.source.replace(/\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/g, '(');
    const pieces = (src.match(/(?:\\[^A-Za-z0-9]|[A-Za-z0-9_"':=@ -])+/g) ?? []).map((p) => p.replace(/\\(.)/g, '$1'));
    const words = [...new Set(pieces)].filter((p) => p.length > 0 && !/[\r\n]/.test(p) && caseless(p)).sort((a, b) => b.length - a.length);
    w = null;
    const one = words.find((p) => alwaysHoldsKeyword(re, [p]));
    if (one !== undefined) w = [one];
    const long = words.filter((p) => p.length >= 3);
    for (let a = 0; w === null && a < long.length; a++)
      for (let b = a + 1; w === null && b < long.length; b++) if (alwaysHoldsKeyword(re, [long[a], long[b]])) w = [long[a], long[b]];
    held.set(re, w);
  }
  return w;
}

const held = new WeakMap<RegExp, string[] | null>();

function runFilters(compiled: CompiledRules, groups: readonly ContextGroup[]): RunFilters | null {
  if (cache.has(compiled)) return cache.get(compiled)!;
  const words = compiled.keywords;
  let f: RunFilters | null = null;
  // Keywords found by bytes: none empty or with a line break, none outside ASCII with a case; at most 7 groups (bits).
  const usable = words.every((w) => w.length > 0 && !/[\r\n]/.test(w) && caseless(w)) && groups.length <= 7;
  const byGroup = groups.map((g, k): Filter | null => {
    const bare = g.members.filter((re) => wordsOf(re) === null);
    if (bare.length > 0 && (!g.block || !bare.every((re) => anchoredAtStart(re.source)))) return null;
    const flags = g.any.flags.replace(/[gmy]/g, '');
    // A member's anchors start its matches (their heads tell where they can); other words it
    // holds somewhere: each occurrence counts.
    const heads = g.members.flatMap(
      (member): MemberHead[] =>
        memberHeads([member]) ?? (wordsOf(member) ?? []).map((w) => ({ word: w.toLowerCase(), exact: false, notBefore: null, member })),
    );
    return {
      g,
      bit: bare.length < g.members.length ? 1 << (k + 1) : 0,
      bare: bare.length > 0 ? new RegExp(bare.map((re) => `(?:${re.source})`).join('|'), flags + 'my') : null,
      head: headCheck(heads),
    };
  });
  if (usable && byGroup.every((x) => x !== null)) {
    const lists = [words.map(bytesOf), ...groups.map((g) => g.members.flatMap((re) => wordsOf(re) ?? []).map(bytesOf))];
    const starts = new Map<RegExp, (buf: Uint8Array, start: number, end: number) => boolean>();
    for (const g of groups)
      for (const re of g.members) {
        const gate = !literalAnchors(re) && wordsOf(re) && anchoredAtStart(re.source) ? startGate(re) : null;
        if (gate) starts.set(re, gate);
      }
    f = { events: new EventScanner(lists), kw: words.length > 0 ? 1 : 0, byGroup: byGroup as Filter[], starts };
  }
  cache.set(compiled, f);
  return f;
}

/**
 * perf: a necessary condition, on a runs line's UTF-8 bytes, for a pattern anchored at the line
 * start to match the line (see memberStart): its optional leading class, then a character that
 * can start the rest; a byte outside ASCII (a character it cannot read) lets the line through.
 * For a pattern bound at the line's end as well, a line no longer than its longest match.
 * Null when the pattern's start cannot be read.
 */
function startGate(re: RegExp): ((buf: Uint8Array, start: number, end: number) => boolean) | null {
  const m = memberStart(re);
  if (!m) return null;
  const { skip, n, first } = m;
  // Bound at the line's end too (a final `$`, no m flag): a line of more characters than a match
  // can hold cannot match (counted as UTF-8 lead bytes: at most its UTF-16 length).
  const max = !re.flags.includes('m') && /(?<!\\)\$$/.test(re.source) ? maxMatchLength(re) : null;
  return (buf, start, end) => {
    if (max !== null && end - start > max) {
      let chars = 0;
      for (let j = start; j < end && chars <= max; j++) if ((buf[j] & 0xc0) !== 0x80) chars++;
      if (chars > max) return false;
    }
    for (let j = start; j < end && j - start <= n; j++) {
      const c = buf[j];
      if (c >= 0x80 || first[c] === 1) return true;
      if (skip[c] !== 1) return false;
    }
    // (The line ends, or the leading class runs past n, before a character that can start the rest.)
    return false;
  };
}
