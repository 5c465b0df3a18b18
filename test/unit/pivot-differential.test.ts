import { pivotExec, pivotOf, pivotPlan, runs, CharSet } from '../../src/detect/pivot';
import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import type { Detector, Rule } from '../../src/detect/types';
import { KeyGen } from '../helpers/keygen';
import { plainMatches as plain } from '../helpers/plain-matches';

/** The same through the pivot plan, as the engine asks for it (from the end of the last match). */
function viaPivot(re: RegExp, text: string): string[] {
  const plan = pivotOf(re)!;
  const out: string[] = [];
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = pivotExec(plan, text, pos)) !== null) {
    out.push(`${m.index}\t${m[0]}\t${m.groups?.secret}`);
    pos = m.index + m[0].length;
  }
  return out;
}

const detectors: Detector[] = RULES.flatMap((r) => r.detectors);
const planned = detectors.filter((d) => pivotOf(d.pattern) !== null);
const keywords = [...new Set(detectors.flatMap((d) => d.keywords))];
const examples = RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]);

/** A line of keyword soup: keywords in any case, words that hold them, connectors, quotes, generated secrets, example pieces. */
function soup(gen: KeyGen, long: boolean): string {
  const pieces: Array<() => string> = [
    () => {
      const k = keywords[gen.int(keywords.length)];
      return gen.int(3) === 0 ? k.toUpperCase() : gen.int(2) === 0 ? k : k[0].toUpperCase() + k.slice(1);
    },
    () => ['task', 'disk', 'second', 'section', 'bypass', 'compass', 'passed', 'askew', 'Secretary', 'aws', 's3'][gen.int(11)],
    () =>
      ['=', ' = ', ': ', ':', '=>', ':=', '(', ')', ',', ';', ' ', '  ', '\t', '.', '_', '-', '${', '}', '>', '</', '<', '：', '\\n'][
        gen.int(23)
      ],
    () => ['"', "'", '`', '"', "'"][gen.int(5)],
    () => gen.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.', 1 + gen.int(45)),
    () => gen.akSecret(),
    () => gen.alnum(16 + gen.int(80)),
    () => gen.expand(`{{b64:${8 + gen.int(90)}}}`),
    () => gen.hex(20 + gen.int(50)),
    () => gen.password(),
    () => gen.expand(`{{password}}`).slice(0, 4),
    () => gen.akId(),
    () => {
      const lines = gen.expand(examples[gen.int(examples.length)]).split('\n');
      return lines[gen.int(lines.length)];
    },
    () => ['密码', '口令', '密钥', '阿里云', 'é', '\u00a0', '\u2028'][gen.int(7)],
  ];
  const target = long ? 600 + gen.int(4000) : 1 + gen.int(220);
  let s = '';
  while (s.length < target) s += pieces[gen.int(pieces.length)]();
  return s;
}

describe('pivot matching equals a plain global search of the line', () => {
  test('most keyed detectors have a plan', () => {
    expect(planned.length).toBeGreaterThan(40);
  });

  test('random lines of keyword soup, generated secrets and example pieces: the same matches, detector by detector', () => {
    const gen = new KeyGen(20261202);
    let matched = 0;
    for (let i = 0; i < 1500; i++) {
      const text = soup(gen, i % 10 === 0);
      for (const d of planned) {
        const want = plain(d.pattern, text);
        const got = viaPivot(d.pattern, text);
        if (got.join('\n') !== want.join('\n'))
          expect({ source: d.pattern.source, text, found: got }).toEqual({ source: d.pattern.source, text, found: want });
        matched += want.length;
      }
    }
    // Not vacuous: the lines do hold matches.
    expect(matched).toBeGreaterThan(500);
  });

  test('with the whole line as the window (places checked one by one), lines of 2048 characters and more too: the same matches', () => {
    const gen = new KeyGen(20261203);
    const whole = (re: RegExp, text: string): string[] => {
      const plan = pivotOf(re)!;
      const out: string[] = [];
      let pos = 0;
      let m: RegExpExecArray | null;
      while ((m = pivotExec(plan, text, pos, [0, text.length])) !== null) {
        out.push(`${m.index}\t${m[0]}\t${m.groups?.secret}`);
        pos = m.index + m[0].length;
      }
      return out;
    };
    let matched = 0;
    for (let i = 0; i < 600; i++) {
      // Lines of 2048 characters and more (places filtered by the anchors), with the anchors far
      // apart too (a long filler between the pieces); and shorter lines.
      const text =
        i % 2 === 0
          ? `${soup(gen, false)}${' x'.repeat(gen.int(200) + (i % 4 === 0 ? 1024 : 0))}${soup(gen, true)}${soup(gen, true)}`
          : soup(gen, i % 10 === 0);
      for (const d of planned) {
        const want = plain(d.pattern, text);
        const got = whole(d.pattern, text);
        if (got.join('\n') !== want.join('\n'))
          expect({ source: d.pattern.source, text, found: got }).toEqual({ source: d.pattern.source, text, found: want });
        matched += want.length;
      }
    }
    expect(matched).toBeGreaterThan(200);
  });

  test('lines of 4096 characters and more (the runs of a class shared across n): the same matches', () => {
    const gen = new KeyGen(4096);
    let matched = 0;
    for (let i = 0; i < 120; i++) {
      let text = '';
      while (text.length < 4096 + gen.int(8000)) text += soup(gen, true) + ' ';
      for (const d of planned) {
        const want = plain(d.pattern, text);
        const got = viaPivot(d.pattern, text);
        if (got.join('\n') !== want.join('\n'))
          expect({ source: d.pattern.source, found: got }).toEqual({ source: d.pattern.source, found: want });
        matched += want.length;
      }
    }
    expect(matched).toBeGreaterThan(100);
  });

  test("every rule's examples: the same matches", () => {
    const gen = new KeyGen(7);
    for (const r of RULES)
      for (const t of [...r.examples.positive, ...r.examples.negative])
        for (const text of gen.expand(t).split('\n'))
          for (const d of planned) {
            const want = plain(d.pattern, text);
            const got = viaPivot(d.pattern, text);
            if (got.join('\n') !== want.join('\n')) expect([d.pattern.source, text, got]).toEqual([d.pattern.source, text, want]);
          }
  });

  test('the engine finds the same on soup lines with every detector searched plainly (pattern wrapped in a group: no plan)', () => {
    const gen = new KeyGen(99);
    const lines = Array.from({ length: 600 }, (_, i) => ({ line: i + 1, text: soup(gen, i % 8 === 0) }));
    const wrapped: Rule[] = RULES.map((r) => ({
      ...r,
      detectors: r.detectors.map((d) => ({ ...d, pattern: new RegExp(`(?:${d.pattern.source})`, d.pattern.flags) })),
    }));
    for (const d of wrapped.flatMap((r) => r.detectors)) expect(pivotPlan(d.pattern)).toBeNull();
    // File context on (contextual detectors run too) and off.
    for (const on of [true, false]) {
      const found = scanLines(lines, compileRules(RULES), { matches: () => on });
      expect(found.length).toBeGreaterThan(20);
      expect(found).toEqual(scanLines(lines, compileRules(wrapped), { matches: () => on }));
    }
  });
});

describe('a PREFIX of assertions only', () => {
  test('is verified as the pattern itself, left to right (not inside a lookbehind): the same answer on a long base64 run', () => {
    // alibaba-access-key-id's encoded detector: `(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]{0,7995}(?:TFRBS|xUQU|MVEFJ))` before
    // its secret. Checked inside a lookbehind, its lookahead ran first (right to left) and read up to
    // 8,000 characters at every place of the run: 200 KB of base64 took ~12 s (a plain search, a few ms).
    const rule = RULES.find((r) => r.id === 'alibaba-access-key-id')!;
    const gen = new KeyGen(11);
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const run = gen.from(B64, 100_000) + 'xUqU' + gen.from(B64, 100_000);
    const text = `KEY=${run}`;
    const zero = rule.detectors.map((d) => pivotOf(d.pattern)).filter((p) => p !== null && p.reach === 0);
    expect(zero.length).toBeGreaterThan(0);
    for (const p of zero) expect(p!.verify.source.startsWith('(?<=')).toBe(false);
    const compiled = compileRules([rule]);
    expect(scanLines([{ line: 1, text }], compiled, { matches: () => true })).toEqual([]);
    for (const d of rule.detectors) expect(plain(d.pattern, text)).toEqual([]);
  });
});

describe('pivot plans', () => {
  test('a pattern without a rare condition at its secret gets none', () => {
    expect(pivotPlan(/(?<secret>[a-z]{3})/g)).toBeNull();
    expect(pivotPlan(/a|(?<secret>[a-z]{30})/g)).toBeNull();
    expect(pivotPlan(/x+(?<secret>[a-z]{30})/g)).toBeNull(); // unbounded prefix
    expect(pivotPlan(/(a)\1=(?<secret>[a-z]{3})/g)).toBeNull(); // backreference
  });

  test('runs: the maximal runs at least n long, found by testing every n-th character', () => {
    const gen = new KeyGen(3);
    const set = new CharSet('[A-Za-z0-9]', '');
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + gen.int(30) }, () =>
        gen.int(2) ? gen.alnum(1 + gen.int(40)) : '-_ ='.slice(0, 1 + gen.int(4)),
      ).join('');
      for (const n of [8, 16, 30]) {
        const want: number[] = [];
        const re = new RegExp(`[A-Za-z0-9]{${n},}`, 'g');
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) want.push(m.index, m.index + m[0].length);
        expect(runs(set, n, text)).toEqual(want);
      }
    }
  });
});
