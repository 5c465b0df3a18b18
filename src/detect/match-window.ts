/**
 * perf: matching a detector only where a match can be. A detector whose secret is a run of n
 * characters of one class (see `secretRunCheck`) and whose pattern has a bounded length L can
 * only match starting within L characters before such a run. On a long line (minified code, a
 * data URL) the pattern is tried, sticky, at exactly those start positions, in order: the first
 * success is the leftmost match a global search would find (positions outside every window
 * cannot start a match, and lookbehinds still see the whole line). Same matches, a fraction of
 * the work when runs are rare; when they are not, the plain global search runs.
 */

/**
 * The opening of the group at `src[i]` (a `(`): where its body starts, and whether it matches
 * nothing itself (a lookahead or lookbehind). Throws on a group neither reader below handles.
 */
function groupOpening(src: string, i: number): { body: number; zeroWidth: boolean } {
  const j = i + 1;
  if (src[j] !== '?') return { body: j, zeroWidth: false };
  const a = src[j + 1];
  const b = src[j + 2];
  if (a === ':') return { body: j + 2, zeroWidth: false };
  if (a === '=' || a === '!') return { body: j + 2, zeroWidth: true };
  if (a === '<' && (b === '=' || b === '!')) return { body: j + 3, zeroWidth: true };
  const close = a === '<' ? src.indexOf('>', j) : -1;
  if (close < 0) throw new Error('unknown group');
  return { body: close + 1, zeroWidth: false };
}

/**
 * Upper bound of a match's length in UTF-16 code units, or null when the pattern can match an
 * unbounded length (`*`, `+`, `{n,}`) or uses a construct this reader does not size
 * (backreferences).
 */
export function maxMatchLength(re: RegExp): number | null {
  const src = re.source;
  // With the u (or v) flag one "character" can be two code units.
  const unit = /[uv]/.test(re.flags) ? 2 : 1;
  let i = 0;
  const fail = (): never => {
    throw new Error('unsized');
  };
  // Parses an alternation until ')' or the end; returns its maximum length.
  const alternation = (): number => {
    let best = 0;
    let cur = 0;
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        best = Math.max(best, cur);
        cur = 0;
        i++;
        continue;
      }
      cur += quantified(atom());
    }
    return Math.max(best, cur);
  };
  const atom = (): number => {
    const c = src[i];
    if (c === '(') {
      const group = groupOpening(src, i);
      i = group.body;
      const zero = group.zeroWidth;
      const n = alternation();
      if (src[i] !== ')') fail();
      i++;
      return zero ? 0 : n;
    }
    if (c === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) fail();
      i++;
      return unit;
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined || /[1-9k]/.test(e)) fail();
      if (e === 'b' || e === 'B') {
        i += 2;
        return 0;
      }
      if (e === 'u' && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        if (close < 0) fail();
        i = close + 1;
        return 2;
      }
      if (e === 'u') i += 6;
      else if (e === 'x') i += 4;
      else if (e === 'c') i += 3;
      else if (e === 'p' || e === 'P') {
        const close = src.indexOf('}', i);
        if (close < 0) fail();
        i = close + 1;
        return 2;
      } else i += 2;
      return unit;
    }
    if (c === '^' || c === '$') {
      i++;
      return 0;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '|' || c === ')') fail();
    // A literal: one code unit of the source is one code unit of the match (a surrogate pair is two).
    i++;
    return 1;
  };
  const quantified = (n: number): number => {
    const c = src[i];
    let times = 1;
    if (c === '*' || c === '+') fail();
    else if (c === '?') {
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i));
      if (!m) return n; // a literal '{'
      if (m[2] && m[3] === '') fail();
      times = Number(m[3] ?? m[1]);
      i += m[0].length;
    } else return n;
    if (src[i] === '?') i++; // lazy
    return n * times;
  };
  try {
    const n = alternation();
    return i === src.length ? n : null;
  } catch {
    return null;
  }
}

/**
 * Runs of one character class, found by a loop over the characters instead of the regex
 * `[class]{n}` (which rereads up to n characters at every position). Membership of each
 * character is the regex's own answer, asked once per character code; with the u or v flag
 * (a class can then match a pair of code units) the regex itself is used.
 */
export class RunClass {
  private readonly one: RegExp;
  private readonly member = new Int8Array(65536).fill(-1);
  private readonly unicode: boolean;
  /** No character outside ASCII is a member (worked out on first use). */
  private ascii: boolean | undefined;
  constructor(
    readonly check: RegExp,
    readonly n: number,
  ) {
    const cls = check.source.replace(/\{\d+\}$/, '');
    this.one = new RegExp(`^${cls}$`, check.flags.replace(/[gy]/g, ''));
    this.unicode = /[uv]/.test(check.flags);
  }
  private is(c: number): boolean {
    let m = this.member[c];
    if (m < 0) m = this.member[c] = this.one.test(String.fromCharCode(c)) ? 1 : 0;
    return m === 1;
  }
  /**
   * True when the text holds n class characters in a row (the check regex matches). Such a run
   * holds one of every n-th position (n - 1, 2n - 1, …): only those are read, and a member found
   * there is grown to its whole run.
   */
  test(text: string): boolean {
    if (this.unicode) return this.check.test(text);
    const n = this.n;
    const len = text.length;
    let i = n - 1;
    while (i < len) {
      if (!this.is(text.charCodeAt(i))) {
        i += n;
        continue;
      }
      let a = i;
      while (a > 0 && i - a + 1 < n && this.is(text.charCodeAt(a - 1))) a--;
      let e = i + 1;
      while (e < len && e - a < n && this.is(text.charCodeAt(e))) e++;
      if (e - a >= n) return true;
      // Not long enough: the next run starts after e (not a member), its n-th position at e + n at the earliest.
      i = e + n;
    }
    return false;
  }
  /** `test` over the bytes buf[from, to) of ASCII text (each byte one character). */
  testBytes(buf: Uint8Array, from: number, to: number): boolean {
    const n = this.n;
    let i = from + n - 1;
    while (i < to) {
      if (!this.is(buf[i])) {
        i += n;
        continue;
      }
      let a = i;
      while (a > from && i - a + 1 < n && this.is(buf[a - 1])) a--;
      let e = i + 1;
      while (e < to && e - a < n && this.is(buf[e])) e++;
      if (e - a >= n) return true;
      i = e + n;
    }
    return false;
  }
  /**
   * A necessary condition of `test` on the UTF-8 bytes buf[from, to) of a line (any characters):
   * bytes above 0x7f count as class members (a character outside ASCII is at least one of
   * them), so n class characters in a row leave at least n member bytes in a row; for a class
   * of ASCII characters only, they are none.
   */
  testUtf8Bytes(buf: Uint8Array, from: number, to: number): boolean {
    const n = this.n;
    const high = !(this.ascii ??= asciiOnlyClass(this.check.source.replace(/\{\d+\}$/, ''), this.check.flags));
    const is = (b: number): boolean => (b >= 0x80 ? high : this.is(b));
    let i = from + n - 1;
    while (i < to) {
      if (!is(buf[i])) {
        i += n;
        continue;
      }
      let a = i;
      while (a > from && i - a + 1 < n && is(buf[a - 1])) a--;
      let e = i + 1;
      while (e < to && e - a < n && is(buf[e])) e++;
      if (e - a >= n) return true;
      i = e + n;
    }
    return false;
  }
  /** Calls `each` with each maximal run of at least n class characters (start, end exclusive) until it returns false. */
  runs(text: string, each: (start: number, end: number) => boolean): void {
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && this.is(text.charCodeAt(i))) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        if (i - start >= this.n && !each(start, i)) return;
        start = -1;
      }
    }
  }
}

/**
 * True when the class source (`[...]`, `\\d` or `\\w`, perhaps in a `(?:…)` group) can match no character outside ASCII:
 * a class of ASCII characters, ranges and punctuation escapes, or \\d, \\w, not negated, and not
 * folded by case with the u or v flag (where ſ matches s and the Kelvin sign k).
 */
export function asciiOnlyClass(src: string, flags: string): boolean {
  if (/[uv]/.test(flags) && flags.includes('i')) return false;
  // (A group around one class: a pivot plan's run atom.)
  const group = /^\(\?:(.*)\)$/.exec(src);
  if (group) src = group[1];
  if (src === '\\d' || src === '\\w') return true;
  if (!src.startsWith('[') || src.startsWith('[^') || !src.endsWith(']')) return false;
  const body = src.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c >= 0x80 || body[i] === '[' || body[i] === ']') return false;
    if (body[i] === '\\') {
      const e = body[++i] ?? '';
      if (!/^[dw]$/.test(e) && !/^[^A-Za-z0-9]$/.test(e)) return false;
      if (e.charCodeAt(0) >= 0x80) return false;
    }
  }
  return true;
}

export interface MatchWindow {
  /** Global regex of the runs (`[class]{n,}`): each hit is a whole run. */
  runs: RegExp;
  /** The same runs by a loop (null with the u/v flag). */
  loop: RunClass | null;
  /** The pattern, sticky. */
  sticky: RegExp;
  /** Most code units a match spans. */
  span: number;
  /** The shortest run that can hold the secret. */
  min: number;
}

/** The window plan for a pattern and its run check, or null when its length is unbounded. */
export function matchWindow(pattern: RegExp, run: RegExp): MatchWindow | null {
  const span = maxMatchLength(pattern);
  const m = /\{(\d+)\}$/.exec(run.source);
  if (span === null || !m) return null;
  const flags = pattern.flags.replace(/[gy]/g, '');
  return {
    runs: new RegExp(run.source.replace(/\{(\d+)\}$/, '{$1,}'), run.flags.replace(/[gy]/g, '') + 'g'),
    loop: /[uv]/.test(run.flags) ? null : new RunClass(run, Number(m[1])),
    sticky: new RegExp(pattern.source, flags + 'y'),
    span,
    min: Number(m[1]),
  };
}

/**
 * Start positions worth trying when every match holds one of the detector's keywords: within
 * `span` before each occurrence's end, up to its start. More generally, positions from `span`
 * before each occurrence's end to `after` past its start (a match's secret starts within `span`
 * of the match's start, so `after = span` gives the places a secret can start; when the part
 * before the secret holds the keyword, span 0 and `after` its longest length do). `occ` is
 * (id, end) pairs in order of end; `len[id]` the keyword's length, or 0 for keywords of other
 * detectors. Null when they cover much of the line.
 */
export function keywordWindows(span: number, len: Int32Array, occ: ArrayLike<number>, textLength: number, after = 0): number[] | null {
  const out: number[] = [];
  let total = 0;
  for (let k = 0; k < occ.length; k += 2) {
    const n = len[occ[k]];
    if (n === 0) continue;
    const end = occ[k + 1];
    const from = Math.max(0, end - span);
    const to = end - n + after;
    if (to < from) continue;
    if (out.length > 0 && from <= out[out.length - 1] + 1) {
      if (to > out[out.length - 1]) {
        total += to - out[out.length - 1];
        out[out.length - 1] = to;
      }
    } else {
      out.push(from, to);
      total += to - from + 1;
    }
    if (total * 2 > textLength) return null;
  }
  return out;
}

/** Lines shorter than this are searched whole (the windows would save little). */
export const WINDOW_MIN_LINE = 512;

/**
 * Start positions worth trying on `text`, as [from, to] pairs (inclusive, ascending, merged), or
 * null when they cover much of the line (then the global search is as cheap).
 */
export function windows(w: MatchWindow, text: string): number[] | null {
  const out: number[] = [];
  let total = 0;
  let over = false;
  const add = (index: number, end: number): boolean => {
    const from = Math.max(0, index - w.span);
    const to = end - w.min;
    if (out.length > 0 && from <= out[out.length - 1] + 1) {
      total += to - out[out.length - 1];
      out[out.length - 1] = to;
    } else {
      out.push(from, to);
      total += to - from + 1;
    }
    over = total * 2 > text.length;
    return !over;
  };
  if (w.loop) w.loop.runs(text, add);
  else {
    w.runs.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = w.runs.exec(text)) !== null && add(m.index, m.index + m[0].length));
    w.runs.lastIndex = 0;
  }
  return over ? null : out;
}

/**
 * True when every match of the pattern contains one of `keywords` (ASCII case ignored): read from
 * the pattern's structure, conservatively (false when unsure). Literal pieces and small classes
 * (`[Ss]`) are expanded to their lower-case strings; a concatenation holds a keyword when one of
 * its parts does, or when a run of its literal parts spells one in every expansion; an
 * alternation when all its branches do; a repeat only when it must occur at least once.
 */
export function alwaysHoldsKeyword(re: RegExp, keywords: readonly string[]): boolean {
  const src = re.source;
  const kws = keywords.map((k) => k.toLowerCase());
  const MAX = 64;
  let i = 0;
  const fail = (): never => {
    throw new Error('unread');
  };
  const holds = (set: string[] | null): boolean => set !== null && set.length > 0 && set.every((s) => kws.some((k) => s.includes(k)));
  const cross = (a: string[] | null, b: string[] | null): string[] | null => {
    if (a === null || b === null || a.length * b.length > MAX) return null;
    const out = new Set<string>();
    for (const x of a) for (const y of b) out.add(x + y);
    return [...out];
  };
  interface Node {
    /** Every string it can match (lower case), when few; else null. */
    exact: string[] | null;
    /** Every match holds a keyword. */
    kw: boolean;
  }
  const alternation = (): Node => {
    const branches: Node[] = [];
    for (;;) {
      branches.push(sequence());
      if (src[i] !== '|') break;
      i++;
    }
    if (branches.length === 1) return branches[0];
    let exact: string[] | null = [];
    for (const b of branches) exact = exact && b.exact ? [...new Set([...exact, ...b.exact])] : null;
    if (exact && exact.length > MAX) exact = null;
    return { exact, kw: branches.every((b) => b.kw || holds(b.exact)) };
  };
  const sequence = (): Node => {
    let kw = false;
    let run: string[] | null = [''];
    let exact: string[] | null = [''];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const n = quantified(atom());
      if (n.kw) kw = true;
      exact = cross(exact, n.exact);
      if (n.exact) {
        run = cross(run, n.exact) ?? n.exact;
        if (holds(run)) kw = true;
      } else run = [''];
    }
    return { exact, kw: kw || holds(exact) };
  };
  const classChars = (body: string): string[] | null => {
    // Only plain characters (no ranges, escapes or negation), folded to lower case.
    if (/[\\^-]/.test(body) || body.length > 8) return null;
    return [...new Set([...body].map((c) => c.toLowerCase()))];
  };
  const atom = (): Node => {
    const c = src[i];
    if (c === '(') {
      const group = groupOpening(src, i);
      i = group.body;
      const zero = group.zeroWidth;
      const n = alternation();
      if (src[i] !== ')') fail();
      i++;
      return zero ? { exact: [''], kw: false } : n;
    }
    if (c === '[') {
      const start = ++i;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) fail();
      const body = src.slice(start, i);
      i++;
      return { exact: classChars(body), kw: false };
    }
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) fail();
      i += 2;
      if (e === 'b' || e === 'B') return { exact: [''], kw: false };
      // An escaped punctuation character is itself; anything else (\s, \d, \u…, \1) is not read.
      if (/[^A-Za-z0-9]/.test(e)) return { exact: [e.toLowerCase()], kw: false };
      if (/[1-9k]/.test(e)) fail();
      if (e === 'u' || e === 'x' || e === 'c' || e === 'p' || e === 'P') fail();
      return { exact: null, kw: false };
    }
    if (c === '^' || c === '$') {
      i++;
      return { exact: [''], kw: false };
    }
    if (c === '.') {
      i++;
      return { exact: null, kw: false };
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '|' || c === ')') fail();
    i++;
    return { exact: [c.toLowerCase()], kw: false };
  };
  const quantified = (n: Node): Node => {
    const c = src[i];
    let min = 1;
    let max = 1;
    if (c === '*' || c === '+') {
      min = c === '+' ? 1 : 0;
      max = Infinity;
      i++;
    } else if (c === '?') {
      min = 0;
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i));
      if (!m) return n;
      min = Number(m[1]);
      max = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : min;
      i += m[0].length;
    } else return n;
    if (src[i] === '?') i++;
    if (min === 1 && max === 1) return n;
    return { exact: null, kw: min >= 1 && n.kw };
  };
  try {
    const n = alternation();
    return i === src.length && n.kw;
  } catch {
    return false;
  }
}
