/**
 * Lines read one by one (a diff's added lines) are searched for file-context patterns in joined
 * blocks (`contextOfLines`); the notes must be exactly those of the per-line check.
 */
import fc from 'fast-check';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { contextOfLines } from '../../src/scan/block-pass';
import { contextGroups } from '../../src/scan/context-groups';
import { KeyGen } from '../helpers/keygen';

const compiled = compileRules(RULES);
const groups = contextGroups(compiled);
const patterns = [...new Set(compiled.contextual.map((c) => c.detector.fileContext!))];

function perLine(lines: readonly string[]): boolean[] {
  return patterns.map((re) => lines.some((l) => re.test(l)));
}

function inBlocks(lines: readonly string[]): boolean[] {
  const hits = new Map<RegExp, boolean>(patterns.map((re) => [re, false]));
  const context = (text: string): void => {
    for (const re of patterns) if (!hits.get(re) && re.test(text)) hits.set(re, true);
  };
  const contextDone = (g?: (typeof groups)[number]): boolean => (g ? g.members : patterns).every((re) => hits.get(re));
  const c = contextOfLines(groups, { context, contextDone });
  for (const l of lines) c.add(l);
  c.flush();
  return patterns.map((re) => hits.get(re)!);
}

const gen = new KeyGen(1102);
const words = compiled.contextual.map((c) => c.detector.fileContext!.source.replace(/[^A-Za-z_.:" \u4e00-\u9fff-]+/g, ' ').trim());
const examples = RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]).map((t) => gen.expand(t));
const piece = fc.oneof(
  fc.constantFrom(...words, ...words.map((w) => w.toUpperCase()), ...words.flatMap((w) => w.split(' '))),
  fc.constantFrom(...examples),
  fc.constantFrom(' ', ':', '"', '\r', '\u2028', '\t', 'default', 'machine host', 'é', '阿里', 'x'),
  fc.constant(null).map(() => `${gen.alnum(20)}:${gen.alnum(30)}`),
  fc.string({ maxLength: 8 }),
);
const line = fc.array(piece, { maxLength: 5 }).map((ps) => ps.join('').replace(/\n/g, ' '));

test('file-context notes from joined blocks equal the per-line notes', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (ls) => {
      expect(inBlocks(ls)).toEqual(perLine(ls));
    }),
    { numRuns: 2000 },
  );
});

test('every rule example, alone or among filler, gives the same notes in blocks', () => {
  const filler = Array.from({ length: 20 }, (_, i) => `const v${i} = task(second, ${i});`);
  for (const e of examples) for (const ls of [[e], [...filler, e, ...filler]]) expect(inBlocks(ls)).toEqual(perLine(ls));
  // More than one block (256k characters): a hit in each, and none.
  const big = Array.from({ length: 30000 }, (_, i) => `line ${i} of plain filler text`);
  expect(inBlocks(big)).toEqual(perLine(big));
  for (const e of examples.slice(0, 20)) {
    const ls = [...big];
    ls[25000] = e;
    expect(inBlocks(ls)).toEqual(perLine(ls));
  }
});
