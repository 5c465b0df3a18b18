/**
 * The byte gate of pass 2 for lines outside ASCII (`candidateByteGate(compiled, true)`, used on
 * a binary's text runs): a necessary condition of `contextualCandidate` on a line's UTF-8 bytes.
 * Every line the keyword-less detectors may match passes it, on seeded lines mixing ASCII,
 * CJK, and characters a byte test could misread (NBSP, ſ, the Kelvin sign, a BOM), with the
 * shipped rules and with rules whose secret class holds characters outside ASCII or whose
 * literal is CJK; a literal test folding case with the u flag gets no gate.
 */
import { candidateByteGate, compileRules, contextualCandidate } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import type { Rule } from '../../src/detect/types';
import { asciiOnlyClass } from '../../src/detect/match-window';
import { rng } from '../helpers/rng';

function contextRule(id: string, pattern: RegExp): Rule {
  return {
    id,
    name: id,
    provider: 'test',
    severity: 'high',
    kind: 'key',
    advice: 'token',
    description: id,
    detectors: [{ keywords: [], fileContext: /ctx/, pattern }],
    examples: { positive: [], negative: [] },
  } as unknown as Rule;
}

const WIDE_CLASS = contextRule('wide-class', /(?<![^\s"'])(?<secret>[^\s"']{12})(?![^\s"'])/g);
const CJK_LITERAL = contextRule('cjk-literal', /密钥值=(?<secret>[0-9]+|none)/g);
const FOLDED_U = contextRule('folded-u', /token:(?<secret>[a-z]{4,9})\b/giu);

const PIECES = [
  'a',
  'Z',
  '9',
  ' ',
  '"',
  "'",
  ':',
  '=',
  '密钥值',
  '密',
  'é',
  '\u00a0',
  'ſ',
  'à',
  '\u212a',
  '\ufeff',
  '😀',
  'ctx',
  'aws',
  's3',
  '\t',
];

function run(r: () => number, chars: string, min: number, max: number): string {
  return Array.from({ length: min + Math.floor(r() * (max - min + 1)) }, () => chars[Math.floor(r() * chars.length)]).join('');
}

function line(r: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 12);
  for (let k = 0; k < n; k++) {
    const x = r();
    if (x < 0.4) parts.push(PIECES[Math.floor(r() * PIECES.length)]);
    else if (x < 0.55)
      parts.push(['secret', 'SK', 'sk-', 'access_token', 'password'][Math.floor(r() * 5)] + ['=', ': ', ' = "'][Math.floor(r() * 3)]);
    else if (x < 0.8) parts.push(run(r, 'abcdefABCDEF0123456789xyzXYZ', 20, 46));
    else parts.push(run(r, 'aB3xyz09QRé密à+/=', 1, 45));
  }
  return parts.join('');
}

describe('the byte gate of lines outside ASCII', () => {
  test.each([
    ['the shipped rules', RULES],
    ['a secret class with characters outside ASCII, a CJK literal', [...RULES, WIDE_CLASS, CJK_LITERAL]],
  ])('%s: every candidate passes it', (_name, rules) => {
    const compiled = compileRules(rules);
    const gate = candidateByteGate(compiled, true);
    expect(gate).not.toBeNull();
    const r = rng(_name.length * 31);
    let candidates = 0;
    for (let k = 0; k < 6000; k++) {
      const text = line(r);
      if (!contextualCandidate(compiled, text)) continue;
      candidates++;
      const b = Buffer.from(text, 'utf8');
      // (At an offset in a larger buffer, as a store keeps it.)
      const buf = Buffer.concat([Buffer.from('x\n'), b, Buffer.from('\nx')]);
      if (!gate!(buf, 2, 2 + b.length)) throw new Error(`gate misses a candidate: ${JSON.stringify(text)}`);
    }
    expect(candidates).toBeGreaterThan(200);
  });

  test('the class and literal rules need what the gate reads', () => {
    const at = (rule: Rule, t: string) => candidateByteGate(compileRules([rule]), true)!(Buffer.from(t), 0, Buffer.byteLength(t));
    expect(at(WIDE_CLASS, 'x ééééééééééé y')).toBe(true);
    expect(at(WIDE_CLASS, 'x éééé y')).toBe(false);
    expect(at(CJK_LITERAL, 'a 密钥值=none')).toBe(true);
    expect(at(CJK_LITERAL, 'short 密 words 密钥')).toBe(false);
  });

  test('a literal test folding case with the u flag: no gate', () => {
    expect(candidateByteGate(compileRules([FOLDED_U]), true)).toBeNull();
    expect(candidateByteGate(compileRules([FOLDED_U]))).not.toBeNull();
  });
});

describe('classes of ASCII characters only', () => {
  test.each([
    ['[A-Za-z0-9]', '', true],
    ['(?:[A-Za-z0-9+/])', '', true],
    ['[A-Za-z0-9_.\\-]', 'i', true],
    ['\\w', 'u', true],
    ['[a-z]', 'iu', false],
    ['[^\\s"]', '', false],
    ['[\\S]', '', false],
    ['[é]', '', false],
    ['[\\u00e9a]', '', false],
    ['(?:[a-z]|é)', '', false],
    ['[a-z]|[é]', '', false],
    ['.', '', false],
  ])('%s /%s: %s', (src, flags, want) => {
    expect(asciiOnlyClass(src, flags)).toBe(want);
  });
});
