import { literalAnchors } from './anchors';
import { maxMatchLength } from './match-window';

/**
 * perf: matching a keyed detector from where its secret can start. A pattern written as
 * `PREFIX (?<secret>BODY) REST`, all at its top level, with PREFIX of bounded length P:
 * every match puts its secret at a position q where cheap per-character conditions hold (the
 * character before q is one PREFIX must end with; BODY's run of n characters of its class starts
 * at q). Each such q is checked exactly with the sticky `(?<=PREFIX)(?<secret>BODY)REST` (some
 * match has its secret at q); at the first q that passes, the pattern itself runs from q - P, where
 * a match is then sure to start by q. Same matches as a global search of the line (no match can
 * start before q - P: its secret would be an earlier q that passed), without trying the pattern
 * at every position of a line full of keywords.
 */
export interface PivotPlan {
  /** The pattern (global), run from the pivot. */
  global: RegExp;
  /** `(?<=PREFIX)(?<secret>BODY)REST`, sticky. */
  verify: RegExp;
  /** Most code units PREFIX spans. */
  reach: number;
  /**
   * With a character before the secret: that character, where PREFIX ends just after it and
   * the secret and REST follow (global; each hit's index + 1 is a checked place). Else unused.
   */
  places: RegExp;
  /**
   * With a character before the secret: `places`, sticky (tried at a candidate character), and
   * that character's atom (its set is built on first use).
   */
  placesAt: RegExp | null;
  before: { atom: string; flags: string; set: CharSet | null } | null;
  /** With `places` finding runs: the class's source (one atom) and the flags. */
  runAtom: { atom: string; flags: string } | null;
  /** The key of its runs in the per-line cache, and of its class (set on first use). */
  runKey?: string;
  runClass?: string;
  /** With `places` finding runs: the run's class; and n. */
  run: CharSet | null;
  n: number;
  /**
   * With runs: the most characters the secret spans when it must end where its run ends (its
   * body is one class repeated and REST starts with a negative lookahead over a class holding
   * it: `(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9+/=_-])`), else Infinity.
   */
  toEnd: number;
  /** PREFIX's source and flags (its literal anchors are read from it on first use). */
  prefix: { source: string; flags: string };
  /**
   * perf: PREFIX's literal anchors as one case-insensitive global search (every match of PREFIX
   * starts with one of them: see detect/anchors.ts), else the longest literal at its top level
   * (every match holds it; searched with the pattern's case), or null; undefined until first
   * asked. A place q can hold a secret only when an anchor starts in [q - reach, q - 1].
   */
  anchors?: RegExp | null;
}

export interface Atom {
  /** Its source, quantifier excluded. */
  text: string;
  /** One character (a class, an escape or a literal); else a group or an assertion. */
  single: boolean;
  /** Least number of times it occurs (1 without a quantifier). */
  min: number;
  /** Its quantifier's source ('' for none). */
  quant: string;
}

/** Index of the parenthesis that closes the group opening at src[at], or -1. */
export function groupEnd(src: string, at = 0): number {
  let depth = 0;
  let inClass = false;
  for (let i = at; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The top-level atoms of a regex source, or null when it has a top-level alternation or is unreadable. */
export function topAtoms(src: string): Atom[] | null {
  const out: Atom[] = [];
  let i = 0;
  while (i < src.length) {
    const start = i;
    const c = src[i];
    let single = true;
    if (c === '|') return null;
    if (c === '(') {
      single = false;
      i = groupEnd(src, i);
      if (i < 0) return null;
      i++;
    } else if (c === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) return null;
      i++;
    } else if (c === '\\') {
      // Only escapes that stand for one character of a fixed set (not \b, \B, \k, \c, \p, \u{…} or a backreference).
      const e = src[i + 1] ?? '';
      if (/^[dDsSwWtnrfv]$|^[^A-Za-z0-9]$/.test(e)) i += 2;
      else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 4))) i += 4;
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) i += 6;
      else return null;
    } else if (c === '^' || c === '$') {
      single = false;
      i++;
    } else if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')' || c === ']') return null;
    else i++;
    const text = src.slice(start, i);
    const q = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/.exec(src.slice(i));
    let min = 1;
    let quant = '';
    if (q) {
      quant = q[0];
      min = q[0][0] === '{' ? Number(q[1]) : q[0][0] === '+' ? 1 : 0;
      i += q[0].length;
    }
    // A group that is an assertion is not "single"; neither are ^ and $.
    out.push({ text, single: single && c !== '(', min, quant });
  }
  return out;
}

/**
 * Membership of a one-character atom by char code, exactly as the regex (with these flags)
 * answers it, asked once per code and kept: `has` is a table lookup after the first time.
 */
export class CharSet {
  private readonly one: RegExp;
  private readonly known = new Int8Array(65536).fill(-1);
  /** The atom and flags: sets with the same key are equal. */
  readonly key: string;
  constructor(atom: string, flags: string) {
    this.one = new RegExp(`^(?:${atom})$`, flags);
    this.key = `${atom}/${flags}`;
  }
  has(c: number): boolean {
    const k = this.known[c];
    return k === 1 || (k < 0 && this.learn(c));
  }
  private learn(c: number): boolean {
    const k = (this.known[c] = this.one.test(String.fromCharCode(c)) ? 1 : 0);
    return k === 1;
  }
}

const NO_PLAN = null;

let nonAscii: string | null = null;

const withinMemo = new Map<string, boolean>();

/** True when every character class `a` matches, class `b` matches too (both ASCII-only for `a`). */
export function within(a: string, b: string, flags: string): boolean {
  // perf: detectors share their classes; each answer costs a scan of every non-ASCII character.
  const key = `${a}\0${b}\0${flags}`;
  let r = withinMemo.get(key);
  if (r === undefined) withinMemo.set(key, (r = withinOnce(a, b, flags)));
  return r;
}

/**
 * A bracket class of ASCII characters, ranges and `\d`/`\w`/escaped punctuation, not negated:
 * without the u/v flags it matches no character from 128 up, case folding included (a
 * non-ASCII character never folds onto an ASCII one without u).
 */
const ASCII_CLASS = /^\[(?!\^)(?:\\[dw\\\]\[\-/.+*?^$|(){}=!:_,]|[\x20-\x5b\x5e-\x7e])*\]$/;

function withinOnce(a: string, b: string, flags: string): boolean {
  if (!/[uv]/.test(flags) && ASCII_CLASS.test(a)) return asciiWithin(a, b, flags);
  // perf: built from code units in slices (a string per character took ~10 ms of a small run).
  if (nonAscii === null) {
    const parts: string[] = [];
    const units = new Uint16Array(4096);
    for (let c = 128; c < 65536; c += units.length) {
      const n = Math.min(units.length, 65536 - c);
      for (let k = 0; k < n; k++) units[k] = c + k;
      parts.push(String.fromCharCode(...units.subarray(0, n)));
    }
    nonAscii = parts.join('');
  }
  return !new RegExp(a, flags).test(nonAscii) && asciiWithin(a, b, flags);
}

/** The same question for the ASCII characters only. */
function asciiWithin(a: string, b: string, flags: string): boolean {
  const sa = new CharSet(a, flags);
  const sb = new CharSet(b, flags);
  for (let c = 0; c < 128; c++) if (sa.has(c) && !sb.has(c)) return false;
  return true;
}

/** The pivot plan of a pattern, or null when its shape does not allow one (see PivotPlan). */
export function pivotPlan(pattern: RegExp): PivotPlan | null {
  const src = pattern.source;
  const flags = pattern.flags.replace(/[gy]/g, '');
  if (/[uv]/.test(flags) || /\\[1-9]|\\k</.test(src)) return NO_PLAN;
  const at = src.indexOf('(?<secret>');
  if (at < 0 || src.indexOf('(?<secret>', at + 1) >= 0) return NO_PLAN;
  const prefix = topAtoms(src.slice(0, at));
  const all = topAtoms(src);
  if (!prefix || !all) return NO_PLAN;
  const group = all[prefix.length];
  if (!group || !group.text.startsWith('(?<secret>') || group.quant !== '') return NO_PLAN;
  const body = topAtoms(group.text.slice('(?<secret>'.length, -1));
  if (!body || body.length === 0) return NO_PLAN;
  let reach: number | null;
  try {
    reach = maxMatchLength(new RegExp(src.slice(0, at), flags));
  } catch {
    return NO_PLAN;
  }
  if (reach === null) return NO_PLAN;
  const last = prefix[prefix.length - 1];
  const before = last && last.single && last.quant === '' ? last.text : null;
  const first = body[0];
  const n = first.single ? first.min : 0;
  // Worth it only when a condition is rare in ordinary text: a given character before the
  // secret, or a run of 8 or more characters of one class.
  if (!before && n < 8) return NO_PLAN;
  const run = before ? null : new CharSet(first.text, flags);
  let toEnd = Infinity;
  const after = all[prefix.length + 1];
  const ahead = after && after.quant === '' ? /^\(\?!(\[(?:\\.|[^\]\\])+\])\)$/.exec(after.text) : null;
  if (run && body.length === 1 && ahead && within(first.text, ahead[1], flags)) {
    const q = /^\{\d+(?:(,)(\d*))?\}/.exec(first.quant);
    toEnd = !q ? (first.quant === '' ? 1 : Infinity) : !q[1] ? n : q[2] === '' ? Infinity : Number(q[2]);
  }
  // perf: when the secret opens with a run of 8 or more characters of one class, the secret and
  // REST ahead are checked before PREFIX behind (both assertions hold at the same place, in any
  // order): most places fail within the run's first characters, before a PREFIX that may look
  // back a few hundred characters.
  const behind = `(?<=${src.slice(0, at)})`;
  const lookahead = `(?=${src.slice(at)})`;
  const placesSource = before
    ? `(?:${before})${n >= 8 ? lookahead + behind : behind + lookahead}`
    : `(?<!${first.text})(?:${first.text}){${n},}`;
  return {
    global: new RegExp(src, flags + 'g'),
    // A PREFIX of assertions only (reach 0) matches at q itself: the pattern as written, so that
    // its assertions run left to right. (Inside a lookbehind they run right to left: a lookahead
    // that scans far, as `(?=[A-Za-z0-9+/]{0,7995}(?:TFRBS|…))`, would read up to 8,000
    // characters at every place of a long base64 run before the one-character check before it.)
    verify: new RegExp(reach === 0 ? src : `(?<=${src.slice(0, at)})${src.slice(at)}`, flags + 'y'),
    reach,
    places: new RegExp(placesSource, flags + 'g'),
    placesAt: before ? new RegExp(placesSource, flags + 'y') : null,
    before: before ? { atom: before, flags, set: null } : null,
    run: before ? null : run,
    runAtom: before ? null : { atom: first.text, flags },
    n,
    toEnd,
    prefix: { source: src.slice(0, at), flags },
  };
}

const plans = new WeakMap<RegExp, PivotPlan | null>();

/** `pivotPlan(pattern)`, worked out once per pattern. */
export function pivotOf(pattern: RegExp): PivotPlan | null {
  let p = plans.get(pattern);
  if (p === undefined) plans.set(pattern, (p = pivotPlan(pattern)));
  return p;
}

/**
 * perf: from this many characters, a line's places are filtered by PREFIX's anchors (a search
 * for them per call costs more than it saves on a shorter line).
 */
const ANCHORED_LINE = 2048;

/** The plan's prefix anchors as a search (see PivotPlan.anchors), worked out once. */
function anchorsOf(p: PivotPlan): RegExp | null {
  if (p.anchors !== undefined) return p.anchors;
  let words: string[] | null = null;
  try {
    words = literalAnchors(new RegExp(p.prefix.source, p.prefix.flags));
  } catch {
    words = null;
  }
  if (words && words.length > 0)
    return (p.anchors = new RegExp(words.map(escapeLiteral).join('|'), words.some((w) => /[a-z]/.test(w)) ? 'gi' : 'g'));
  // Else the longest run of literal characters at PREFIX's top level (every match holds it).
  const word = mandatoryLiteral(p.prefix.source);
  return (p.anchors = word.length >= 3 ? new RegExp(escapeLiteral(word), p.prefix.flags.includes('i') ? 'gi' : 'g') : null);
}

/** The longest run of plain literal characters (no quantifier) among a source's top-level atoms, '' for none. */
function mandatoryLiteral(src: string): string {
  let best = '';
  let cur = '';
  for (const a of topAtoms(src) ?? []) {
    const c = a.single && a.quant === '' ? plainChar(a.text) : null;
    cur = c === null ? '' : cur + c;
    if (cur.length > best.length) best = cur;
  }
  return best;
}

/** What a one-character atom matches when it is an ASCII letter or digit or escaped punctuation, else null. */
function plainChar(atom: string): string | null {
  if (/^[A-Za-z0-9]$/.test(atom)) return atom;
  if (/^\\[^A-Za-z0-9]$/.test(atom)) return atom[1];
  return null;
}

const escapeLiteral = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * perf: where PREFIX's anchors start on a line, asked for places q in ascending order: `from(q)`
 * is q when an anchor starts in [q - reach, q - 1] (q may hold a secret), else the least place
 * after q that may (an anchor starts just before it), or -1 when no anchor is left.
 */
class AnchorCursor {
  /** Start of the first anchor at or after the last q - reach looked up, -1 for none, -2 before the first. */
  private at = -2;
  constructor(
    private readonly re: RegExp,
    private readonly text: string,
    private readonly reach: number,
  ) {}
  from(q: number): number {
    const lo = q - this.reach;
    if (this.at === -2 || (this.at >= 0 && this.at < lo)) {
      this.re.lastIndex = Math.max(0, lo);
      const m = this.re.exec(this.text);
      this.re.lastIndex = 0;
      this.at = m ? m.index : -1;
    }
    if (this.at < 0) return -1;
    return this.at < q ? q : this.at + 1;
  }
}

/**
 * The next match of the plan's pattern at or after `pos` (what `global.exec` from `pos` gives).
 * `qs`, when given: [from, to] pairs (inclusive, ascending, apart) outside which no match has its
 * secret (see `keywordWindows`): places outside them are not looked at.
 */
export function pivotExec(p: PivotPlan, text: string, pos: number, qs?: readonly number[] | null): RegExpExecArray | null {
  const { run, n, verify } = p;
  let at = -1;
  if (run && qs) {
    // Only the runs through the windows: each member found in a window is grown to its run's
    // end (the run's start does not matter: q is in it); a q passes only when the run holds n
    // members from q on (q <= end - n), and not fewer than toEnd before its end.
    const len = text.length;
    let known = -1; // [.., known) is the end of the last run grown
    for (let w = 0; w < qs.length && at < 0; w += 2) {
      const b = Math.min(qs[w + 1], len - n);
      for (let i = Math.max(pos, qs[w]); i <= b && at < 0;) {
        if (i >= known && !run.has(text.charCodeAt(i))) {
          i++;
          continue;
        }
        let e = i < known ? known : i + 1;
        while (e < len && run.has(text.charCodeAt(e))) e++;
        known = e;
        for (let q = Math.max(i, e - p.toEnd), last = Math.min(b, e - n); q <= last; q++) {
          verify.lastIndex = q;
          if (verify.test(text)) {
            at = q;
            break;
          }
        }
        i = e + 1;
      }
    }
  } else if (run) {
    // The runs (listed once per line), from the first that ends at or after pos; none when no
    // anchor of PREFIX is left.
    const a = text.length >= ANCHORED_LINE ? anchorsOf(p) : null;
    const cursor = a && new AnchorCursor(a, text, p.reach);
    const list = cursor && cursor.from(Math.max(pos, 1)) < 0 ? [] : runsOn(p, run, text);
    let lo = 0;
    let hi = list.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[2 * mid + 1] < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 2 * lo; k < list.length && at < 0; k += 2)
      for (let q = Math.max(pos, list[k], list[k + 1] - p.toEnd), last = list[k + 1] - n; q <= last; q++) {
        if (cursor) {
          const ok = cursor.from(q);
          if (ok < 0) {
            k = list.length;
            break;
          }
          if (ok > q) {
            q = ok - 1;
            continue;
          }
        }
        verify.lastIndex = q;
        if (verify.test(text)) {
          at = q;
          break;
        }
      }
  } else if (qs) {
    // The character before the secret, at q - 1 for each q in the windows: its set first, then
    // the whole place as `places` checks it (test() leaves lastIndex just after it, at q).
    const b = p.before!;
    const set = (b.set ??= charSet(b.atom, b.flags));
    const placesAt = p.placesAt!;
    for (let w = 0; w < qs.length && at < 0; w += 2) {
      if (qs[w + 1] < pos) continue;
      for (let j = Math.max(pos, qs[w], 1) - 1, e = Math.min(qs[w + 1], text.length) - 1; j <= e; j++) {
        if (!set.has(text.charCodeAt(j))) continue;
        placesAt.lastIndex = j;
        if (placesAt.test(text)) {
          at = placesAt.lastIndex;
          break;
        }
      }
    }
    placesAt.lastIndex = 0;
  } else {
    // The first character that stands before a secret, from pos - 1 on: `places` checks the
    // whole place as `verify` does (its match is that one character: test() leaves lastIndex
    // just after it, at the place).
    // No place comes before the first anchor of PREFIX that can reach pos (none: no place).
    const { places } = p;
    const a = text.length >= ANCHORED_LINE ? anchorsOf(p) : null;
    const first = a ? new AnchorCursor(a, text, p.reach).from(Math.max(pos, 1)) : 0;
    if (first >= 0) {
      places.lastIndex = Math.max(0, pos - 1, first - 1);
      if (places.test(text)) at = places.lastIndex;
      places.lastIndex = 0;
    }
  }
  verify.lastIndex = 0;
  if (at < 0) return null;
  p.global.lastIndex = Math.max(pos, at - p.reach);
  const found = p.global.exec(text);
  p.global.lastIndex = 0;
  return found;
}

const charSets = new Map<string, CharSet>();

/** One CharSet per atom and flags (each holds a 64 KB table). */
function charSet(atom: string, flags: string): CharSet {
  const key = `${atom}/${flags}`;
  let c = charSets.get(key);
  if (!c) charSets.set(key, (c = new CharSet(atom, flags)));
  return c;
}

/**
 * The maximal runs of the class at least n long (start, end exclusive), in order. Such a run holds
 * one of every n-th position (n - 1, 2n - 1, …): only those are tested, and each member found
 * there is grown to its whole run.
 */
export function runs(set: CharSet, n: number, text: string): number[] {
  const out: number[] = [];
  const len = text.length;
  let i = n - 1;
  while (i < len) {
    if (!set.has(text.charCodeAt(i))) {
      i += n;
      continue;
    }
    let a = i;
    while (a > 0 && set.has(text.charCodeAt(a - 1))) a--;
    let e = i + 1;
    while (e < len && set.has(text.charCodeAt(e))) e++;
    if (e - a >= n) out.push(a, e);
    // The next run starts after e (not a member): its n-th position is e + n at the earliest.
    i = e + n;
  }
  return out;
}

/**
 * The runs found on the last line asked about, by class and n (plans alike share them); and by
 * class, the list for the least n found so far: a list for a larger n is that one without the
 * shorter runs (the maximal runs are the same).
 */
let cachedText: string | null = null;
const cached = new Map<string, number[]>();
const least = new Map<string, { n: number; list: number[] }>();

/** perf: from this many characters, the runs of a class are shared across n (a short line lists them again for less). */
const SHARED_RUNS = 4096;

function runsOn(p: PivotPlan, run: CharSet, text: string): number[] {
  if (cachedText !== text) {
    cachedText = text;
    cached.clear();
    if (least.size > 0) least.clear();
  }
  const cls = (p.runClass ??= classKey(p.runAtom!.atom, run));
  const key = (p.runKey ??= `${cls}\0${p.n}`);
  let list = cached.get(key);
  if (!list) {
    const known = text.length < SHARED_RUNS ? null : least.get(cls);
    if (known === null) list = runs(run, p.n, text);
    else if (known && known.n <= p.n) {
      list = [];
      for (let k = 0; k < known.list.length; k += 2)
        if (known.list[k + 1] - known.list[k] >= p.n) list.push(known.list[k], known.list[k + 1]);
    } else {
      list = runs(run, p.n, text);
      least.set(cls, { n: p.n, list });
    }
    cached.set(key, list);
  }
  return list;
}

/**
 * A key equal for classes with the same members: an ASCII class (see ASCII_CLASS, no member
 * from 128 up) by its members, written in any order (`[A-Za-z0-9+/]`, `[A-Za-z0-9/+]`); else its
 * source and flags.
 */
function classKey(atom: string, set: CharSet): string {
  if (!ASCII_CLASS.test(atom)) return set.key;
  let key = 'ascii:';
  for (let c = 0; c < 128; c++) key += set.has(c) ? '1' : '0';
  return key;
}
