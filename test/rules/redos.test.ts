/**
 * ReDoS safety, proven by counting rather than timing.
 *
 * 1. Static: every regex of the catalogue (patterns, file contexts, next-line checks, rule
 *    allowlists) has only bounded quantifiers and no quantified group that can itself vary, so
 *    the backtracking paths from one start position are at most a constant C (computed here,
 *    see test/helpers/regex-shape.ts) and a line of n characters costs at most C·n.
 * 2. Dynamic: each pattern meets long runs of every character its classes accept, and each
 *    rule's positive examples meet a near miss (the text before the secret, then a 100 KB run
 *    with no end), and the match counts are what they must be.
 * 3. A 5 MB minified line with a known number of keys yields exactly that many findings.
 *
 * Why not V8's linear-time engine (`--enable-experimental-regexp-engine`, flag `l`)? It rejects
 * lookbehind and lookahead, and every rule uses them for token boundaries (`(?<![A-Za-z0-9])`),
 * so it could only vouch for a different pattern than the one that runs.
 */
import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import type { Rule } from '../../src/detect/types';
import { KeyGen } from '../helpers/keygen';
import { regexShape, runAlphabet } from '../helpers/regex-shape';

function regexesOf(rule: Rule): Array<[string, RegExp]> {
  const out: Array<[string, RegExp]> = [];
  rule.detectors.forEach((d, i) => {
    out.push([`${rule.id} detector ${i}`, d.pattern]);
    if (d.fileContext) out.push([`${rule.id} detector ${i} fileContext`, d.fileContext]);
    if (d.nextLine) out.push([`${rule.id} detector ${i} nextLine`, d.nextLine]);
  });
  rule.allow?.lines?.forEach((re, i) => out.push([`${rule.id} allow.lines ${i}`, re]));
  rule.allow?.secrets?.forEach((re, i) => out.push([`${rule.id} allow.secrets ${i}`, re]));
  return out;
}

const ALL = RULES.flatMap(regexesOf);
/** The largest per-start path bound any pattern may have: loose, but finite and checked. */
const MAX_PATHS_PER_START = 1e12;

describe('static: every quantifier bounded, nothing nested', () => {
  test.each(ALL)('%s', (_name, re) => {
    const shape = regexShape(re);
    expect(shape.problems).toEqual([]);
    expect(shape.cost).toBeLessThanOrEqual(MAX_PATHS_PER_START);
  });

  test('the checker itself rejects the classic catastrophic shapes', () => {
    expect(regexShape(/(a+)+b/).problems.length).toBeGreaterThan(0);
    expect(regexShape(/(?:a|aa){1,40}b/).problems.length).toBeGreaterThan(0);
    expect(regexShape(/x.*y/).problems.length).toBeGreaterThan(0);
    expect(regexShape(/(?:[a-z]{8})?x{0,4}/).problems).toEqual([]);
  });
});

function countMatches(re: RegExp, text: string): number {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    n++;
    if (m[0].length === 0) g.lastIndex++;
  }
  return n;
}

describe('dynamic: long runs and near misses', () => {
  const patterns = RULES.flatMap((r) => r.detectors.map((d, i) => [`${r.id} detector ${i}`, d.pattern] as [string, RegExp]));
  test.each(patterns)('%s: 100 KB runs of each character it repeats match nothing', (_name, re) => {
    for (const ch of runAlphabet(re)) expect({ ch, n: countMatches(re, ch.repeat(100_000)) }).toEqual({ ch, n: 0 });
  });

  test.each(RULES.map((r) => [r.id, r] as [string, Rule]))(
    '%s: a near miss running on for 100 KB yields at most one finding',
    (_id, rule) => {
      const gen = new KeyGen(7);
      const compiled = compileRules([rule]);
      const run = gen.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 100_000);
      for (const t of rule.examples.positive) {
        const first = gen.expand(t).split('\n')[0];
        for (const cut of [Math.floor(first.length / 2), Math.max(0, first.length - 8)]) {
          const text = first.slice(0, cut) + run;
          const found = scanLines([{ line: 1, text }], compiled, { matches: (re) => re.test(text) });
          expect(found.length).toBeLessThanOrEqual(1);
        }
      }
    },
  );
});

describe('a 5 MB minified line', () => {
  test('yields exactly the keys planted in it', () => {
    const gen = new KeyGen(99);
    const junk = [
      'function(e,t){return e&&t?e+t:null};',
      'var n="LTAI",r=n.length;',
      'sha512-' + gen.b64(86) + '==,',
      '{"integrity":"' + gen.hex(64) + '"},',
      'a.password=b.password||"";',
      'e.accessKeySecret=process.env.SECRET;',
      'url:"https://x.example.com/?a=1&b=2",',
      gen.uuid() + ',',
      'DELTAINDEX' + gen.alnum(12) + ';',
    ];
    const parts: string[] = [];
    const ids: string[] = [];
    let size = 0;
    let i = 0;
    while (size < 5_000_000) {
      let piece = junk[i % junk.length];
      if (i % 500 === 0) {
        const id = gen.akId();
        ids.push(id);
        piece = `k${i}:"${id}",`;
      }
      parts.push(piece);
      size += piece.length;
      i++;
    }
    const text = parts.join('');
    const compiled = compileRules(RULES);
    const found = scanLines([{ line: 1, text }], compiled, { matches: () => false });
    expect(found.map((f) => f.ruleId)).toEqual(ids.map(() => 'alibaba-access-key-id'));
    expect(found.map((f) => f.secret)).toEqual(ids);
  });
});
