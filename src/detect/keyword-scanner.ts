import type { CompiledRules } from './engine';

/**
 * The combined keyword prefilter as a byte automaton (Aho-Corasick, ASCII case folded), for
 * plain-ASCII text: one table lookup per byte over a whole block of lines, instead of one
 * regex call and one JS string per line. Same answer as `compiled.prefilter` on an ASCII
 * line: the prefilter is a case-insensitive alternation of literal keywords, so a line
 * passes iff one of the keywords occurs in it (ASCII letters fold to ASCII letters only;
 * a keyword with a non-ASCII character cannot occur in ASCII text). No keyword holds a
 * line break, so a match never spans two lines.
 */
export interface KeywordScanner {
  /** Index of the byte that ends the first keyword occurrence in buf[from, to), or -1. */
  find(buf: Uint8Array, from: number, to: number): number;
  /** The same over a string from `from` (characters outside ASCII end every keyword there). */
  findText(text: string, from: number): number;
  /** The words it looks for (lower case). */
  words: readonly string[];
}

const cache = new WeakMap<CompiledRules, KeywordScanner | null>();

/** The scanner for these rules, or null when the fast path does not apply (no keyword, or one with a line break). */
export function keywordScanner(compiled: CompiledRules): KeywordScanner | null {
  if (cache.has(compiled)) return cache.get(compiled)!;
  const keywords = new Set<string>();
  for (const { detector } of compiled.keyed) for (const k of detector.keywords) keywords.add(k.toLowerCase());
  const list = [...keywords];
  // (The prefilter is null exactly when there is no keyword. perf: not asked for here, where
  // that would build its regex.)
  const usable = list.length > 0 && list.every((k) => k.length > 0 && !/[\r\n]/.test(k));
  const scanner = usable ? buildScanner(list.filter((k) => /^[\x00-\x7f]+$/.test(k))) : null;
  cache.set(compiled, scanner);
  return scanner;
}

/**
 * The Aho-Corasick automaton of `words` over byte classes (`cls`, `classes` of them; 0 for bytes
 * in no word): `next[s * classes + x]` is the state after class x from state s, and `own[s]` the
 * bits (`bitOf(word's index)`) of the words that end at state s, through its failure links.
 */
function automaton(words: readonly string[], bitOf: (i: number) => number, cls: Uint8Array, classes: number): Automaton {
  const go: Array<Map<number, number>> = [new Map()];
  const own: number[] = [0];
  words.forEach((w, wi) => {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const x = cls[w.charCodeAt(i)];
      let n = go[s].get(x);
      if (n === undefined) {
        n = go.length;
        go.push(new Map());
        own.push(0);
        go[s].set(x, n);
      }
      s = n;
    }
    own[s] |= bitOf(wi);
  });
  const states = go.length;
  const next = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const order: number[] = [];
  for (const [x, n] of go[0]) {
    next[x] = n;
    order.push(n);
  }
  // perf: breadth first; a state's row is its failure state's row (one copy) but for its own
  // children, instead of a loop over every class of every state (slow in a cold process).
  for (let q = 0; q < order.length; q++) {
    const s = order[q];
    const f = fail[s];
    own[s] |= own[f];
    next.copyWithin(s * classes, f * classes, f * classes + classes);
    for (const [x, n] of go[s]) {
      fail[n] = next[f * classes + x];
      next[s * classes + x] = n;
      order.push(n);
    }
  }
  return { next, own, states, fail, order, go };
}

/** An automaton as `automaton` builds it: the transitions, the bits ending at each state, and how its rows were made. */
interface Automaton {
  next: Int32Array;
  own: number[];
  states: number;
  fail: Int32Array;
  /** Every state but the root, breadth first. */
  order: number[];
  /** Each state's children in the trie, by class. */
  go: Array<Map<number, number>>;
}

/**
 * `map(next[i])` for every transition, made as `next` was (row by row from the failure rows:
 * a state's row holds its failure state's targets but for its own children), so map is called
 * once per state and class of the root, and once per child. `map` must depend on the target only.
 */
function mapTransitions(a: Automaton, classes: number, map: (n: number) => number): Int32Array {
  const t = new Int32Array(a.states * classes);
  for (let x = 0; x < classes; x++) t[x] = map(a.next[x]);
  for (const s of a.order) {
    const f = a.fail[s];
    t.copyWithin(s * classes, f * classes, f * classes + classes);
    for (const [x, n] of a.go[s]) t[s * classes + x] = map(n);
  }
  return t;
}

/** Builds the automaton over byte classes (one class per keyword character and its upper case, 0 for the rest). */
export function buildScanner(keywords: readonly string[]): KeywordScanner {
  const cls = new Uint8Array(256);
  let classes = 1;
  for (const k of keywords)
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (cls[c] !== 0) continue;
      cls[c] = classes;
      const up = String.fromCharCode(c).toUpperCase().charCodeAt(0);
      const low = String.fromCharCode(c).toLowerCase().charCodeAt(0);
      if (up < 128) cls[up] = classes;
      if (low < 128) cls[low] = classes;
      classes++;
    }
  const a = automaton(keywords, () => 1, cls, classes);
  // Transitions pre-multiplied by the row length; -1 for "a keyword ends here".
  const table = mapTransitions(a, classes, (n) => (a.own[n] !== 0 ? -1 : n * classes));
  return {
    words: keywords,
    find(buf, from, to) {
      let s = 0;
      for (let i = from; i < to; i++) {
        s = table[s + cls[buf[i]]];
        if (s < 0) return i;
      }
      return -1;
    },
    findText(text, from) {
      let s = 0;
      for (let i = from; i < text.length; i++) {
        const c = text.charCodeAt(i);
        s = table[s + (c < 128 ? cls[c] : 0)];
        if (s < 0) return i;
      }
      return -1;
    },
  };
}

/**
 * Which keywords occur in a line of plain-ASCII text (case-insensitive): the same automaton over
 * UTF-16 code units, reporting every keyword that ends at each position. One table step per
 * character replaces one `includes` per detector. `scan` returns false (and marks nothing) when
 * the line holds a non-ASCII character: the caller then falls back to the exact string checks
 * (`toLowerCase` folds a few non-ASCII characters to ASCII letters, the automaton does not).
 */
export interface KeywordHits {
  /** Keyword ids, in the order of the list given to `buildKeywordHits`. */
  readonly count: number;
  /**
   * Marks `seen[id] = stamp` for every keyword in the line (and pushes each such id once to
   * `list`, when given) and returns how many occurrences it saw; -1 (marks undefined) when the
   * line is not ASCII.
   */
  scan(text: string, seen: Int32Array, stamp: number, list?: number[]): number;
  /**
   * `scan` that also lists the occurrences, as `positions` does, in `out` (emptied first), when
   * there are at most `max`: then it returns their count, else max + 1 (and `out` is empty).
   * One pass over the line for both. (perf: also max + 1 for a line whose first 4096 occurrences
   * and more come over 4 times as densely as max allows: few lines that dense at their start have
   * at most max in all, and a list of so many would not be used.)
   */
  scanAt(text: string, seen: Int32Array, stamp: number, out: Occurrences, max: number, list?: number[]): number;
  /**
   * `scanAt` over a line of any characters (those outside ASCII end every keyword there, and no
   * keyword with one is found): returns the count, or its complement (`~n`, negative) when the
   * line holds a character outside ASCII. With `stop`, it stops at the occurrence after the
   * first `max` (then it returns max + 1: the marks, the list and the ASCII answer are partial).
   * With `accept`, an occurrence (id, end) it rejects is passed over as if absent.
   */
  scanAll(
    text: string,
    seen: Int32Array,
    stamp: number,
    out: number[],
    max: number,
    stop?: boolean,
    accept?: (id: number, end: number) => boolean,
  ): number;
  /**
   * The same over an already lower-cased line of any characters: `seen[id] = stamp` exactly for
   * the keywords `lower.includes(keyword)` finds (non-ASCII characters end every ASCII keyword;
   * keywords with a non-ASCII character are looked up with includes).
   */
  scanLower(lower: string, seen: Int32Array, stamp: number, list?: number[]): number;
  /**
   * 1 when some keyword occurs in the line before any non-ASCII character, else 0 when the line
   * is ASCII (no keyword), -1 when it is not (a keyword may still occur: ask the prefilter).
   */
  any(text: string): number;
  /**
   * Every keyword occurrence in an ASCII line, as (id, end index exclusive) pairs, in order of
   * end; null when there are more than `max` (the caller then does without them).
   */
  positions(text: string, max: number): number[] | null;
}

/**
 * See unseen (in buildKeywordHits): its table of n entries is rebuilt after n >> REBUILD_SHIFT
 * stale marks (the catalogue's: 83,200 entries, rebuilt in ~0.1 ms, after 5,200 marks of a few ns).
 */
const REBUILD_SHIFT = 4;

/** See scanAt: occurrences listed before the density of a line's start is judged, and the rate judged too dense. */
const DENSE_AFTER = 4096;
const DENSE_RATE = 4;

/**
 * Keyword occurrences as (id, end) pairs: the first `length` numbers of `at` (a typed array kept
 * for reuse: a long line's list is no array of boxed numbers grown by copies).
 */
export class Occurrences {
  at = new Int32Array(0);
  length = 0;
  /** The pairs listed (a view: valid until the next scan into this list). */
  view(): Int32Array {
    return this.at.subarray(0, this.length);
  }
}

export function buildKeywordHits(keywords: readonly string[]): KeywordHits {
  const cls = new Uint8Array(128);
  let classes = 1;
  let maxStates = 1;
  for (const k of keywords) {
    maxStates += k.length;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (c >= 128 || cls[c] !== 0) continue;
      cls[c] = classes;
      // ASCII letters fold to each other only.
      if (c >= 0x61 && c <= 0x7a) cls[c - 32] = classes;
      else if (c >= 0x41 && c <= 0x5a) cls[c + 32] = classes;
      classes++;
    }
  }
  // The trie: goto[s * classes + x] is the child or -1; own[s] the keyword ids ending at s.
  const go = new Int32Array(maxStates * classes).fill(-1);
  const own: number[][] = [[]];
  // Each state's children as (class, child) pairs (the trie's edges, for the rows below).
  const kids: number[][] = [[]];
  let states = 1;
  const wide: number[] = [];
  keywords.forEach((k, id) => {
    // A keyword with a non-ASCII character never occurs in an ASCII line.
    for (let i = 0; i < k.length; i++)
      if (k.charCodeAt(i) >= 128) {
        wide.push(id);
        return;
      }
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const at = s * classes + cls[k.charCodeAt(i)];
      if (go[at] < 0) {
        go[at] = states++;
        own.push([]);
        kids.push([]);
        kids[s].push(cls[k.charCodeAt(i)], go[at]);
      }
      s = go[at];
    }
    own[s].push(id);
  });
  // Aho-Corasick: full transition table (pre-multiplied by the row length) and each state's
  // keyword ids, its own plus its failure state's, in one flat list.
  const table = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const outs: number[][] = new Array(states);
  outs[0] = own[0];
  const queue = new Int32Array(states);
  let qn = 0;
  for (let x = 0; x < classes; x++) {
    const n = go[x];
    if (n > 0) {
      table[x] = n * classes;
      queue[qn++] = n;
    } else table[x] = 0;
  }
  // perf: a state's row is its failure state's row (one copy) but for its own children, instead
  // of a loop over every class of every state (slow in a cold process).
  for (let q = 0; q < qn; q++) {
    const s = queue[q];
    const f = fail[s];
    outs[s] = outs[f].length === 0 ? own[s] : own[s].concat(outs[f]);
    table.copyWithin(s * classes, f * classes, f * classes + classes);
    const ks = kids[s];
    for (let k = 0; k < ks.length; k += 2) {
      const x = ks[k];
      const n = ks[k + 1];
      fail[n] = table[f * classes + x] / classes;
      table[s * classes + x] = n * classes;
      queue[qn++] = n;
    }
  }
  // Indexed by the pre-multiplied state: where its keyword ids start and end in outIds.
  const outFrom = new Int32Array(states * classes + 1);
  const outTo = new Int32Array(states * classes + 1);
  let total = 0;
  for (let s = 0; s < states; s++) total += outs[s].length;
  const outIds = new Int32Array(total);
  let at = 0;
  for (let s = 0; s < states; s++) {
    outFrom[s * classes] = at;
    for (const id of outs[s]) outIds[at++] = id;
    outTo[s * classes] = at;
  }
  // perf: the same table with states that end a keyword marked (~s): one branch per character.
  // (Made as the table was, row by row: a mark depends on the target only.)
  const mark = (t: number): number => (outFrom[t] !== outTo[t] ? ~t : t);
  /** `out` filled as the table, each target `t` written as `markOf(t)`. */
  const markRows = (out: Int32Array, markOf: (t: number) => number): Int32Array => {
    for (let x = 0; x < classes; x++) out[x] = markOf(table[x]);
    for (let q = 0; q < qn; q++) {
      const s = queue[q];
      const f = fail[s];
      out.copyWithin(s * classes, f * classes, f * classes + classes);
      const ks = kids[s];
      for (let k = 0; k < ks.length; k += 2) out[s * classes + ks[k]] = markOf(ks[k + 1] * classes);
    }
    return out;
  };
  const marked = markRows(new Int32Array(table.length), mark);
  // perf: `marked` where only states that end a keyword not seen yet are marked (rebuilt, row by
  // row as `marked` was, each time one more keyword is seen); for `unseen`.
  let fresh: Int32Array | null = null;
  const freshen = (seen: Int32Array, stamp: number): Int32Array => {
    const pending = (t: number): number => {
      for (let j = outFrom[t], e = outTo[t]; j < e; j++) if (seen[outIds[j]] !== stamp) return ~t;
      return t;
    };
    return markRows((fresh ??= new Int32Array(marked.length)), pending);
  };
  // perf: marks of keywords all seen already that `unseen` passes before it rebuilds its table
  // (a rebuild costs about as much as that many looks: see unseen).
  const staleLooks = Math.max(64, table.length >> REBUILD_SHIFT);
  /**
   * Reads text from `from` on, in state `s` (pre-multiplied), marking (and listing) the keywords
   * not seen yet; false when the text holds a character outside ASCII. Its table marks every
   * state that ends a keyword not seen yet, and maybe more (a keyword seen stays seen): it starts
   * as `marked` and is rebuilt (`freshen`) only once its stale marks have cost `staleLooks` looks
   * (rebuilt at each keyword first seen, a line holding a hundred kinds of keyword cost a hundred
   * tables).
   */
  const unseen = (text: string, from: number, s: number, seen: Int32Array, stamp: number, list?: number[]): boolean => {
    let t = marked;
    let stale = 0;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) return false;
      s = t[s + cls[c]];
      if (s < 0) {
        s = ~s;
        let first = false;
        for (let j = outFrom[s], e = outTo[s]; j < e; j++) {
          const id = outIds[j];
          if (seen[id] !== stamp) {
            seen[id] = stamp;
            list?.push(id);
            first = true;
          }
        }
        if (!first && ++stale >= staleLooks) {
          t = freshen(seen, stamp);
          stale = 0;
        }
      }
    }
    return true;
  };
  return {
    count: keywords.length,
    scan(text, seen, stamp, list) {
      let s = 0;
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 128) return -1;
        s = marked[s + cls[c]];
        if (s < 0) {
          s = ~s;
          for (let j = outFrom[s], e = outTo[s]; j < e; j++) {
            const id = outIds[j];
            if (seen[id] !== stamp) {
              seen[id] = stamp;
              list?.push(id);
            }
            n++;
          }
        }
      }
      return n;
    },
    scanAt(text, seen, stamp, out, max, list) {
      out.length = 0;
      // (Room for max + 1 occurrences: written in place, its pages taken only as far as written.)
      if (out.at.length < 2 * max + 2) out.at = new Int32Array(2 * max + 2);
      const at = out.at;
      let s = 0;
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 128) return -1;
        s = marked[s + cls[c]];
        if (s < 0) {
          s = ~s;
          for (let j = outFrom[s], e = outTo[s]; j < e; j++) {
            const id = outIds[j];
            if (seen[id] !== stamp) {
              seen[id] = stamp;
              list?.push(id);
            }
            n++;
          }
          // perf: past max the list is of no use, nor (most likely) past DENSE_AFTER occurrences at
          // over DENSE_RATE times the density max allows (a line that dense so far is no line for
          // windows: it is searched whole, the same matches): the rest of the line is read for
          // keywords not seen yet only (most states end none: one branch per character, as `any`).
          if (n > max || (n > DENSE_AFTER && n * text.length > DENSE_RATE * max * (i + 1))) {
            out.length = 0;
            return unseen(text, i + 1, s, seen, stamp, list) ? max + 1 : -1;
          }
          let k = out.length;
          for (let j = outFrom[s], e = outTo[s]; j < e; j++) {
            at[k++] = outIds[j];
            at[k++] = i + 1;
          }
          out.length = k;
        }
      }
      return n;
    },
    scanAll(text, seen, stamp, out, max, stop, accept) {
      out.length = 0;
      let s = 0;
      let n = 0;
      let wide = false;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 128) {
          wide = true;
          s = 0;
          continue;
        }
        s = marked[s + cls[c]];
        if (s < 0) {
          s = ~s;
          for (let j = outFrom[s], e = outTo[s]; j < e; j++) {
            if (accept && !accept(outIds[j], i + 1)) continue;
            seen[outIds[j]] = stamp;
            if (++n <= max) out.push(outIds[j], i + 1);
            else if (stop) return n;
          }
        }
      }
      return wide ? ~n : n;
    },
    scanLower(lower, seen, stamp, list) {
      let s = 0;
      let n = 0;
      for (let i = 0; i < lower.length; i++) {
        const c = lower.charCodeAt(i);
        s = marked[s + (c < 128 ? cls[c] : 0)];
        if (s < 0) {
          s = ~s;
          for (let j = outFrom[s], e = outTo[s]; j < e; j++) {
            const id = outIds[j];
            if (seen[id] !== stamp) {
              seen[id] = stamp;
              list?.push(id);
            }
            n++;
          }
        }
      }
      for (const id of wide)
        if (lower.includes(keywords[id])) {
          if (seen[id] !== stamp) list?.push(id);
          seen[id] = stamp;
          n++;
        }
      return n;
    },
    any(text) {
      // A keyword in the ASCII part before any other character is one the case-insensitive
      // alternation finds too (ASCII letters fold to ASCII letters only): 1 at once.
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 128) return -1;
        if (marked[s + cls[c]] < 0) return 1;
        s = table[s + cls[c]];
      }
      return 0;
    },
    positions(text, max) {
      const out: number[] = [];
      const cap = 2 * max;
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        s = marked[s + cls[text.charCodeAt(i) & 127]];
        if (s < 0) {
          s = ~s;
          for (let j = outFrom[s], e = outTo[s]; j < e; j++) out.push(outIds[j], i + 1);
          if (out.length > cap) return null;
        }
      }
      return out;
    },
  };
}

/**
 * One automaton (ASCII case folded, over bytes of ASCII text) for several lists of words: each
 * place a word ends is an event with the bits of its lists. `find` resumes from `state` (0 at a
 * line start), so a search continued after an event finds every later occurrence, overlapping
 * ones included; no word may hold a line break (a '\n' leaves every state).
 */
export class EventScanner {
  /** The automaton's state after the last byte read. */
  state = 0;
  /** The lists (bits) of the words that end at the last event. */
  bits = 0;
  private readonly cls = new Uint8Array(256);
  private readonly table: Int32Array;
  private readonly out: Uint8Array;
  constructor(lists: ReadonlyArray<readonly string[]>) {
    const { cls } = this;
    let classes = 1;
    for (const list of lists)
      for (const w of list)
        for (let i = 0; i < w.length; i++) {
          const c = w.charCodeAt(i);
          if (cls[c] !== 0) continue;
          cls[c] = classes;
          if (c >= 0x61 && c <= 0x7a) cls[c - 32] = classes;
          else if (c >= 0x41 && c <= 0x5a) cls[c + 32] = classes;
          classes++;
        }
    const bits = lists.flatMap((list, bit) => list.map(() => 1 << bit));
    const a = automaton(lists.flat(), (i) => bits[i], cls, classes);
    const { own, states } = a;
    // Transitions pre-multiplied by the row length; ~t when the target ends a word.
    this.out = new Uint8Array(states * classes);
    for (let s = 0; s < states; s++) this.out[s * classes] = own[s];
    this.table = mapTransitions(a, classes, (n) => (own[n] !== 0 ? ~(n * classes) : n * classes));
  }

  /** Index of the first byte of buf[from, to) that ends a word of a list in `mask` (from `state`), or -1. */
  find(buf: Uint8Array, from: number, to: number, mask: number): number {
    const { table, cls, out } = this;
    let s = this.state;
    for (let i = from; i < to; i++) {
      s = table[s + cls[buf[i]]];
      if (s < 0) {
        s = ~s;
        const bits = out[s] & mask;
        if (bits !== 0) {
          this.state = s;
          this.bits = bits;
          return i;
        }
      }
    }
    this.state = s;
    return -1;
  }
}
