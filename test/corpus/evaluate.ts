/**
 * The labelled corpus and its scorer. Each file under `files/` is a realistic source or
 * config file written as a template: `{{token}}` is filled by the seeded generator, and
 * `«rule-id:…»` (or `«rule-a,rule-b:…»`) marks a credential that must be reported inside
 * the marked span by one of the named rules. Everything unmarked is a hard negative: any
 * finding there is a false positive. Each file is expanded `rounds` times with fresh keys.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import type { RawFinding, Rule } from '../../src/detect/types';
import { KeyGen } from '../helpers/keygen';

declare const __CORPUS_DIR__: string | undefined;
declare const __BLIND_DIR__: string | undefined;
declare const __HELDOUT_DIR__: string | undefined;
/** Bundled by scripts/eval.mjs, __dirname is a temporary folder: the script passes the real one. */
export const CORPUS_DIR = typeof __CORPUS_DIR__ === 'string' ? __CORPUS_DIR__ : path.join(__dirname, 'files');
/**
 * The "blind" set (`test/corpus-blind/files`): same label format, first written blind from the
 * README alone. It is a training set now, not a held-out one: its misses drove rule changes, later
 * rounds were written after reading the rules, and rule examples and filter words were copied from
 * it, so its score is a training score. Scored apart, against its own targets.
 */
export const BLIND_DIR = typeof __BLIND_DIR__ === 'string' ? __BLIND_DIR__ : path.join(__dirname, '..', 'corpus-blind', 'files');
/**
 * The held-out set (`test/corpus-heldout/files`): same label format, written from the README alone
 * by an author who never read the rules, filters or other corpora, and scored once (see its
 * RESULTS.md). Its misses are reported, not fixed in it: no target, a floor in its test only.
 */
export const HELDOUT_DIR = typeof __HELDOUT_DIR__ === 'string' ? __HELDOUT_DIR__ : path.join(__dirname, '..', 'corpus-heldout', 'files');

interface Label {
  rules: string[];
  line: number;
  /** 1-based columns, end exclusive. */
  start: number;
  end: number;
}

export interface Expanded {
  file: string;
  lines: string[];
  /** The template lines (no generated secret in them): what reports print. */
  template: string[];
  labels: Label[];
}

const LABEL = /«([a-z0-9,-]+):((?:[^»])*)»/g;

export function expandFile(file: string, template: string, gen: KeyGen): Expanded {
  const labels: Label[] = [];
  const lines: string[] = [];
  const templates: string[] = [];
  for (const raw of template.split('\n')) {
    let out = '';
    let last = 0;
    const here: Array<{ rules: string[]; at: number; len: number }> = [];
    for (const m of raw.matchAll(LABEL)) {
      out += gen.expand(raw.slice(last, m.index));
      const value = gen.expand(m[2]);
      here.push({ rules: m[1].split(','), at: out.length, len: value.length });
      out += value;
      last = m.index! + m[0].length;
    }
    out += gen.expand(raw.slice(last));
    // A token may expand to several lines (a whole key block): a label sits where its value starts.
    const parts = out.split('\n');
    const starts: number[] = [];
    parts.reduce((at, part) => (starts.push(at), at + part.length + 1), 0);
    for (const h of here) {
      let p = parts.length - 1;
      while (p > 0 && starts[p] > h.at) p--;
      const start = h.at - starts[p] + 1;
      labels.push({ rules: h.rules, line: lines.length + p + 1, start, end: start + Math.min(h.len, parts[p].length - start + 1) });
    }
    for (const part of parts) {
      lines.push(part);
      templates.push(raw);
    }
  }
  if (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
    templates.pop();
  }
  return { file, lines, template: templates, labels };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  file: string;
  line: number;
  rule: string;
  text: string;
}

export interface Report {
  overall: Counts;
  byRule: Map<string, Counts>;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  files: number;
  lines: number;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? listFiles(p) : [p];
    })
    .sort();
}

export function scanExpanded(x: Expanded, rules: readonly Rule[] = RULES): RawFinding[] {
  const lines = x.lines.map((text, i) => ({ line: i + 1, text }));
  return scanLines(lines, compileRules(rules), { matches: (re) => x.lines.some((t) => re.test(t)) });
}

export function evaluate(opts: { rounds: number; seed?: number; dir?: string }): Report {
  const byRule = new Map<string, Counts>(RULES.map((r) => [r.id, { tp: 0, fp: 0, fn: 0 }]));
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  const dir = opts.dir ?? CORPUS_DIR;
  const files = listFiles(dir);
  let lineCount = 0;
  const gen = new KeyGen(opts.seed ?? 20261129);
  for (let round = 0; round < opts.rounds; round++) {
    for (const f of files) {
      const rel = path.relative(dir, f);
      const x = expandFile(rel, readFileSync(f, 'utf8'), gen);
      lineCount += x.lines.length;
      const found = scanExpanded(x);
      const hit = new Set<Label>();
      for (const fd of found) {
        // A finding that pairs a name with the value on the next line (`- name: DB_PASSWORD` /
        // `value: v`) is reported at the name line and also covers the labels of the lines it spans.
        const span = fd.secret.split('\n').length - 1;
        const label = x.labels.find(
          (l) =>
            l.rules.includes(fd.ruleId) &&
            ((l.line === fd.line && fd.column >= l.start && fd.column < l.end) || (l.line > fd.line && l.line <= fd.line + span)),
        );
        const c = byRule.get(fd.ruleId)!;
        if (label && !hit.has(label)) {
          hit.add(label);
          c.tp++;
          overall.tp++;
        } else if (!label) {
          c.fp++;
          overall.fp++;
          falsePositives.push({ file: rel, line: fd.line, rule: fd.ruleId, text: x.template[fd.line - 1].trim().slice(0, 140) });
        }
      }
      for (const l of x.labels) {
        if (hit.has(l)) continue;
        byRule.get(l.rules[0])!.fn++;
        overall.fn++;
        falseNegatives.push({ file: rel, line: l.line, rule: l.rules.join('|'), text: x.template[l.line - 1].trim().slice(0, 140) });
      }
    }
  }
  return { overall, byRule, falsePositives, falseNegatives, files: files.length * opts.rounds, lines: lineCount };
}

export function scores(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function formatReport(r: Report): string {
  const pct = (x: number) => x.toFixed(4);
  const out: string[] = [];
  const o = scores(r.overall);
  out.push(`corpus: ${r.files} files, ${r.lines} lines (expanded)`);
  out.push(
    `overall: precision ${pct(o.precision)}  recall ${pct(o.recall)}  F1 ${pct(o.f1)}  (tp ${r.overall.tp}, fp ${r.overall.fp}, fn ${r.overall.fn})`,
  );
  out.push('');
  out.push(
    `${'rule'.padEnd(32)} ${'tp'.padStart(5)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}`,
  );
  for (const [id, c] of r.byRule) {
    const s = scores(c);
    out.push(
      `${id.padEnd(32)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(7)}`,
    );
  }
  const show = (title: string, list: Miss[]) => {
    if (list.length === 0) return;
    out.push('', `${title} (first ${Math.min(list.length, 30)} of ${list.length}):`);
    for (const m of list.slice(0, 30)) out.push(`  ${m.file}:${m.line} [${m.rule}] ${m.text}`);
  };
  show('false positives', r.falsePositives);
  show('false negatives', r.falseNegatives);
  return out.join('\n') + '\n';
}

/** Alibaba rules must find every labelled credential. */
const ALIBABA = /^(?:alibaba-|dingtalk-)/;

/** The targets of the issue; returns what is missed (empty when all are met). */
export function meetsTargets(r: Report, min = { precision: 0.99, recall: 0.98, everyRule: true }): string[] {
  const failed: string[] = [];
  const o = scores(r.overall);
  if (o.precision < min.precision) failed.push(`overall precision ${o.precision.toFixed(4)} < ${min.precision}`);
  if (o.recall < min.recall) failed.push(`overall recall ${o.recall.toFixed(4)} < ${min.recall}`);
  for (const [id, c] of r.byRule) {
    if (ALIBABA.test(id) && c.fn > 0) failed.push(`${id}: ${c.fn} missed (Alibaba rules need recall 1.0)`);
    if (min.everyRule && c.tp + c.fn === 0) failed.push(`${id}: no labelled example in the corpus`);
  }
  return failed;
}

/** The training (former blind) set's targets: precision >= 0.97, recall >= 0.95, every Alibaba credential found. */
export const BLIND_TARGETS = { precision: 0.97, recall: 0.95, everyRule: false };
