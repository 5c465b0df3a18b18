import fc from 'fast-check';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { contextGroups } from '../../src/scan/context-groups';
import { KeyGen } from '../helpers/keygen';

const compiled = compileRules(RULES);
const groups = contextGroups(compiled);

/** A line matching a member must match its group's alternation (the alternation only filters). */
function check(line: string): void {
  for (const g of groups)
    for (const re of g.members) if (re.test(line)) expect({ re: re.source, any: g.any.test(line) }).toEqual({ re: re.source, any: true });
}

test('every file-context pattern is in exactly one group', () => {
  const all = new Set(compiled.contextual.map((c) => c.detector.fileContext!));
  expect(groups.flatMap((g) => g.members).sort()).toEqual([...all].sort());
});

test('a group matches every line one of its members matches (examples and random lines)', () => {
  const gen = new KeyGen(99);
  for (const r of RULES) for (const t of [...r.examples.positive, ...r.examples.negative]) check(gen.expand(t));
  const words = compiled.contextual.map((c) => c.detector.fileContext!.source.replace(/[^A-Za-z_\u4e00-\u9fff]+/g, ' ').trim());
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(...words), fc.string({ maxLength: 20 }), (a, w, b) => check(a + w + b)),
    { numRuns: 500 },
  );
});
