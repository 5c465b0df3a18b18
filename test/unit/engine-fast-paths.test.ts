/**
 * The engine's fast paths (keyword hits by automaton, secret-run checks, sticky matching in
 * windows on long lines) must give exactly the findings of the plain algorithm: every keyed
 * detector whose keyword occurs in the line (case-insensitive substring) runs its global
 * pattern over the whole line. Checked on the labelled corpus, its files joined into long
 * lines, and long lines of keyword-dense filler with the corpus lines inside.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { compileRules, longLinePlan, passesPrefilter, plainSearchCheap, scanLines } from '../../src/detect/engine';
import { buildKeywordHits, Occurrences } from '../../src/detect/keyword-scanner';
import { alwaysHoldsKeyword, maxMatchLength } from '../../src/detect/match-window';
import { RULES } from '../../src/detect/rules';
import type { RawFinding, Rule, TextLine } from '../../src/detect/types';
import { expandFile } from '../corpus/evaluate';
import { KeyGen } from '../helpers/keygen';

const compiled = compileRules(RULES);

/** The reference: the engine as it was before the fast paths (same dedupe and order). */
function plainScan(lines: readonly TextLine[]): RawFinding[] {
  const slow = {
    ...compiled,
    gates: compiled.gates.map((g) => ({ ...g, run: -1, long: null })),
    // No automaton: every line goes the way all lines went before (the prefilter regex, then
    // includes of each keyword in the lower-cased line).
    hits: {
      count: compiled.keywords.length,
      scan: () => -1,
      scanAt: () => -1,
      scanAll: () => -1,
      any: () => -1,
      positions: () => [],
      scanLower: (lower: string, seen: Int32Array, stamp: number, list?: number[]) => {
        compiled.keywords.forEach((k, id) => {
          if (lower.includes(k)) {
            seen[id] = stamp;
            list?.push(id);
          }
        });
        return 0;
      },
    },
  };
  return scanLines(lines, slow, { matches: () => false });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? listFiles(path.join(dir, f)) : [path.join(dir, f)]));
}

const corpusLines: string[] = [];
const gen = new KeyGen(7);
for (const dir of ['../corpus/files', '../corpus-blind/files'])
  for (const f of listFiles(path.join(__dirname, dir)).sort()) corpusLines.push(...expandFile(f, readFileSync(f, 'utf8'), gen).lines);

const asLines = (texts: string[]): TextLine[] => texts.map((text, i) => ({ line: i + 1, text }));

describe('engine fast paths give the plain findings', () => {
  test('long-line plans exist (near keywords, before secret runs)', () => {
    const plans = compiled.gates.map((g) => longLinePlan(g, compiled.keywords));
    expect(plans.some((p) => p?.near)).toBe(true);
    expect(plans.some((p) => p?.window)).toBe(true);
  });

  test('non-ASCII lines (toLowerCase folds a few characters to ASCII letters)', () => {
    const lines = asLines(corpusLines.map((t, i) => (i % 2 ? `${t} 密钥 É` : t.replace(/k/g, '\u212a').replace(/i/g, '\u0130'))));
    expect(scanLines(lines, compiled, { matches: () => false })).toEqual(plainScan(lines));
  });

  test('a small commit (keywords looked for without the automata) gives the same findings and prefilter', () => {
    const mixed = corpusLines.filter((t) => t.length < 400).map((t, i) => (i % 3 === 2 ? `${t} 密钥 É \u212a\u0130` : t));
    const built = compileRules(RULES);
    built.hits = buildKeywordHits(built.keywords);
    for (let i = 0; i < mixed.length; i += 100) {
      // A fresh rule set each time: its first lines are looked at with `includes`.
      const fresh = compileRules(RULES);
      const lines = asLines(mixed.slice(i, i + 100));
      expect(lines.map((l) => passesPrefilter(fresh, l.text))).toEqual(lines.map((l) => passesPrefilter(built, l.text)));
      expect(fresh.hits).toBeUndefined();
      expect(scanLines(lines, compileRules(RULES), { matches: () => false })).toEqual(plainScan(lines));
    }
  });

  test('corpus lines one by one', () => {
    const lines = asLines(corpusLines);
    const found = scanLines(lines, compiled, { matches: () => false });
    expect(found.length).toBeGreaterThan(300);
    expect(found).toEqual(plainScan(lines));
  });

  test('corpus lines joined into long lines', () => {
    for (const sep of [' ', '; ', '\t', ',"x":"']) {
      const long: string[] = [];
      for (let i = 0; i < corpusLines.length; i += 40) long.push(corpusLines.slice(i, i + 40).join(sep));
      const lines = asLines(long);
      expect(scanLines(lines, compiled, { matches: () => false })).toEqual(plainScan(lines));
    }
  });

  test('ASCII corpus lines inside long sparse filler (the windows near keywords and before runs are used)', () => {
    const rnd = new KeyGen(13);
    const ascii = corpusLines.filter((t) => /^[\x00-\x7f]*$/.test(t));
    const long: string[] = [];
    for (let i = 0; i < ascii.length; i += 3) {
      let s = '';
      for (let j = 0; j < 40; j++) {
        s += j % 13 === 5 ? `${rnd.expand('{{alnum:44}}')} ` : `alpha${j} beta gamma(delta, ${j}); `;
        if (j === 20) s += ascii.slice(i, i + 3).join(' ; ') + ' ';
      }
      long.push(s);
    }
    const lines = asLines(long);
    const hits = buildKeywordHits(compiled.keywords);
    // Most lines are sparse enough for the keyword windows.
    expect(lines.filter((l) => hits.positions(l.text, l.text.length >> 5) !== null).length).toBeGreaterThan(lines.length / 2);
    const found = scanLines(lines, compiled, { matches: () => false });
    expect(found.length).toBeGreaterThan(300);
    expect(found).toEqual(plainScan(lines));
  });

  test('a line keyword-dense at its start and sparse after: no list of occurrences (searched whole), the plain findings', () => {
    const rnd = new KeyGen(31);
    const ascii = corpusLines.filter((t) => /^[\x00-\x7f]*$/.test(t));
    const dense = 'task.disk=second(sk);'.repeat(2000);
    let sparse = '';
    for (let j = 0; sparse.length < 600_000; j++)
      sparse += j % 40 === 7 ? `${ascii[rnd.int(ascii.length)]} ` : `alpha${j} beta gamma(delta, ${j}); `;
    const text = dense + sparse;
    const hits = buildKeywordHits(compiled.keywords);
    const max = text.length >> 5;
    // In all, few enough for windows; so dense at the start that none are listed.
    expect(hits.positions(text, max)).not.toBeNull();
    const occ = new Occurrences();
    const seen = new Int32Array(hits.count);
    expect(hits.scanAt(text, seen, 1, occ, max)).toBe(max + 1);
    expect(occ.length).toBe(0);
    const all = new Int32Array(hits.count);
    hits.scan(text, all, 1);
    expect([...seen]).toEqual([...all]);
    const lines = asLines([text, sparse]);
    const found = scanLines(lines, compiled, { matches: () => false });
    expect(found.length).toBeGreaterThan(20);
    expect(found).toEqual(plainScan(lines));
  });

  test('corpus lines inside long filler with characters outside ASCII (the windows near keywords of the line as it is)', () => {
    const rnd = new KeyGen(17);
    // Characters outside ASCII that lower-case to ASCII (Kelvin sign, dotted I), keywords outside ASCII, accents.
    const odd = ['É', '密钥', '\u212a', '\u0130', '\u017f', '秘钥', '华为云', '密码：`', 'ß'];
    const long: string[] = [];
    for (let i = 0; i < corpusLines.length; i += 3) {
      let s = '';
      for (let j = 0; j < 40; j++) {
        s += j % 13 === 5 ? `${rnd.expand('{{alnum:44}}')} ` : `alpha${j} beta ${odd[(i + j) % odd.length]} gamma(delta, ${j}); `;
        if (j === 20) s += corpusLines.slice(i, i + 3).join(' ; ') + ' ';
      }
      long.push(i % 2 ? s : s.replace(/k/g, '\u212a'));
    }
    const lines = asLines(long);
    expect(lines.every((l) => l.text.length >= 512 && /[^\x00-\x7f]/.test(l.text))).toBe(true);
    const found = scanLines(lines, compiled, { matches: () => false });
    expect(found.length).toBeGreaterThan(300);
    expect(found).toEqual(plainScan(lines));
  });

  test('a pattern with the u flag on a long line outside ASCII is searched whole (case folding reaches ASCII letters)', () => {
    const rule: Rule = {
      ...RULES[0],
      id: 'u-flag',
      detectors: [{ keywords: ['sk'], pattern: /[a-z_]{0,10}sk=(?<secret>[a-z0-9]{20})/giu }],
      shape: { byStructure: true },
      allow: undefined,
    };
    const rules = compileRules([rule]);
    // (The prefilter passes on `task`, far from the match.)
    const text = `task ${'é filler(); '.repeat(80)}my_s\u212a=${'a1b2c3d4e5'.repeat(2)} ${'é filler(); '.repeat(80)}`;
    const found = scanLines([{ line: 1, text }], rules, { matches: () => false });
    expect(found.map((f) => f.secret)).toEqual(['a1b2c3d4e5'.repeat(2)]);
  });

  test('corpus lines inside long keyword-dense filler (task, disk, secondary, base64 runs)', () => {
    const rnd = new KeyGen(11);
    const words = ['task', 'disk', 'second', 'section', 'pass', 'aws', 'mask', 'secret', 'sk', 'AKIA', 'ltai', '://', 'password'];
    const long: string[] = [];
    for (let i = 0; i < corpusLines.length; i += 7) {
      let s = '';
      for (let j = 0; j < 60; j++) {
        const w = words[(i * 31 + j * 7) % words.length];
        s += j % 9 === 0 ? rnd.expand('{{alnum:48}}') + ' ' : `${w}${j % 3 === 0 ? '_' : ''}${(i + j) % 5 === 0 ? ' = ' : ''}`;
        if (j === 30) s += corpusLines.slice(i, i + 7).join(' ');
      }
      long.push(s);
    }
    const lines = asLines(long);
    expect(lines.every((l) => l.text.length >= 512)).toBe(true);
    const found = scanLines(lines, compiled, { matches: () => false });
    expect(found.length).toBeGreaterThan(300);
    expect(found).toEqual(plainScan(lines));
  });
});

describe('pattern analysis', () => {
  test('maxMatchLength', () => {
    expect(maxMatchLength(/ab{2,3}c/)).toBe(5);
    expect(maxMatchLength(/(?:x|yy)?z/)).toBe(3);
    expect(maxMatchLength(/a\sb(?<=b)/)).toBe(3);
    expect(maxMatchLength(/[a-z]{0,40}\d/)).toBe(41);
    expect(maxMatchLength(/a+/)).toBeNull();
    expect(maxMatchLength(/a{2,}/)).toBeNull();
    expect(maxMatchLength(/(a)\1/)).toBeNull();
  });

  test('alwaysHoldsKeyword', () => {
    expect(alwaysHoldsKeyword(/ab(?:c|d)/, ['ab'])).toBe(true);
    expect(alwaysHoldsKeyword(/ab(?:c|d)/, ['abc'])).toBe(false);
    expect(alwaysHoldsKeyword(/[Ss][Kk]=x/, ['sk'])).toBe(true);
    expect(alwaysHoldsKeyword(/x(?:sk)?y/, ['sk'])).toBe(false);
    expect(alwaysHoldsKeyword(/(?:a|sk)/, ['sk'])).toBe(false);
    expect(alwaysHoldsKeyword(/(?:[A-Za-z]{0,3}sk|secret)=/, ['sk', 'secret'])).toBe(true);
    expect(alwaysHoldsKeyword(/(?:sk){0,2}x/, ['sk'])).toBe(false);
  });

  test('plainSearchCheap: anchored at the start (no m flag), or every match opening with a literal of 3+ characters', () => {
    expect(plainSearchCheap(/^\s{0,20}name=(?<secret>\w{8})/)).toBe(true);
    expect(plainSearchCheap(/^\s{0,20}name=(?<secret>\w{8})/m)).toBe(false);
    expect(plainSearchCheap(/^a|b/)).toBe(false);
    expect(plainSearchCheap(/(?<![A-Za-z0-9])(?<secret>SEC[0-9a-f]{64})(?![A-Za-z0-9])/)).toBe(true);
    expect(plainSearchCheap(/(?<![A-Z])(?<=x)(?:npm_[a-z]{36})/)).toBe(true);
    expect(plainSearchCheap(/curl\s-u/)).toBe(true);
    expect(plainSearchCheap(/(?<secret>AKIA|ASIA)[A-Z2-7]{16}/)).toBe(false);
    expect(plainSearchCheap(/(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})/)).toBe(false);
    expect(plainSearchCheap(/ab?c[0-9]{8}/)).toBe(false);
    expect(plainSearchCheap(/abc?[0-9]{8}/)).toBe(false);
    expect(plainSearchCheap(/[A-Za-z0-9_.-]{0,40}secret=(?<secret>\w{8})/)).toBe(false);
  });
});

describe('a rule allowlist of lines', () => {
  test('is tested once per line, not once per candidate (a long line of thousands cost their number times its length)', () => {
    const rule = RULES.find((r) => r.id === 'password-assignment')!;
    let calls = 0;
    class Counting extends RegExp {
      test(s: string): boolean {
        calls++;
        return super.test(s);
      }
    }
    const lines = rule.allow!.lines!;
    const counted: Rule = { ...rule, allow: { ...rule.allow, lines: lines.map((re) => new Counting(re.source, re.flags)) } };
    const gen = new KeyGen(9);
    const text = Array.from({ length: 300 }, () => `password="${gen.password()}"; `).join('');
    const ctx = { matches: () => true };
    const found = scanLines([{ line: 1, text }], compileRules([counted]), ctx);
    expect(found.length).toBeGreaterThan(200);
    expect(calls).toBeLessThanOrEqual(lines.length);
    expect(found).toEqual(scanLines([{ line: 1, text }], compileRules([rule]), ctx));
    // An allowed line drops every candidate on it, still with one look.
    calls = 0;
    const allowed = `assert_eq(${text})`;
    expect(scanLines([{ line: 1, text: allowed }], compileRules([counted]), ctx)).toEqual([]);
    expect(calls).toBeLessThanOrEqual(lines.length);
  });
});

describe("a detector's notAfter", () => {
  test('is tested on the line before once per line, not once per candidate', () => {
    const rule = RULES.find((r) => r.id === 'private-key')!;
    let calls = 0;
    class Counting extends RegExp {
      test(s: string): boolean {
        calls++;
        return super.test(s);
      }
    }
    const counted: Rule = {
      ...rule,
      detectors: rule.detectors.map((d) => (d.notAfter ? { ...d, notAfter: new Counting(d.notAfter.source, d.notAfter.flags) } : d)),
    };
    const gen = new KeyGen(17);
    // Headerless DER starts (PKCS#8 RSA), each a candidate its validation turns down.
    const text = Array.from({ length: 300 }, () => `MIIEvQIBADANBgkqhkiG9w0BAQEFAAS${gen.from('ABCDEFGHabcdefgh0123456789+/', 40)}`).join(
      ' ',
    );
    const ctx = { matches: () => true };
    for (const before of ['const keys = [', '-----BEGIN RSA TESTING KEY-----']) {
      const lines = asLines([before, text]);
      calls = 0;
      const found = scanLines(lines, compileRules([counted]), ctx);
      expect(calls).toBeGreaterThan(0);
      expect(calls).toBeLessThanOrEqual(counted.detectors.filter((d) => d.notAfter).length);
      expect(found).toEqual(scanLines(lines, compileRules([rule]), ctx));
    }
  });
});
