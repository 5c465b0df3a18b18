import fc from 'fast-check';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { contextGroups, noteGroup } from '../../src/scan/context-groups';
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

test('long lines among the first notes of a process (one search along the line for all members): the members a plain test finds', () => {
  const gen = new KeyGen(20261203);
  const examples = RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]).map((t) => gen.expand(t).replace(/\n/g, ' '));
  const words = compiled.contextual.map((c) => c.detector.fileContext!.source.replace(/[^A-Za-z0-9_.:"\/\u4e00-\u9fff-]+/g, ' ').trim());
  // (At most 256 notes are made the plain way: 12 lines here, each noted by every group.)
  for (let i = 0; i < 12; i++) {
    let line = '';
    const pieces = i % 3 === 0 ? 0 : 1 + gen.int(6);
    const filler = () => gen.alnum(1 + gen.int(30)) + ' '.repeat(gen.int(3)) + '=;,:"'[gen.int(5)];
    const at = Array.from({ length: pieces }, () => gen.int(70_000));
    while (line.length < 70_000) {
      if (at.some((a) => a <= line.length && a > line.length - 40))
        line += gen.int(2) ? examples[gen.int(examples.length)] : words[gen.int(words.length)].split(' ')[0];
      line += filler();
    }
    if (i === 5) line = examples.join(' ') + line; // every member that any example matches
    const noted = new Map<RegExp, boolean>();
    for (const g of groups) noteGroup(g, line, noted);
    const want = groups.flatMap((g) => g.members.filter((re) => re.test(line)).map((re) => re.source));
    expect(groups.flatMap((g) => g.members.filter((re) => noted.get(re)).map((re) => re.source))).toEqual(want);
    expect(noted.size).toBe(want.length);
    if (i === 5) expect(want.length).toBeGreaterThan(5);
  }
});

/** A line matching a member must hold one of the group's literal anchors (the anchors only filter). */
function anchored(line: string): void {
  // noteGroup notes exactly the members a plain test of each finds.
  const noted = new Map<RegExp, boolean>();
  for (const g of groups) noteGroup(g, line, noted);
  const want = groups.flatMap((g) => g.members.filter((re) => re.test(line)).map((re) => re.source));
  expect({ line, noted: [...noted.keys()].map((re) => re.source) }).toEqual({ line, noted: want });
  for (const g of groups) {
    const hits = g.members.filter((re) => re.test(line));
    if (g.scan && hits.length > 0) expect({ line, scan: g.scan.findText(line, 0) >= 0 }).toEqual({ line, scan: true });
    const free = g.block?.freeScan;
    const ascii = /^[\x00-\x7f]*$/.test(line);
    if (free && ascii && hits.some((re) => g.block!.free!.source.includes(re.source))) {
      expect({ line, bytes: free.find(Buffer.from(line, 'latin1'), 0, line.length) >= 0 }).toEqual({ line, bytes: true });
      expect({ line, text: free.findText(line, 0) >= 0 }).toEqual({ line, text: true });
    }
  }
}

test('literal anchors: the groups that have them, and every line a member matches holds one (any case)', () => {
  // The case-insensitive group of vendor words and the literal members of the others have anchors.
  expect(groups.filter((g) => g.scan).length).toBeGreaterThan(0);
  expect(groups.filter((g) => g.block?.freeScan).length).toBeGreaterThan(1);
  const gen = new KeyGen(5);
  for (const r of RULES)
    for (const t of [...r.examples.positive, ...r.examples.negative]) for (const l of gen.expand(t).split('\n')) anchored(l);
  const words = compiled.contextual.flatMap((c) =>
    c.detector
      .fileContext!.source.replace(/[^A-Za-z0-9_.:"\/\u4e00-\u9fff-]+/g, ' ')
      .trim()
      .split(' '),
  );
  const mixCase = (w: string, bits: number) => [...w].map((c, i) => ((bits >> (i % 30)) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
  fc.assert(
    fc.property(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(...words),
      fc.integer(),
      fc.constantFrom('', gen.alnum(12), gen.alnum(16), gen.alnum(32), 'ABCDEFGHIJKLMNOP', '"type": "service_account"'),
      fc.string({ maxLength: 12 }),
      (a, w, bits, tail, b) => anchored(a + mixCase(w, bits) + tail + b),
    ),
    { numRuns: 3000 },
  );
});

test('lines dense with anchors (more occurrences than are listed): the members a plain test finds', () => {
  const gen = new KeyGen(11);
  // (Past the first notes of a process, which are tested plainly.)
  for (let i = 0; i < 300; i++) anchored('plain line ' + i);
  const ascii = ['sts.', 'posts.', '"type"', 'aws ', 's3 ', 'x'.repeat(5)];
  const members = [
    'LTAI' + gen.alnum(12),
    'STS.' + gen.alnum(24),
    '"type": "service_account"',
    'aliyun',
    'dashscope',
    'AKID' + gen.alnum(32),
  ];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...ascii), { minLength: 270, maxLength: 400 }),
      fc.subarray(members),
      fc.nat(),
      fc.constantFrom('', 'é', '阿里'),
      (parts, put, at, wide) => {
        for (const m of [...put, wide]) parts.splice(at % (parts.length + 1), 0, ` ${m} `);
        anchored(parts.join(''));
      },
    ),
    { numRuns: 150 },
  );
});
