/**
 * The per-line fast paths of issue 11 (text part) against their plain counterparts: pivots tried
 * only near keyword occurrences on long lines, keyword occurrences listed in the scan's own pass,
 * run checks that read every n-th character, and the file-context notes taken where the
 * members' anchors start (long and non-ASCII lines included).
 */
import { candidateByteGate, compileRules, contextualCandidate, longLinePlan } from '../../src/detect/engine';
import { buildKeywordHits, EventScanner, Occurrences } from '../../src/detect/keyword-scanner';
import { keywordWindows, RunClass } from '../../src/detect/match-window';
import { pivotExec, pivotOf } from '../../src/detect/pivot';
import { RULES } from '../../src/detect/rules';
import { contextGroups, noteGroup } from '../../src/scan/context-groups';
import { KeyGen } from '../helpers/keygen';
import { plainMatches as plain } from '../helpers/plain-matches';

const compiled = compileRules(RULES);
const hits = buildKeywordHits(compiled.keywords);
const examples = RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]);

/** A long line: filler code with keywords, words that hold them, quotes, secrets and example lines. */
function soup(gen: KeyGen, target: number, sparse: boolean): string {
  const pieces: Array<() => string> = [
    () => compiled.keywords[gen.int(compiled.keywords.length)],
    () => ['task', 'disk', 'second', 'bypass', 'compass', 'Secretary', 'posts.', 'draws', 'css3', 'Asia'][gen.int(10)],
    () => ['=', ' = ', ': ', ':', '=>', '(', ')', ',', ';', ' ', '"', "'", '`', '>', '</', '${', '}', '-'][gen.int(18)],
    () => gen.alnum(8 + gen.int(60)),
    () => gen.akSecret(),
    () => gen.expand(`{{b64:${8 + gen.int(90)}}}`),
    () => gen.hex(20 + gen.int(50)),
    () => gen.password(),
    () => {
      const lines = gen.expand(examples[gen.int(examples.length)]).split('\n');
      return lines[gen.int(lines.length)];
    },
  ];
  const filler = () => `value${gen.int(100)}.render(item, index) + offset; `;
  let s = '';
  while (s.length < target) s += sparse && gen.int(4) !== 0 ? filler() : pieces[gen.int(pieces.length)]();
  return s.replace(/[^\x00-\x7f]/g, '?');
}

describe('pivots near keyword occurrences (long lines)', () => {
  const gates = compiled.gates.filter((g) => pivotOf(g.detector.pattern) && longLinePlan(g, compiled.keywords)?.pivot);

  test('many pivoted detectors have windows, some from the part before the secret alone', () => {
    expect(gates.length).toBeGreaterThan(30);
    expect(gates.filter((g) => g.long!.pivot!.before === 0).length).toBeGreaterThan(10);
  });

  test('the matches in the windows are the plain matches, detector by detector', () => {
    const gen = new KeyGen(1103);
    let windowed = 0;
    let matched = 0;
    for (let i = 0; i < 160; i++) {
      const text = soup(gen, 600 + gen.int(5000), i % 2 === 0);
      const found = new Occurrences();
      const n = hits.scanAt(text, new Int32Array(hits.count), 1, found, text.length >> 5);
      if (n > text.length >> 5) continue;
      const occ = found.view();
      for (const g of gates) {
        const w = g.long!.pivot!;
        const qs = keywordWindows(w.before, w.len, occ, text.length, w.after);
        if (!qs) continue;
        windowed++;
        const plan = pivotOf(g.detector.pattern)!;
        const got: string[] = [];
        let pos = 0;
        let m: RegExpExecArray | null;
        while ((m = pivotExec(plan, text, pos, qs)) !== null) {
          got.push(`${m.index}\t${m[0]}\t${m.groups?.secret}`);
          pos = m.index + m[0].length;
        }
        const want = plain(g.detector.pattern, text);
        if (got.join('\n') !== want.join('\n'))
          expect({ source: g.detector.pattern.source, text, got }).toEqual({ source: g.detector.pattern.source, text, got: want });
        matched += want.length;
      }
    }
    // Not vacuous: windows were used, and matches found through them.
    expect(windowed).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(100);
  });
});

describe('keyword occurrences in the scan pass', () => {
  test('scanAt and scanAll mark what scan marks and list what positions lists', () => {
    const gen = new KeyGen(77);
    const found = new Occurrences();
    for (let i = 0; i < 300; i++) {
      let text = soup(gen, 1 + gen.int(3000), i % 3 === 0);
      if (i % 4 === 1)
        text = text.slice(0, gen.int(text.length)) + ['é', '密钥', '\u212a', '\u0130'][gen.int(4)] + text.slice(gen.int(text.length));
      const a = new Int32Array(hits.count);
      const b = new Int32Array(hits.count);
      const c = new Int32Array(hits.count);
      const all: number[] = [];
      const max = gen.int(2) ? 1 << 20 : gen.int(20);
      const ids: number[] = [];
      const idsAt: number[] = [];
      const n = hits.scan(text, a, 1, ids);
      // (`found` is one list for every line: emptied and refilled.)
      const got = hits.scanAt(text, b, 1, found, max, idsAt);
      // Past max: max + 1 (the count is of no use then), and nothing listed.
      expect(got).toBe(n > max ? max + 1 : n);
      const m = hits.scanAll(text, c, 1, all, max);
      if (n >= 0) {
        expect([...b]).toEqual([...a]);
        expect([...c]).toEqual([...a]);
        // The keywords found, in the order of their first occurrence (past max too).
        expect(idsAt).toEqual(ids);
        expect(m).toBe(n);
        const p = hits.positions(text, max);
        if (p) {
          expect([...found.view()]).toEqual(p);
          expect(all).toEqual(p);
        } else {
          expect(n).toBeGreaterThan(max);
          expect(found.length).toBe(0);
        }
      } else {
        // Outside ASCII: the count's complement, and the ASCII keywords' occurrences (a character outside ASCII ends them).
        expect(m).toBeLessThan(0);
        const ascii = text.replace(/[^\x00-\x7f]/g, '\0');
        const want = hits.positions(ascii, 1 << 20)!;
        expect(~m).toBe(want.length / 2);
        expect(all).toEqual(want.slice(0, 2 * Math.min(max, want.length / 2)));
      }
    }
  });
});

describe('keywords past max (read for the ones not seen yet)', () => {
  const ascii = compiled.keywords.filter((k) => /^[\x00-\x7f]+$/.test(k));
  test('dense stretches between new keywords (its table rebuilt as they go stale): the marks and order of scan', () => {
    const gen = new KeyGen(13);
    for (let round = 0; round < 4; round++) {
      const order = [...ascii].sort(() => gen.next() - 0.5);
      let text = '';
      for (let g = 0; g < order.length; g += 25)
        text += `${order[0]} task `.repeat(2000 + gen.int(8000)) + order.slice(g, g + 25).join(' ') + ' ';
      const want = new Int32Array(hits.count);
      const ids: number[] = [];
      hits.scan(text, want, 1, ids);
      const got = new Int32Array(hits.count);
      const idsAt: number[] = [];
      expect(hits.scanAt(text, got, 1, new Occurrences(), text.length >> 5, idsAt)).toBe((text.length >> 5) + 1);
      expect([...got]).toEqual([...want]);
      expect(idsAt).toEqual(ids);
    }
  });
});

test('run checks that read every n-th character answer as the regex', () => {
  const gen = new KeyGen(5);
  const classes = ['[A-Za-z0-9]', '[A-Za-z0-9+/]', '[0-9a-f]', '[A-Z0-9]'];
  for (let i = 0; i < 400; i++) {
    const text = Array.from({ length: 1 + gen.int(30) }, () =>
      gen.int(2) ? gen.from('abcdefABCDEF0123456789+/xyzXYZ', 1 + gen.int(50)) : ['-', '_', ' ', '=', '.', '"'][gen.int(6)],
    ).join('');
    for (const cls of classes)
      for (const n of [8, 16, 20, 30, 40]) {
        const check = new RegExp(`${cls}{${n}}`);
        expect(new RunClass(check, n).test(text)).toBe(check.test(text));
      }
  }
});

describe('file-context notes where the anchors start', () => {
  const groups = contextGroups(compiled);
  const words = compiled.contextual.flatMap((c) =>
    c.detector
      .fileContext!.source.replace(/[^A-Za-z0-9_.:"\/\u4e00-\u9fff-]+/g, ' ')
      .trim()
      .split(' '),
  );

  function same(line: string): void {
    const noted = new Map<RegExp, boolean>();
    for (const g of groups) noteGroup(g, line, noted);
    const want = groups.flatMap((g) => g.members.filter((re) => re.test(line)).map((re) => re.source));
    if ([...noted.keys()].length !== want.length)
      expect({ line, noted: [...noted.keys()].map((re) => re.source) }).toEqual({ line, noted: want });
    expect([...noted.keys()].map((re) => re.source).sort()).toEqual([...want].sort());
  }

  test('long lines with few and with many anchors, ASCII and not', () => {
    const gen = new KeyGen(31);
    for (let i = 0; i < 300; i++) {
      const parts: string[] = [];
      const many = i % 5 === 0;
      const target = 100 + gen.int(many ? 20000 : 6000);
      let len = 0;
      while (len < target) {
        const r = gen.int(10);
        const w = words[gen.int(words.length)];
        const p =
          r < 2
            ? w
            : r < 3
              ? w.toUpperCase()
              : r < 4
                ? `${gen.alnum(20)}:${gen.alnum(30)}`
                : r < 5
                  ? gen.alnum(16 + gen.int(40))
                  : r < 6 && i % 3 === 0
                    ? '阿里é'
                    : many
                      ? 'sts.aws '
                      : ' x.render(a, b); ';
        parts.push(p);
        len += p.length;
      }
      same(parts.join(gen.int(2) ? ' ' : ''));
    }
  });

  test('every rule example inside long filler', () => {
    const gen = new KeyGen(8);
    const filler = 'posts.map((p) => draws(p)); '.repeat(40);
    for (const t of examples) for (const l of gen.expand(t).split('\n')) same(`${filler}${l} ${filler}`);
  });
});

test('a line failing the byte gate of the keyword-less detectors is no candidate of theirs', () => {
  const gate = candidateByteGate(compiled)!;
  expect(gate).not.toBeNull();
  const gen = new KeyGen(606);
  let candidates = 0;
  let rejected = 0;
  const lines: string[] = [];
  for (const t of examples) lines.push(...gen.expand(t).split('\n'));
  for (let i = 0; i < 3000; i++) {
    const r = gen.int(4);
    lines.push(
      r === 0
        ? soup(gen, 1 + gen.int(300), i % 2 === 0)
        : r === 1
          ? `  const v${i} = "${gen.alnum(10 + gen.int(50))}"; // ${gen.hex(gen.int(70))}`
          : r === 2
            ? `${gen.from('abcXYZ019_.-', 1 + gen.int(20))}:${gen.int(99999)}:${gen.alnum(1 + gen.int(20))}:${gen.alnum(3)}:${gen.password()}`
            : `  x.render(item${i}, index); ${gen.expand(`{{b64:${8 + gen.int(90)}}}`)}`,
    );
  }
  for (const raw of lines) {
    const text = raw.replace(/[^\x00-\x7f]/g, '?');
    const buf = Buffer.from(text, 'latin1');
    const cand = contextualCandidate(compiled, text);
    if (cand) candidates++;
    if (!gate(buf, 0, buf.length)) {
      rejected++;
      if (cand) expect({ text, gate: false }).toEqual({ text, gate: true });
    }
  }
  // Not vacuous: both kinds of line occur (each keyword-less detector added lets more lines through
  // the gate: 490 of these lines are rejected with the kubeconfig and BCE credentials detectors).
  expect(candidates).toBeGreaterThan(100);
  expect(rejected).toBeGreaterThan(400);
});

test('the keyword-and-anchor automaton reports every place a word of each list ends, resumed after each event', () => {
  const lists = [compiled.keywords.filter((k) => /^[\x00-\x7f]+$/.test(k)), ['aws', 's3', 'sts.', '"type"', 'asia', 'bce', 'akid']];
  const ev = new EventScanner(lists);
  const gen = new KeyGen(9);
  for (let i = 0; i < 300; i++) {
    const text = soup(gen, 1 + gen.int(800), i % 2 === 0);
    const lower = text.toLowerCase();
    const want: string[] = [];
    for (let at = 0; at < text.length; at++) {
      let bits = 0;
      lists.forEach((list, b) => {
        if (list.some((w) => at + 1 >= w.length && lower.startsWith(w, at + 1 - w.length))) bits |= 1 << b;
      });
      if (bits) want.push(`${at}:${bits}`);
    }
    const buf = Buffer.from(text, 'latin1');
    const got: string[] = [];
    ev.state = 0;
    for (let at = ev.find(buf, 0, buf.length, 3); at >= 0; at = ev.find(buf, at + 1, buf.length, 3)) got.push(`${at}:${ev.bits}`);
    expect(got).toEqual(want);
    // One list alone: only its events.
    ev.state = 0;
    const kw: string[] = [];
    for (let at = ev.find(buf, 0, buf.length, 1); at >= 0; at = ev.find(buf, at + 1, buf.length, 1)) kw.push(`${at}:${ev.bits}`);
    expect(kw).toEqual(want.filter((w) => Number(w.split(':')[1]) & 1).map((w) => `${w.split(':')[0]}:1`));
  }
});
