import { passesShape } from './filters';
import { buildKeywordHits, buildScanner, Occurrences, type KeywordHits } from './keyword-scanner';
import { literalAnchors, splitTop } from './anchors';
import {
  alwaysHoldsKeyword,
  RunClass,
  keywordWindows,
  matchWindow,
  maxMatchLength,
  windows,
  WINDOW_MIN_LINE,
  type MatchWindow,
} from './match-window';
import { groupEnd, pivotExec, pivotOf, type PivotPlan } from './pivot';
import { cellValue, isSeparatorRow, tableCells } from './table';
import type { Detector, RawFinding, Rule, TextLine } from './types';

/** Rules prepared for scanning: one combined keyword prefilter, context detectors apart. */
export interface CompiledRules {
  rules: readonly Rule[];
  /** Case-insensitive alternation of every keyword: a line without a hit skips keyword detectors. */
  prefilter: RegExp | null;
  keyed: Array<{ rule: Rule; detector: Detector }>;
  /** perf: the keyed detectors with their keyword ids and a cheap necessary condition. */
  gates: KeyedGate[];
  /** perf: the keywords (lower case), by id. */
  keywords: string[];
  /** perf: by keyword id, the indices into `gates` of the detectors holding it, ascending (built on first use). */
  gatesOf?: number[][];
  /** perf: finds which keywords (ids into `gates[].ids`) occur in an ASCII line (built on first use). */
  hits?: KeywordHits;
  /** perf: distinct secret-run checks, by index (see `secretRunCheck`; found on first use). */
  runChecks: Array<{ test(text: string): boolean }>;
  runIds: Map<string, number>;
  contextual: Array<{ rule: Rule; detector: Detector }>;
  /** Non-global copies of the keyword-less detectors' patterns, to test a line cheaply. */
  contextualTests: RegExp[];
}

/** True when a keyword detector could match this line (it holds one of their keywords). */
export function passesPrefilter(compiled: CompiledRules, text: string): boolean {
  // (No keywords: no prefilter. Asked this way, the prefilter regex is not built for an ASCII line.)
  if (compiled.keywords.length === 0) return false;
  if (text.length === 0) return false;
  if (!automataPay(compiled, text)) {
    // A few short lines: each keyword looked for in the lower-cased ASCII line (same answer).
    const low = asciiLower(text);
    return low === null ? compiled.prefilter!.test(text) : compiled.keywords.some((k) => low.includes(k));
  }
  // An ASCII line: the automaton gives the same answer as the case-insensitive alternation.
  const a = (compiled.hits ??= buildKeywordHits(compiled.keywords)).any(text);
  return a < 0 ? compiled.prefilter!.test(text) : a === 1;
}

/** perf: how many short lines are looked at with per-keyword `includes` before the keyword automata are built. */
const AUTOMATA_AFTER = 128;
const looked = new WeakMap<CompiledRules, number>();

/**
 * True once building the keyword automata (~4 ms each) pays: they are built, the line is long,
 * or enough lines were looked at. A small commit never builds them; `includes` of each keyword
 * in a few short lines costs less and gives the same answer.
 */
export function automataPay(compiled: CompiledRules, text: string): boolean {
  if (compiled.hits || text.length >= WINDOW_MIN_LINE) return true;
  const n = looked.get(compiled) ?? 0;
  if (n >= AUTOMATA_AFTER) return true;
  looked.set(compiled, n + 1);
  return false;
}

/** The line in lower case when it is all ASCII (ASCII case folding), else null. */
function asciiLower(text: string): string | null {
  return /[^\x00-\x7f]/.test(text) ? null : text.toLowerCase();
}

/**
 * What `KeywordHits.scan` gives, without the automaton: -1 for a line that is not ASCII, else
 * a count that is 0 exactly when no keyword occurs (keywords found are stamped in `seen`).
 */
function scanFew(keywords: readonly string[], text: string, seen: Int32Array, stamp: number, ids?: number[]): number {
  const low = asciiLower(text);
  return low === null ? -1 : markFew(keywords, low, seen, stamp, ids);
}

/** What `KeywordHits.scanLower` gives on a lower-cased line: each keyword that occurs in it. */
function markFew(keywords: readonly string[], lower: string, seen: Int32Array, stamp: number, ids?: number[]): number {
  let n = 0;
  for (let id = 0; id < keywords.length; id++)
    if (lower.includes(keywords[id])) {
      seen[id] = stamp;
      ids?.push(id);
      n++;
    }
  return n;
}

/**
 * perf: the keyword-less detectors' tests with cheap necessary conditions: each test's secret-run
 * check (index into `checks`, -1 for none), and `union`, a run that every line passing any of
 * those checks holds (the union of their classes, the shortest length), or null.
 */
interface CandidateGates {
  tests: Array<{ re: RegExp; run: number }>;
  checks: RunClass[];
  union: RunClass | null;
}

const candidateGates = new WeakMap<CompiledRules, CandidateGates>();

function gatesFor(compiled: CompiledRules): CandidateGates {
  let g = candidateGates.get(compiled);
  if (g) return g;
  const checks: RunClass[] = [];
  const ids = new Map<string, number>();
  const tests = compiled.contextualTests.map((re) => {
    const check = secretRunCheck(re);
    // (At most 30 distinct checks: their state is kept in bits.)
    if (!check || (checks.length >= 30 && !ids.has(`${check.source}/${check.flags}`))) return { re, run: -1 };
    const key = `${check.source}/${check.flags}`;
    let run = ids.get(key);
    if (run === undefined) {
      run = checks.push(new RunClass(check, Number(/\{(\d+)\}$/.exec(check.source)![1]))) - 1;
      ids.set(key, run);
    }
    return { re, run };
  });
  let union: RunClass | null = null;
  if (checks.length > 1 && checks.every((c) => c.check.flags === checks[0].check.flags && !/[uv]/.test(c.check.flags))) {
    const classes = checks.map((c) => c.check.source.replace(/\{\d+\}$/, ''));
    const n = Math.min(...checks.map((c) => c.n));
    union = new RunClass(new RegExp(`(?:${classes.join('|')}){${n}}`, checks[0].check.flags), n);
  }
  g = { tests, checks, union };
  candidateGates.set(compiled, g);
  return g;
}

const byteGates = new WeakMap<CompiledRules, ((buf: Uint8Array, from: number, to: number) => boolean) | null>();
const utf8Gates = new WeakMap<CompiledRules, ((buf: Uint8Array, from: number, to: number) => boolean) | null>();

/**
 * perf: a necessary condition of `contextualCandidate` on the bytes of a plain-ASCII line, or null
 * when there is none: the line passes one of the run checks (each read by every n-th byte; for a
 * test without one, the run its pivot plan starts its secret with), or holds a literal that every
 * match of one of the other tests holds (its literal anchors, else the longest literal piece of
 * its source that every match holds; ASCII case folded). A line failing it is no candidate, and
 * needs no string.
 *
 * `utf8`: the same for the UTF-8 bytes of a line of any characters (a binary's text runs): bytes
 * above 0x7f count as members of every run class, and literals outside ASCII (which have no case)
 * are looked for as their bytes; null when a test read by a literal folds case with the u or v
 * flag (where a character outside ASCII may match an ASCII letter).
 */
export function candidateByteGate(compiled: CompiledRules, utf8 = false): ((buf: Uint8Array, from: number, to: number) => boolean) | null {
  const cache = utf8 ? utf8Gates : byteGates;
  if (cache.has(compiled)) return cache.get(compiled)!;
  const { tests, checks } = gatesFor(compiled);
  const literals: string[] = [];
  let ok = true;
  const runs = new Map(checks.map((c) => [`${c.check.source}/${c.check.flags}`, c]));
  tests.forEach((t, k) => {
    if (t.run >= 0 || !ok) return;
    // A pivot plan that finds its places in runs: every match holds n characters of the class in a row.
    const p = pivotOf(compiled.contextual[k].detector.pattern);
    if (p?.runAtom && !/[uv]/.test(p.runAtom.flags)) {
      const check = new RegExp(`(?:${p.runAtom.atom}){${p.n}}`, p.runAtom.flags);
      const key = `${check.source}/${check.flags}`;
      if (!runs.has(key)) runs.set(key, new RunClass(check, p.n));
      return;
    }
    const lits = literalAnchors(t.re) ?? requiredLiteral(t.re);
    if (!lits || (utf8 && ((/[uv]/.test(t.re.flags) && t.re.flags.includes('i')) || !lits.every(caseless)))) ok = false;
    // A literal outside ASCII never occurs in an ASCII line (in UTF-8 bytes: as its bytes).
    else if (utf8) literals.push(...lits.map((w) => Buffer.from(w.toLowerCase(), 'utf8').toString('latin1')));
    else literals.push(...lits.filter((w) => /^[\x00-\x7f]+$/.test(w)));
  });
  let gate: ((buf: Uint8Array, from: number, to: number) => boolean) | null = null;
  if (ok) {
    const list = [...runs.values()];
    // (The UTF-8 bytes are lower-cased as characters already: a Latin-1 letter here is one byte of one.)
    const scan = literals.length > 0 ? buildScanner([...new Set(utf8 ? literals : literals.map((w) => w.toLowerCase()))]) : null;
    gate = utf8
      ? (buf, from, to) => {
          for (const c of list) if (c.testUtf8Bytes(buf, from, to)) return true;
          return scan !== null && scan.find(buf, from, to) >= 0;
        }
      : (buf, from, to) => {
          for (const c of list) if (c.testBytes(buf, from, to)) return true;
          return scan !== null && scan.find(buf, from, to) >= 0;
        };
  }
  cache.set(compiled, gate);
  return gate;
}

/** No character of `w` outside ASCII has another case. */
function caseless(w: string): boolean {
  return [...w].every((c) => c.charCodeAt(0) < 128 || (c.toLowerCase() === c && c.toUpperCase() === c));
}

/** The longest literal piece of the pattern's source that every match holds, as a one-element list, or null. */
function requiredLiteral(re: RegExp): string[] | null {
  const pieces = re.source.match(/(?:\\[^A-Za-z0-9]|[A-Za-z0-9_"':=@ -])+/g) ?? [];
  const cands = [...new Set(pieces.map((p) => p.replace(/\\(.)/g, '$1')))].sort((a, b) => b.length - a.length);
  for (const c of cands) if (!/[\r\n]/.test(c) && alwaysHoldsKeyword(re, [c])) return [c];
  return null;
}

const subsets = new WeakMap<CompiledRules, Map<string, CompiledRules>>();

/**
 * perf: the rules with only the keyword-less detectors whose file context `on` accepts, for the
 * candidates of a file whose context is known (a new file: its every line was looked at). The
 * others never run on it: their candidates need not be kept, nor their tests tried on each line.
 * Made once per set of detectors.
 */
export function withContextual(compiled: CompiledRules, on: (fileContext: RegExp) => boolean): CompiledRules {
  const keep = compiled.contextual.map((c) => on(c.detector.fileContext!));
  if (keep.every(Boolean)) return compiled;
  const key = keep.map((k) => (k ? 1 : 0)).join('');
  let bySet = subsets.get(compiled);
  if (!bySet) subsets.set(compiled, (bySet = new Map()));
  let sub = bySet.get(key);
  if (!sub) {
    // Everything else (keywords, gates, caches) is the rule set's own.
    sub = Object.create(compiled) as CompiledRules;
    sub.contextual = compiled.contextual.filter((_, k) => keep[k]);
    sub.contextualTests = compiled.contextualTests.filter((_, k) => keep[k]);
    bySet.set(key, sub);
  }
  return sub;
}

/** True when a keyword-less (file-context) detector's pattern matches this line. */
export function contextualCandidate(compiled: CompiledRules, text: string): boolean {
  if (compiled.contextualTests.length === 0) return false;
  const { tests, checks, union } = gatesFor(compiled);
  // A line without the union run fails every run check: only the tests without one can match.
  const runs = union === null || union.test(text);
  let passed = 0;
  let failed = 0;
  for (const { re, run } of tests) {
    if (run >= 0) {
      if (!runs || (failed >> run) & 1) continue;
      if (!((passed >> run) & 1)) {
        if (checks[run].test(text)) passed |= 1 << run;
        else {
          failed |= 1 << run;
          continue;
        }
      }
    }
    if (re.test(text)) return true;
  }
  return false;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

/**
 * One alternation of all keywords, factored by common prefixes (`s(?:ecret|k|ec)` rather than
 * `secret|sk|sec`): the regex engine then picks a branch by the next character instead of
 * trying every keyword at every position.
 */
export function keywordRegexSource(keywords: Iterable<string>): string {
  const root: Trie = { end: false, next: new Map() };
  for (const k of keywords) {
    let t = root;
    for (const ch of k) {
      let n = t.next.get(ch);
      if (!n) t.next.set(ch, (n = { end: false, next: new Map() }));
      t = n;
    }
    t.end = true;
  }
  // A node that ends a keyword matches there: longer keywords through it add nothing to a prefilter.
  const emit = (t: Trie): string => {
    const alts = [...t.next].map(([ch, n]) => escapeRe(ch) + (n.end ? '' : emit(n)));
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

/** A keyed detector prepared for scanning. */
export interface KeyedGate {
  rule: Rule;
  detector: Detector;
  /** Its keywords' ids (lower case). */
  ids: number[];
  /** Index into `runChecks` of a regex every line it matches must match, -1 for none; unset until first needed. */
  run?: number;
  /** How to match on a long line: worked out on the first long line (`longLinePlan`), null for none. */
  long?: LongLinePlan | null;
}

export interface LongLinePlan {
  /** Where the pattern can match: before runs that can hold its secret (see match-window), or null. */
  window: MatchWindow | null;
  /**
   * When every match holds one of its keywords and has a bounded length: the pattern (sticky),
   * that length, and each keyword's length by id (0 for other detectors' keywords).
   */
  near: { sticky: RegExp; span: number; len: Int32Array } | null;
  /**
   * With a pivot plan (see pivot.ts), where its secret can start near a keyword occurrence (ke its
   * end, ks its start): from ke - before to ks + after. When the part before the secret always
   * holds a keyword, from its end to its start plus that part's longest length; else, when the
   * whole match does, within the match's longest length either side. Null for anywhere.
   */
  pivot: { before: number; after: number; len: Int32Array } | null;
  /**
   * The windows hold on a line with characters outside ASCII too, its occurrences found in the
   * line as it is (`wideOccurrences`): the pattern has no u or v flag (without them, a letter
   * outside ASCII never matches an ASCII one, case ignored or not) and its keywords outside ASCII
   * have no case (a match holds them as written).
   */
  anyText: boolean;
}

/** The gate's long-line plan (the pattern analysis costs a few ms per rule set: only done when needed). */
export function longLinePlan(g: KeyedGate, keywords: readonly string[]): LongLinePlan | null {
  if (g.long !== undefined) return g.long;
  const { detector } = g;
  const check = g.run !== -1 ? secretRunCheck(detector.pattern) : null;
  const window = check ? matchWindow(detector.pattern, check) : null;
  const span = maxMatchLength(detector.pattern);
  let near: LongLinePlan['near'] = null;
  if (span !== null && alwaysHoldsKeyword(detector.pattern, detector.keywords)) {
    const len = new Int32Array(keywords.length);
    for (const id of g.ids) len[id] = keywords[id].length;
    near = { sticky: new RegExp(detector.pattern.source, detector.pattern.flags.replace(/[gy]/g, '') + 'y'), span, len };
  }
  let pivot: LongLinePlan['pivot'] = null;
  const p = pivotOf(detector.pattern);
  if (p) {
    const src = detector.pattern.source;
    const prefix = new RegExp(src.slice(0, src.indexOf('(?<secret>')), detector.pattern.flags.replace(/[gy]/g, ''));
    const len = near?.len ?? new Int32Array(keywords.length);
    for (const id of g.ids) len[id] = keywords[id].length;
    if (alwaysHoldsKeyword(prefix, detector.keywords)) pivot = { before: 0, after: p.reach, len };
    else if (near) pivot = { before: near.span, after: near.span, len };
  }
  // A pattern the regex engine finds by itself as fast is searched plainly (same matches).
  const plain = plainSearchCheap(detector.pattern);
  const anyText =
    !/[uv]/.test(detector.pattern.flags) &&
    detector.keywords.every((k) => /^[\x00-\x7f]*$/.test(k) || (k.toLowerCase() === k && k.toUpperCase() === k));
  g.long = (window || near) && !plain ? { window, near, pivot, anyText } : pivot ? { window: null, near: null, pivot, anyText } : null;
  return g.long;
}

/**
 * perf: true when a plain search of the pattern over a long line costs less than trying it,
 * sticky, at every position of its windows (one regex call each): it is anchored at the line's
 * start (a `^` binding all of it, without the m flag: one place to try), or every match starts
 * with the same literal of 3 or more characters (after lookbehinds and an opening group), which
 * the regex engine looks for by itself. Either way a plain search gives the same matches.
 */
export function plainSearchCheap(pattern: RegExp): boolean {
  let src = pattern.source;
  if (splitTop(src).length !== 1) return false;
  if (src.startsWith('^')) return !pattern.flags.includes('m');
  // Leading lookbehinds match nothing: skip them (to their closing parenthesis).
  while (src.startsWith('(?<=') || src.startsWith('(?<!')) {
    const end = groupEnd(src);
    if (end < 0) return false;
    src = src.slice(end + 1);
  }
  const literal = /^[A-Za-z0-9_]{3}(?![?*+{])/;
  const open = src.startsWith('(?<secret>') ? '(?<secret>'.length : src.startsWith('(?:') ? 3 : 0;
  if (open === 0) return literal.test(src);
  // An opening group: it must have one branch (the literal then starts every match).
  const end = groupEnd(src);
  return end > 0 && splitTop(src.slice(open, end)).length === 1 && literal.test(src.slice(open));
}

/**
 * A regex that every match of `pattern` contains, or null: when the named group `secret` is a
 * single character class repeated at least n times (`(?<secret>[A-Za-z0-9]{30})`), outside any
 * alternation, optional group or lookaround, every match holds n characters of that class in a
 * row. A line without such a run cannot match: the detector's (costlier) pattern is skipped.
 */
export function secretRunCheck(pattern: RegExp): RegExp | null {
  const src = pattern.source;
  const at = src.indexOf('(?<secret>');
  if (at < 0 || src.indexOf('(?<secret>', at + 1) >= 0) return null;
  const m = /^\(\?<secret>(\[(?:\\.|[^\]\\])+\])\{(\d+)(?:,\d*)?\}\)/.exec(src.slice(at));
  if (!m || Number(m[2]) < 8) return null;
  if (/^[?*+{]/.test(src.slice(at + m[0].length))) return null;
  // The group must sit at the top level of a pattern without a top-level alternation.
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') {
      if (i === at && depth !== 0) return null;
      depth++;
    } else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
  }
  return new RegExp(`${m[1]}{${m[2]}}`, pattern.flags.replace(/[gy]/g, ''));
}

export function compileRules(rules: readonly Rule[]): CompiledRules {
  const keywords = new Set<string>();
  const keyed: CompiledRules['keyed'] = [];
  const contextual: CompiledRules['contextual'] = [];
  for (const rule of rules) {
    for (const detector of rule.detectors) {
      if (detector.fileContext) contextual.push({ rule, detector });
      else {
        keyed.push({ rule, detector });
        for (const k of detector.keywords) keywords.add(k.toLowerCase());
      }
    }
  }
  const contextualTests = contextual.map((c) => new RegExp(c.detector.pattern.source, c.detector.pattern.flags.replace(/[gy]/g, '')));
  const list = [...keywords];
  const gates = keyed.map(({ rule, detector }): KeyedGate => ({
    rule,
    detector,
    ids: detector.keywords.map((k) => list.indexOf(k.toLowerCase())),
  }));
  // perf: the alternation of all keywords is built when first asked for (a non-ASCII line, a
  // shell prefilter): ASCII lines are matched with the keywords themselves.
  let prefilter: RegExp | null | undefined;
  return {
    rules,
    get prefilter() {
      return (prefilter ??= keywords.size > 0 ? new RegExp(keywordRegexSource(keywords), 'i') : null);
    },
    keyed,
    gates,
    keywords: list,
    runChecks: [],
    runIds: new Map(),
    contextual,
    contextualTests,
  };
}

function gatesByKeyword(compiled: CompiledRules): number[][] {
  const of: number[][] = compiled.keywords.map(() => []);
  compiled.gates.forEach((g, gi) => {
    for (const id of new Set(g.ids)) of[id].push(gi);
  });
  return of;
}

/** The gate's index into `runChecks` (identical checks share one), -1 when it has none. */
function runIndex(g: KeyedGate, compiled: CompiledRules): number {
  if (g.run !== undefined) return g.run;
  const check = secretRunCheck(g.detector.pattern);
  if (!check) return (g.run = -1);
  const key = `${check.source}/${check.flags}`;
  let i = compiled.runIds.get(key);
  if (i === undefined) {
    const n = Number(/\{(\d+)\}$/.exec(check.source)![1]);
    i = compiled.runChecks.push(new RunClass(check, n)) - 1;
    compiled.runIds.set(key, i);
  }
  return (g.run = i);
}

/** What the engine may ask about the whole staged file (not only its added lines). */
export interface FileContext {
  /** True when the pattern matches somewhere in the staged file. */
  matches(re: RegExp): boolean;
}

/** The scanned lines by line number, for detectors that look at the next line. */
export type LineIndex = { get(line: number): string | undefined };

/**
 * perf: by rule, the last line its `allow.lines` were tested on and the answer (they depend on
 * the line alone): a line with thousands of candidates is searched once, not once per candidate
 * (which made a long line of them cost its length times their number).
 */
const allowedLine = new WeakMap<Rule, { text: string; allowed: boolean }>();

function lineAllowed(rule: Rule, lines: readonly RegExp[], text: string): boolean {
  const last = allowedLine.get(rule);
  if (last && last.text === text) return last.allowed;
  const allowed = lines.some((re) => re.test(text));
  allowedLine.set(rule, { text, allowed });
  return allowed;
}

function accepted(rule: Rule, d: Detector, secret: string, text: string): boolean {
  if (!passesShape(secret, rule.shape)) return false;
  if (d.validate && !d.validate(secret)) return false;
  if (rule.allow?.secrets?.some((re) => re.test(secret))) return false;
  if (rule.allow?.lines && lineAllowed(rule, rule.allow.lines, text)) return false;
  if (rule.allow?.where?.(text, secret)) return false;
  return true;
}

/** The next match at or after `pos` of a sticky pattern tried only at the window positions. */
function windowExec(re: RegExp, text: string, ws: number[], pos: number): RegExpExecArray | null {
  for (let k = 0; k < ws.length; k += 2) {
    if (ws[k + 1] < pos) continue;
    for (let s = Math.max(pos, ws[k]); s <= ws[k + 1]; s++) {
      re.lastIndex = s;
      const m = re.exec(text);
      if (m !== null) return m;
    }
  }
  return null;
}

function runDetector(
  rule: Rule,
  d: Detector,
  l: TextLine,
  out: RawFinding[],
  seen: Set<string>,
  next?: LineIndex,
  win?: MatchWindow | null,
  near?: { ws: number[]; sticky: RegExp } | null,
  pivot?: PivotPlan | null,
  /** With a pivot: where a secret can start (see pivotExec), or null for anywhere. */
  qs?: number[] | null,
): void {
  if (d.tableColumn) return tableRows(rule, d, l, out, seen, next);
  const ws = pivot ? null : near ? near.ws : win && l.text.length >= WINDOW_MIN_LINE ? windows(win, l.text) : null;
  const re = near ? near.sticky : ws ? win!.sticky : d.pattern;
  re.lastIndex = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  /** Whether `notAfter` matches the line before (undefined: not asked yet). */
  let after: boolean | undefined;
  while ((m = pivot ? pivotExec(pivot, l.text, pos, qs) : ws ? windowExec(re, l.text, ws, pos) : re.exec(l.text)) !== null) {
    pos = m.index + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      pos++;
      continue;
    }
    let secret = m.groups?.secret ?? m[0];
    const column = m.index + m[0].lastIndexOf(secret) + 1;
    if (d.nextLine) {
      const parts: string[] = [];
      for (let k = 1; k <= (d.nextLines ?? 1); k++) {
        const following = next?.get(l.line + k);
        const n = following === undefined ? null : following.match(d.nextLine);
        if (!n) break;
        parts.push(n.groups?.secret ?? n[0]);
      }
      if (parts.length === 0) continue;
      secret = [secret, ...parts].join('\n');
    }
    if (d.notAfter) {
      // perf: asked once per line (the line before is the same for every match on it; a line of
      // thousands of candidates searched a long line before it once each).
      if (after === undefined || d.notAfter.global || d.notAfter.sticky) {
        const before = next?.get(l.line - 1);
        after = before !== undefined && d.notAfter.test(before);
      }
      if (after) continue;
    }
    if (!accepted(rule, d, secret, l.text)) continue;
    const key = `${rule.id}\0${l.line}\0${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ruleId: rule.id, line: l.line, column, secret });
  }
}

/**
 * What the table detectors find in the rows under `header` (its line and text, with `rows`
 * indexing the lines after it): for rows added under a header the commit does not add.
 */
export function tableFindings(compiled: CompiledRules, header: TextLine, rows: LineIndex): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const { rule, detector } of compiled.keyed) if (detector.tableColumn) tableRows(rule, detector, header, out, seen, rows);
  return out;
}

/** The cells of a table's secret column, row by row (see Detector.tableColumn). */
function tableRows(rule: Rule, d: Detector, l: TextLine, out: RawFinding[], seen: Set<string>, next?: LineIndex): void {
  d.pattern.lastIndex = 0;
  if (!d.pattern.test(l.text) || !isSeparatorRow(next?.get(l.line + 1) ?? '')) return;
  d.pattern.lastIndex = 0;
  const header = tableCells(l.text);
  const col = header.findIndex((c) => d.tableColumn!.test(c.text));
  if (col < 0) return;
  for (let k = 2; k <= (d.nextLines ?? 1) + 1; k++) {
    const row = next?.get(l.line + k);
    if (row === undefined || !d.nextLine!.test(row)) break;
    const cells = tableCells(row);
    const cell = cells.length === header.length ? cellValue(cells[col]) : null;
    if (!cell || !accepted(rule, d, cell.text, row)) continue;
    const key = `${rule.id}\0${l.line + k}\0${cell.at + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ruleId: rule.id, line: l.line + k, column: cell.at + 1, secret: cell.text });
  }
}

/** perf: how many short lines a detector is searched on plainly before its pivot plan is worked out. */
const PIVOT_AFTER = 64;
const plainRuns = new WeakMap<Detector, number>();

/**
 * The detector's pivot plan, or null for a plain search (the same matches): a small commit
 * never pays for working the plans out (~0.3 ms a pattern), a long line or a busy detector does.
 */
function pivotFor(d: Detector, text: string): PivotPlan | null {
  if (text.length < WINDOW_MIN_LINE && d.pattern.global) {
    const n = plainRuns.get(d) ?? 0;
    if (n < PIVOT_AFTER) {
      plainRuns.set(d, n + 1);
      return null;
    }
  }
  return pivotOf(d.pattern);
}

/** Lines on which a contextual detector has a candidate (cheap check before loading context). */
export function contextCandidates(lines: readonly TextLine[], compiled: CompiledRules): boolean {
  if (compiled.contextual.length === 0) return false;
  for (const l of lines) {
    for (const { rule, detector } of compiled.contextual) {
      const out: RawFinding[] = [];
      runDetector(rule, detector, l, out, new Set());
      if (out.length > 0) return true;
    }
  }
  return false;
}

/**
 * Scans the added lines of one file. Keyword detectors run on lines that pass the
 * prefilter; contextual detectors run only when the file context matches.
 */
export function scanLines(lines: readonly TextLine[], compiled: CompiledRules, ctx: FileContext): RawFinding[] {
  const out: RawFinding[] = [];
  const reported = new Set<string>();
  // (Indexed on first use: only a detector that reads the next line asks.)
  let byLine: Map<number, string> | null = null;
  const next: LineIndex = { get: (line) => (byLine ??= new Map(lines.map((l) => [l.line, l.text]))).get(line) };
  if (compiled.keywords.length > 0 && lines.length > 0) {
    const { gates, runChecks } = compiled;
    // The automaton once it pays (a long line always builds it: its keyword places are needed).
    let hits = compiled.hits ?? null;
    // Per line: which keywords it holds (kw[id] === stamp) and which run checks it passed
    // (runs[i] === stamp: yes, -stamp: no, else not tried yet).
    const kw = new Int32Array(compiled.keywords.length);
    const runs = new Int32Array(gates.length);
    const gatesOf = (compiled.gatesOf ??= gatesByKeyword(compiled));
    const on = new Int32Array(gates.length);
    const ids: number[] = [];
    const active: number[] = [];
    const found = new Occurrences();
    const wide: number[] = [];
    let stamp = 0;
    let scratch: Int32Array | null = null;
    for (const l of lines) {
      stamp++;
      let ascii = true;
      // On a long line the keyword occurrences, in the same pass (null when too many: keywords so
      // dense that windows would cover the line; memory stays flat). A long line always builds
      // the automaton; a few short ones are looked at keyword by keyword.
      const long = l.text.length >= WINDOW_MIN_LINE;
      const max = l.text.length >> 5;
      ids.length = 0;
      if (!hits && automataPay(compiled, l.text)) hits = compiled.hits ??= buildKeywordHits(compiled.keywords);
      const n = !hits
        ? scanFew(compiled.keywords, l.text, kw, stamp, ids)
        : long
          ? hits.scanAt(l.text, kw, stamp, found, max, ids)
          : hits.scan(l.text, kw, stamp, ids);
      let occ: ArrayLike<number> | null = hits && long && n >= 0 && n <= max ? found.view() : null;
      if (n === 0) continue;
      if (n < 0) {
        // Not ASCII: as before, the prefilter on the line, then each keyword in its lower case.
        ascii = false;
        stamp++;
        if (!compiled.prefilter!.test(l.text)) continue;
        ids.length = 0;
        if (hits) hits.scanLower(l.text.toLowerCase(), kw, stamp, ids);
        else markFew(compiled.keywords, l.text.toLowerCase(), kw, stamp, ids);
        // perf: on a long line, the keyword occurrences in the line as it is, for the detectors
        // whose windows hold there (`anyText`): a minified bundle with a few characters outside
        // ASCII is then searched near its keywords, not whole.
        if (hits && long) occ = wideOccurrences(compiled, hits, l.text, max, wide, (scratch ??= new Int32Array(kw.length)));
      }
      // The detectors holding a keyword of the line, in catalogue order.
      active.length = 0;
      for (const id of ids)
        for (const gi of gatesOf[id])
          if (on[gi] !== stamp) {
            on[gi] = stamp;
            active.push(gi);
          }
      if (active.length > 1) active.sort((a, b) => a - b);
      for (const gi of active) {
        const g = gates[gi];
        // Matched from where its secret can start, when the pattern allows it (any line length);
        // no run check first (finding no place to start costs no more).
        const pivot = pivotFor(g.detector, l.text);
        if (pivot) {
          // On a long line, when every match holds a keyword: only places near its keywords.
          const plan = occ ? longLinePlan(g, compiled.keywords) : null;
          const near = plan && (ascii || plan.anyText) ? plan.pivot : null;
          const qs = near ? keywordWindows(near.before, near.len, occ!, l.text.length, near.after) : null;
          runDetector(g.rule, g.detector, l, out, reported, next, null, null, pivot, qs);
          continue;
        }
        const run = runIndex(g, compiled);
        if (run >= 0) {
          if (runs[run] !== stamp && runs[run] !== -stamp) runs[run] = runChecks[run].test(l.text) ? stamp : -stamp;
          if (runs[run] !== stamp) continue;
        }
        let near: { ws: number[]; sticky: RegExp } | null = null;
        const plan = l.text.length >= WINDOW_MIN_LINE ? longLinePlan(g, compiled.keywords) : null;
        if (plan?.near && (ascii || plan.anyText)) {
          const ws = occ && keywordWindows(plan.near.span, plan.near.len, occ, l.text.length);
          if (ws) near = { ws, sticky: plan.near.sticky };
        }
        runDetector(g.rule, g.detector, l, out, reported, next, plan?.window, near);
      }
    }
  }
  for (const { rule, detector } of compiled.contextual) {
    if (!ctx.matches(detector.fileContext!)) continue;
    for (const l of lines) runDetector(rule, detector, l, out, reported, next, null, null, pivotFor(detector, l.text));
  }
  // A secret found by several detectors or rules at the same place is reported once, by the
  // first rule of the catalogue (even when they disagree on where it ends, e.g. a password with
  // an '=' in a connection string); findings are ordered by position.
  return dedupe(out, compiled.rules).sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The keyword occurrences of a line with characters outside ASCII, as (id, end) pairs in order of
 * end (what `scanAt` lists for an ASCII line): the ASCII keywords as the automaton finds them (ASCII
 * case folded; a character outside ASCII ends every one), the others where `indexOf` finds them as
 * written; null when there are more than `max`. Every match of a detector whose plan has `anyText`
 * holds one of these occurrences.
 */
function wideOccurrences(
  compiled: CompiledRules,
  hits: KeywordHits,
  text: string,
  max: number,
  out: number[],
  seen: Int32Array,
): number[] | null {
  const r = hits.scanAll(text, seen, 1, out, max, true);
  if ((r < 0 ? ~r : r) > max) return null;
  let n = out.length >> 1;
  const before = out.length;
  const wide = wideKeywords(compiled);
  for (const id of wide) {
    const k = compiled.keywords[id];
    for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
      if (++n > max) return null;
      out.push(id, at + k.length);
    }
  }
  if (out.length > before) {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < out.length; k += 2) pairs.push([out[k], out[k + 1]]);
    pairs.sort((a, b) => a[1] - b[1]);
    out.length = 0;
    for (const [id, end] of pairs) out.push(id, end);
  }
  return out;
}

const WIDE_IDS = new WeakMap<CompiledRules, number[]>();

/** Ids of the keywords with a character outside ASCII (kept per rule set). */
function wideKeywords(compiled: CompiledRules): number[] {
  let ids = WIDE_IDS.get(compiled);
  if (!ids) {
    ids = compiled.keywords.flatMap((k, id) => (/^[\x00-\x7f]*$/.test(k) ? [] : [id]));
    WIDE_IDS.set(compiled, ids);
  }
  return ids;
}

function dedupe(found: RawFinding[], rules: readonly Rule[]): RawFinding[] {
  const byPlace = new Map<string, RawFinding>();
  let fallback: Set<string> | undefined;
  for (const f of found) {
    const k = `${f.line}\0${f.column}`;
    const had = byPlace.get(k);
    if (!had) byPlace.set(k, f);
    else if (had.ruleId !== f.ruleId) {
      // A fallback rule yields to any other rule at the same place, even one that ran after it.
      fallback ??= new Set(rules.filter((r) => r.fallback).map((r) => r.id));
      if (fallback.has(had.ruleId) && !fallback.has(f.ruleId)) byPlace.set(k, f);
    }
  }
  return [...byPlace.values()];
}
