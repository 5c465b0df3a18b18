import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import type { Rule } from '../../src/detect/types';
import { KeyGen } from '../helpers/keygen';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Scans an example as a new file (so file context is the example itself); `\n` separates lines. */
function scanOne(rule: Rule, text: string) {
  const compiled = compileRules([rule]);
  const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
  return scanLines(lines, compiled, { matches: (re) => lines.some((l) => re.test(l.text)) });
}

describe('every rule proves itself on its own examples', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const gen = new KeyGen(rule.id.length * 7919);
      test.each(rule.examples.positive.map((t) => [t]))('finds: %s', (template) => {
        const text = gen.expand(template);
        const found = scanOne(rule, text);
        expect(found.map((f) => f.ruleId)).toContain(rule.id);
      });
      test.each(rule.examples.negative.map((t) => [t]))('ignores: %s', (template) => {
        const text = gen.expand(template);
        expect(scanOne(rule, text)).toEqual([]);
      });
    });
  }
});

describe('the catalogue', () => {
  test('ids are unique and kebab-case', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
  });

  test('every rule has positive and negative examples', () => {
    for (const r of RULES) {
      expect(r.examples.positive.length).toBeGreaterThan(0);
      expect(r.examples.negative.length).toBeGreaterThan(0);
    }
  });

  test('every positive example hits a keyword of a keyword detector, or a context detector', () => {
    const gen = new KeyGen(1);
    for (const r of RULES) {
      for (const t of r.examples.positive) {
        const low = gen.expand(t).toLowerCase();
        const hit = r.detectors.some((d) => d.fileContext !== undefined || d.keywords.some((k) => low.includes(k)));
        expect({ rule: r.id, example: t, hit }).toEqual({ rule: r.id, example: t, hit: true });
      }
    }
  });

  test('keywords are lower case; detectors are global regexes', () => {
    for (const r of RULES) {
      for (const d of r.detectors) {
        for (const k of d.keywords) expect(k).toBe(k.toLowerCase());
        expect(d.pattern.flags).toContain('g');
        if (!d.fileContext) expect(d.keywords.length).toBeGreaterThan(0);
        // Regexes used with .test() must not be global: a stateful lastIndex would skip matches.
        for (const re of [d.fileContext, d.nextLine, d.notAfter, d.tableColumn, ...(r.allow?.lines ?? []), ...(r.allow?.secrets ?? [])])
          if (re) expect(re.flags).not.toContain('g');
      }
    }
  });

  test('every rule file in src/detect/rules is listed in the catalogue', () => {
    const dir = path.join(__dirname, '../../src/detect/rules');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = files.flatMap((f) => Object.values(require(path.join(dir, f))) as Rule[]);
    for (const r of exported) expect(RULES).toContain(r);
  });
});
