import { passesShape } from './filters';
import type { Detector, RawFinding, Rule, TextLine } from './types';

/** Rules prepared for scanning: one combined keyword prefilter, context detectors apart. */
export interface CompiledRules {
  rules: readonly Rule[];
  /** Case-insensitive alternation of every keyword: a line without a hit skips keyword detectors. */
  prefilter: RegExp | null;
  keyed: Array<{ rule: Rule; detector: Detector }>;
  contextual: Array<{ rule: Rule; detector: Detector }>;
  /** Non-global copies of the keyword-less detectors' patterns, to test a line cheaply. */
  contextualTests: RegExp[];
}

/** True when a keyword detector could match this line (it holds one of their keywords). */
export function passesPrefilter(compiled: CompiledRules, text: string): boolean {
  return compiled.prefilter !== null && compiled.prefilter.test(text);
}

/** True when a keyword-less (file-context) detector's pattern matches this line. */
export function contextualCandidate(compiled: CompiledRules, text: string): boolean {
  for (const re of compiled.contextualTests) if (re.test(text)) return true;
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
  const prefilter = keywords.size > 0 ? new RegExp(keywordRegexSource(keywords), 'i') : null;
  const contextualTests = contextual.map((c) => new RegExp(c.detector.pattern.source, c.detector.pattern.flags.replace(/[gy]/g, '')));
  return { rules, prefilter, keyed, contextual, contextualTests };
}

/** What the engine may ask about the whole staged file (not only its added lines). */
export interface FileContext {
  /** True when the pattern matches somewhere in the staged file. */
  matches(re: RegExp): boolean;
}

/** The scanned lines by line number, for detectors that look at the next line. */
type LineIndex = ReadonlyMap<number, string>;

function accepted(rule: Rule, d: Detector, secret: string, text: string): boolean {
  if (!passesShape(secret, rule.shape)) return false;
  if (d.validate && !d.validate(secret)) return false;
  if (rule.allow?.secrets?.some((re) => re.test(secret))) return false;
  if (rule.allow?.lines?.some((re) => re.test(text))) return false;
  return true;
}

function runDetector(rule: Rule, d: Detector, l: TextLine, out: RawFinding[], seen: Set<string>, next?: LineIndex): void {
  const re = d.pattern;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(l.text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
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
    if (!accepted(rule, d, secret, l.text)) continue;
    const key = `${rule.id}\0${l.line}\0${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ruleId: rule.id, line: l.line, column, secret });
  }
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
  const seen = new Set<string>();
  const next: LineIndex = new Map(lines.map((l) => [l.line, l.text]));
  if (compiled.prefilter) {
    const pre = compiled.prefilter;
    for (const l of lines) {
      if (!pre.test(l.text)) continue;
      const low = l.text.toLowerCase();
      for (const { rule, detector } of compiled.keyed) {
        if (detector.keywords.some((k) => low.includes(k))) runDetector(rule, detector, l, out, seen, next);
      }
    }
  }
  for (const { rule, detector } of compiled.contextual) {
    if (!ctx.matches(detector.fileContext!)) continue;
    for (const l of lines) runDetector(rule, detector, l, out, seen, next);
  }
  // A secret found by several detectors or rules at the same place is reported once, by the
  // first rule of the catalogue (even when they disagree on where it ends, e.g. a password with
  // an '=' in a connection string); findings are ordered by position.
  return dedupe(out, compiled.rules).sort((a, b) => a.line - b.line || a.column - b.column);
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
