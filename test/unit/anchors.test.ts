import fc from 'fast-check';
import { anchorHeads, anchorScanner, headCheck, literalAnchors, memberHeads } from '../../src/detect/anchors';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { KeyGen } from '../helpers/keygen';

describe('literal anchors of a regex', () => {
  test('read from the start of each branch, after zero-width assertions', () => {
    expect(literalAnchors(/(?<![A-Za-z])(?:ali|oss-cn-)|LTAI[A-Za-z0-9]{12}|阿里/i)).toEqual(['ali', 'oss-cn-', 'ltai', '阿里']);
    expect(literalAnchors(/aws|(?<![A-Za-z])s3|(?:AKIA|ASIA)[A-Z2-7]{16}/i)).toEqual(['aws', 's3', 'akia', 'asia']);
    expect(literalAnchors(/volces\.com|huawei[_-]?cloud/)).toEqual(['volces.com', 'huawei']);
    expect(literalAnchors(/^machine\s/)).toEqual(['machine']);
  });
  test('none when a branch starts with a class, a repeat or an escape class, or with the u flag', () => {
    expect(literalAnchors(/abc|[a-z]x/)).toBeNull();
    expect(literalAnchors(/a?bc/)).toBeNull();
    expect(literalAnchors(/\sabc/)).toBeNull();
    expect(literalAnchors(/abc/u)).toBeNull();
    expect(literalAnchors(/ſx|abc/i)).toBeNull(); // a non-ASCII letter with a case
  });
});

test('anchorScanner.findText: the first anchor from each start, searches of one text resumed or restarted', () => {
  const sc = anchorScanner([/aws|阿里|钉钉/i, /(?<![A-Za-z])s3/])!;
  const words = ['aws', 'AWS', '阿里', '钉钉', 's3', 'S3', 'x', ' ', 'a', 'w', '阿', '里'];
  const gen = new KeyGen(11);
  const brute = (text: string, from: number): number => {
    let best = -1;
    for (const w of ['aws', '阿里', '钉钉', 's3']) {
      const i = text.toLowerCase().indexOf(w, from);
      if (i >= 0 && (best < 0 || i + w.length - 1 < best)) best = i + w.length - 1;
    }
    return best;
  };
  for (let n = 0; n < 300; n++) {
    const text = Array.from({ length: gen.int(30) }, () => words[gen.int(words.length)]).join('');
    for (let k = 0; k < 8; k++) {
      const from = gen.int(text.length + 1);
      expect([text, from, sc.findText(text, from)]).toEqual([text, from, brute(text, from)]);
    }
  }
});

test('a named group is read like any group', () => {
  expect(literalAnchors(/(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})/)).toEqual(['akia', 'asia']);
});

describe('anchor heads: where a match starting with an anchor can start', () => {
  test('the anchor as written when case counts, and the characters a one-class lookbehind rejects', () => {
    const [h] = anchorHeads(/(?<![A-Za-z0-9])AC[0-9a-f]{32}(?![A-Za-z0-9])/)!;
    expect({ word: h.word, exact: h.exact }).toEqual({ word: 'AC', exact: true });
    expect([...'aZ9'].map((c) => h.notBefore![c.charCodeAt(0)])).toEqual([1, 1, 1]);
    expect([...' "_.'].map((c) => h.notBefore![c.charCodeAt(0)])).toEqual([0, 0, 0, 0]);
    const heads = anchorHeads(/aws|(?<![A-Za-z])s3|(?:AKIA|ASIA)[A-Z2-7]{16}/i)!;
    expect(heads.map((x) => [x.word, x.exact, x.notBefore !== null])).toEqual([
      ['aws', false, false],
      ['s3', false, true],
      ['akia', false, false],
      ['asia', false, false],
    ]);
    expect(anchorHeads(/[a-z]x/)).toBeNull();
  });

  test('headCheck on bytes: case, the byte before (none at the line start), notes already made', () => {
    const re = /(?<![A-Za-z0-9])AC[0-9a-f]{32}(?![A-Za-z0-9])/;
    const check = headCheck(memberHeads([re])!);
    const at = (line: string, word: string, from = 0) => {
      const b = Buffer.from(line, 'latin1');
      return check(b, line.indexOf(word, 0) + word.length - 1, from);
    };
    expect(at('x = AC12', 'AC')).toBe(true);
    expect(at('AC12', 'AC')).toBe(true);
    expect(at('react', 'ac')).toBe(false);
    expect(at('x ac12', 'ac')).toBe(false);
    expect(at('xAC12', 'AC')).toBe(false);
    // The line starts at the anchor: the byte before it is not the line's.
    expect(at('zAC12', 'AC', 1)).toBe(true);
    const b = Buffer.from(' AC', 'latin1');
    expect(check(b, 2, 0, (m, start) => m !== re || start !== 1)).toBe(false);
    expect(check(b, 2, 0, (m, start) => m === re && start === 1)).toBe(true);
    // A word outside ASCII always passes.
    expect(headCheck(memberHeads([/阿里|x/])!)(Buffer.from('阿里', 'utf8'), 5, 0)).toBe(true);
  });

  test('every match of every file-context pattern starts where a head of it passes (random lines, examples)', () => {
    const members = [...new Set(compileRules(RULES).contextual.map((c) => c.detector.fileContext!))].filter((re) => anchorHeads(re));
    expect(members.length).toBeGreaterThan(10);
    const gen = new KeyGen(31);
    const words = members.flatMap((re) => literalAnchors(re)!).filter((w) => /^[\x00-\x7f]+$/.test(w));
    const examples = RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]).map((t) => gen.expand(t));
    const mixCase = (w: string, bits: number) =>
      [...w].map((c, i) => ((bits >> (i % 30)) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
    let matched = 0;
    const plans = members.map((re) => {
      const heads = memberHeads([re])!;
      return { re, heads, check: headCheck(heads), g: new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g') };
    });
    const verify = (line: string) => {
      if (!/^[\x00-\x7f]*$/.test(line) || line.includes('\n')) return;
      const buf = Buffer.from(line, 'latin1');
      for (const { re, heads, check, g } of plans) {
        g.lastIndex = 0;
        for (let m = g.exec(line); m; m = g.exec(line)) {
          matched++;
          const p = m.index;
          const ok = heads.some(
            (h) => line.slice(p, p + h.word.length).toLowerCase() === h.word.toLowerCase() && check(buf, p + h.word.length - 1, 0),
          );
          if (!ok) expect({ re: re.source, line, p, ok }).toEqual({ re: re.source, line, p, ok: true });
          if (m[0].length === 0) g.lastIndex++;
        }
      }
    };
    for (const e of examples) for (const l of e.split('\n')) verify(l);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(...words),
        fc.integer(),
        fc.constantFrom('', gen.hex(16), gen.hex(32), gen.alnum(32), 'ABCDEFGHIJKLMNOP', gen.alnum(20), ': "service_account"'),
        fc.string({ maxLength: 6 }),
        (a, w, bits, tail, b) => verify(a + mixCase(w, bits) + tail + b),
      ),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(100);
  });
});
