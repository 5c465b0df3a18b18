/**
 * A new file read as a blob is scanned in blocks (keyword automaton over bytes, file-context
 * patterns over block strings); the result must be exactly the per-line scan's.
 */
import fc from 'fast-check';
import { compileRules, passesPrefilter } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { keywordScanner } from '../../src/detect/keyword-scanner';
import { literalAnchors } from '../../src/detect/anchors';
import { addedStore, attachStore } from '../../src/git/added-lines';
import { blockPass, lineLayout, type PassOne } from '../../src/scan/block-pass';
import type { StagedFile } from '../../src/git/types';
import { scanFile } from '../../src/scan/scan-file';
import { anchoredAtStart, contextGroups, noteGroup } from '../../src/scan/context-groups';
import { lineStartGate, memberStart } from '../../src/scan/line-start';
import { KeyGen } from '../helpers/keygen';

const compiled = compileRules(RULES);
const noBlobs = () => {
  throw new Error('no blob read expected');
};

function asBlob(data: Buffer): StagedFile {
  const f: StagedFile = { path: 'new.txt', status: 'added', kind: 'file', newOid: '0'.repeat(40), binary: false, added: [] };
  const store = attachStore(f);
  const clean = data.every((b) => b < 0x80 && b !== 0);
  let start = 0;
  let line = 1;
  while (start < data.length) {
    let nl = data.indexOf(0x0a, start);
    if (nl < 0) nl = data.length;
    store.push(line++, data, start, nl, clean);
    start = nl + 1;
  }
  return f;
}

function asArray(data: Buffer): StagedFile {
  const f = asBlob(data);
  const lines = f.added.map((l) => ({ line: l.line, bytes: Buffer.from(l.bytes) }));
  f.added = lines; // the per-line path
  return f;
}

/**
 * The lines as a diff's added lines are kept: a '+' before each, in chunks cut at random line
 * starts (a chunk is clean only when all of it is ASCII: its other lines are checked one by one),
 * and now and then a line alone in its own buffer (one that spanned two chunks).
 */
function asDiff(data: Buffer, seed: number): StagedFile {
  const f: StagedFile = { path: 'new.txt', status: 'added', kind: 'file', newOid: '0'.repeat(40), binary: false, added: [] };
  const store = attachStore(f);
  const gen = new KeyGen(seed);
  const lines: Buffer[] = [];
  for (let start = 0; start < data.length;) {
    let nl = data.indexOf(0x0a, start);
    if (nl < 0) nl = data.length;
    lines.push(data.subarray(start, nl));
    start = nl + 1;
  }
  let line = 1;
  for (let i = 0; i < lines.length;) {
    const take = gen.int(3) === 0 ? 1 : 1 + gen.int(lines.length);
    const group = lines.slice(i, i + take);
    const chunk = Buffer.concat(group.flatMap((l) => [Buffer.from('+'), l, Buffer.from('\n')]));
    const clean = chunk.every((b) => b < 0x80 && b !== 0);
    let at = 0;
    for (const l of group) {
      store.push(line++, chunk, at + 1, at + 1 + l.length, clean);
      at += l.length + 2;
    }
    i += take;
  }
  return f;
}

async function same(text: string): Promise<void> {
  const data = Buffer.from(text, 'utf8');
  const a = await scanFile(asBlob(data), compiled, noBlobs, { blockAfter: 0 });
  const b = await scanFile(asArray(data), compiled, noBlobs);
  const c = await scanFile(asDiff(data, data.length), compiled, noBlobs, { blockAfter: 0 });
  const want = { lines: b.lines, count: b.lineCount, found: b.found };
  for (const x of [a, c]) expect({ lines: x.lines, count: x.lineCount, found: x.found }).toEqual(want);
  // Candidates of every keyword-less detector kept (not only those whose context the file shows): the same findings.
  for (const x of [asBlob(data), asArray(data)])
    expect((await scanFile(x, compiled, noBlobs, { blockAfter: 0, knownContexts: false })).found).toEqual(b.found);
}

const gen = new KeyGen(2026);
const keywords = [...new Set(compiled.keyed.flatMap((k) => k.detector.keywords))];
const contextWords = compiled.contextual.map((c) => c.detector.fileContext!.source.replace(/[^A-Za-z_.:" \u4e00-\u9fff-]+/g, ' ').trim());
const examples = RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]).map((t) => gen.expand(t));
const piece = fc.oneof(
  fc.constantFrom(...keywords, ...keywords.map((k) => k.toUpperCase()), ...contextWords),
  fc.constantFrom(...examples),
  fc.constantFrom(' ', '=', ': ', '"', '\r', '\t', 'default', 'machine host', '-----BEGIN', 'é', '密码'),
  fc.constant(null).map(() => gen.akId()),
  fc.constant(null).map(() => gen.akSecret()),
  fc.constant(null).map(() => `${gen.alnum(20)}:${gen.alnum(30)}`),
  fc.string({ maxLength: 12 }),
);
const line = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join(''));

test('the keyword automaton agrees with the prefilter regex on ASCII lines', () => {
  const scanner = keywordScanner(compiled)!;
  expect(scanner).not.toBeNull();
  fc.assert(
    fc.property(line, (l) => {
      const ascii = l.replace(/[^\x01-\x7f]/g, 'x').replace(/\n/g, ' ');
      const buf = Buffer.from(ascii, 'latin1');
      expect(scanner.find(buf, 0, buf.length) >= 0).toBe(passesPrefilter(compiled, ascii));
    }),
    { numRuns: 3000 },
  );
});

test('block scan of a new file equals the per-line scan (random files, examples, CRLF, non-ASCII)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(line, { maxLength: 40 }), fc.boolean(), fc.boolean(), async (ls, ascii, crlf) => {
      let text = ls.join(crlf ? '\r\n' : '\n');
      if (ascii) text = text.replace(/[^\x01-\x7f]/g, '?');
      await same(text);
      await same(text + '\n');
    }),
    { numRuns: 400 },
  );
});

test('every rule example, alone and among filler lines, scans the same in blocks', async () => {
  const filler = Array.from({ length: 50 }, (_, i) => `const v${i} = compute(value, ${i}); // step`).join('\n');
  for (const e of examples) {
    await same(e);
    await same(`${filler}\n${e}\n${filler}\n${e}\n`);
  }
});

test('diff lines: long lines alone and among others, mixed chunks, lines at a line start that only the caret-less anchored search sees', async () => {
  const gen2 = new KeyGen(404);
  const long = (n: number) => Array.from({ length: n }, (_, i) => `posts.map(x${i}) + draws("${gen2.alnum(12)}") `).join('');
  const pg = `${gen2.alnum(20)}:${gen2.alnum(30)}`;
  for (const e of examples.slice(0, 60)) {
    await same(`${long(400)}\n${e}\n${long(30)} ${e} ${long(30)}\nmachine host login me password x\n${pg}\n  default \n`);
    await same(`é ${long(50)}\n${e}\n${pg}\n${long(200)}${e}`);
  }
  // Lines over 64 KB among shorter ones.
  for (const e of examples.slice(0, 8)) await same(`${e}\n${long(2000)} ${e}\n${e}\n${long(1800)}\n${pg}\n${e} ${long(2000)}`);
});

test('anchors where no member can start (a letter before, another case), and members noted already: the per-line notes', async () => {
  const gen3 = new KeyGen(8080);
  const near = [
    'react.createElement(x)',
    `const id = "xAC${gen3.hex(32)}";`,
    `const id = "ac${gen3.hex(32)}";`,
    `sid: AC${gen3.hex(32)}`,
    `AC${gen3.hex(32)} at the line start`,
    `appid wx${gen3.hex(16)} and xwx${gen3.hex(16)}`,
    'posts.map(draws)',
    `STS.${gen3.alnum(24)}`,
    `token: ${gen3.hex(32)}`,
    `secret = "${gen3.alnum(32)}"`,
  ];
  const r = new KeyGen(99);
  for (let round = 0; round < 30; round++) {
    const lines = Array.from({ length: 40 }, () => near[r.int(near.length)]);
    await same(lines.join('\n'));
    await same(lines.map((l) => l + ' ' + examples[r.int(examples.length)]).join('\n'));
  }
});

test('anchoredAtStart: a leading ^ binds the whole pattern only without a top-level |', () => {
  expect(anchoredAtStart('^a(?:b|c)$')).toBe(true);
  expect(anchoredAtStart('^a|b')).toBe(false);
  expect(anchoredAtStart('^[|]a')).toBe(true);
  expect(anchoredAtStart('^\\|a')).toBe(true);
  expect(anchoredAtStart('a^')).toBe(false);
});

describe('the line-start gate of the anchored file-context members', () => {
  const members = contextGroups(compiled).flatMap((g) => g.members.filter((re) => anchoredAtStart(re.source)));
  const asBytes = (t: string) => Buffer.from(t, 'latin1');

  test('passes every ASCII line a member matches (random lines, examples, netrc and pgpass lines)', () => {
    expect(members.length).toBeGreaterThan(1);
    const gate = lineStartGate(members)!;
    expect(gate).not.toBeNull();
    const lead = fc.constantFrom('', ' ', '  ', '\t', '\t\t ', '        ', '         ', '\v', '\f');
    const netrc = fc.constantFrom('machine host login me password x', 'default', 'default login a', 'machine\th', 'machined');
    const pg = fc
      .constant(null)
      .map(
        () =>
          [`${gen.alnum(20)}:${gen.alnum(30)}`, `*:5432:db:${gen.alnum(8)}:${gen.alnum(12)}`, `[::1]:*:d:u:${gen.alnum(9)}`][gen.int(3)],
      );
    fc.assert(
      fc.property(lead, fc.oneof(line, netrc, pg), (l, rest) => {
        const t = (l + rest).replace(/[^\x01-\x7f]/g, '?').replace(/[\r\n]/g, ' ');
        if (members.some((re) => re.test(t))) expect(gate(asBytes(t), 0, t.length)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  test('rejects the lines of ordinary code, and reads only patterns whose start it can read', () => {
    const gate = lineStartGate(members)!;
    for (const t of ['  const x = 1;', '\treturn value;', '}', '', '    if (a) {', '// default:'])
      expect(gate(asBytes(t), 0, t.length)).toBe(false);
    for (const t of ['default', '   machine h', 'abc:def', '*:1:a:b:cdef']) expect(gate(asBytes(t), 0, t.length)).toBe(true);
    expect(memberStart(/^\s{0,3}(?:ab|c?d)x/)).not.toBeNull();
    expect(memberStart(/^(?=a)b/)).toBeNull();
    expect(memberStart(/^\s*/)).toBeNull();
    expect(memberStart(/^a?b?/)).toBeNull();
    expect(memberStart(/^\bword/)).toBeNull();
    const g = lineStartGate([/^\s{0,2}(?:ab|c?d)x/i])!;
    for (const [t, ok] of [
      ['AB', true],
      ['  d', true],
      ['  cd', true],
      ['   d', false],
      ['x', false],
      ['Dx', true],
    ] as const)
      expect(gate === g ? null : g(asBytes(t as string), 0, (t as string).length)).toBe(ok);
  });
});

describe('a long line alone in its block', () => {
  const groups = contextGroups(compiled);
  const scanner = keywordScanner(compiled)!;
  const contextRes = [...new Set(compiled.contextual.map((c) => c.detector.fileContext!))];
  const r = new KeyGen(6464);
  const ascii = (t: string) => t.replace(/[^\x01-\x7f]/g, '?').replace(/[\r\n]/g, ' ');
  const words = [...contextWords.flatMap((w) => w.split(' ')).filter((w) => w.length > 1), 'aws', 'AWS', 'xAC', 'AC', 'wx', 'STS.', 'LTAI'];
  const filler = () => ['task.disk=second(a);', 'SECRET=cfg.aws_mask||sk;', 'pass=opt.password_1(x);', ' ', '"', '='][r.int(6)];
  const piece = () => {
    const k = r.int(10);
    if (k === 0) return words[r.int(words.length)];
    if (k === 1) return ascii(examples[r.int(examples.length)]);
    if (k === 2) return [gen.akSecret(), gen.akId(), `AC${gen.hex(32)}`, `wx${gen.hex(16)}`, `${gen.alnum(20)}:${gen.alnum(30)}`][r.int(5)];
    return filler();
  };

  test('notes each file-context pattern where its anchors start, as the line is noted whole', () => {
    let direct = 0;
    let noted = 0;
    for (let round = 0; round < 60; round++) {
      // 64 kB to 320 kB; the pieces other than filler are rare in some lines (members found late or never).
      const rare = round % 3 === 0;
      let text = '';
      const target = (1 << 16) + r.int(1 << 18);
      while (text.length < target) text += rare && r.int(50) !== 0 ? filler() : piece();
      text = ascii(text);
      const f = asBlob(Buffer.from(`${text}\n`, 'latin1'));
      const store = addedStore(f)!;
      const hits = new Map(contextRes.map((re) => [re, false]));
      const done = (g?: (typeof groups)[number]) => (g ? g.members : contextRes).every((re) => hits.get(re));
      const pass: PassOne = {
        context: (t) => groups.forEach((g) => noteGroup(g, t, hits)),
        contextDone: done,
        noted: (re) => hits.get(re) === true,
        note: (re) => {
          direct++;
          hits.set(re, true);
        },
        take: () => false,
        text: (i) => store.text(i),
      };
      blockPass(
        store,
        0,
        store.count,
        scanner,
        groups,
        pass,
        lineLayout(store, () => true),
      );
      const want = new Map(contextRes.map((re) => [re, false]));
      for (const g of groups) noteGroup(g, text, want);
      expect([...hits].filter(([, v]) => v).map(([re]) => re.source)).toEqual([...want].filter(([, v]) => v).map(([re]) => re.source));
      noted += [...want.values()].filter(Boolean).length;
    }
    // Not vacuous: members were noted, most of them where their anchors start.
    expect(noted).toBeGreaterThan(100);
    expect(direct).toBeGreaterThan(noted / 2);
  });

  test("an anchor noted inside another member's anchor: the search for the others resumes before it", () => {
    // (e.g. `aliyun` inside `aliyuncs.com/compatible-mode`: noted at aliyun's end, the other word began before.)
    const members = groups.filter((g) => g.block?.freeScan).flatMap((g) => g.block!.freeMembers);
    const inside: string[] = [];
    for (const ma of members)
      for (const mb of members)
        for (const a of ma === mb ? [] : (literalAnchors(ma) ?? []))
          for (const b of literalAnchors(mb) ?? []) {
            const k = b.toLowerCase().indexOf(a.toLowerCase());
            if (k >= 0 && k + a.length < b.length && /^[\x00-\x7f]+$/.test(b) && ma.test(b)) inside.push(b);
          }
    expect(inside.length).toBeGreaterThan(0);
    const fill = 'task.disk=second(a);SECRET=cfg.aws_mask||sk;'.repeat(1600);
    for (const b of inside)
      for (const text of [`${fill} ${b} ${fill}`, `sk ${b}${fill}`]) {
        const f = asBlob(Buffer.from(`${text}\n`, 'latin1'));
        const store = addedStore(f)!;
        const hits = new Map(contextRes.map((re) => [re, false]));
        const pass: PassOne = {
          context: (t) => groups.forEach((g) => noteGroup(g, t, hits)),
          contextDone: (g) => (g ? g.members : contextRes).every((re) => hits.get(re)),
          noted: (re) => hits.get(re) === true,
          note: (re) => void hits.set(re, true),
          take: () => false,
          text: (i) => store.text(i),
        };
        blockPass(
          store,
          0,
          store.count,
          scanner,
          groups,
          pass,
          lineLayout(store, () => true),
        );
        const want = contextRes.filter((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, '')).test(text));
        expect([...hits].filter(([, v]) => v).map(([re]) => re.source)).toEqual(want.map((re) => re.source));
      }
  });

  test('scans as the per-line scan does: a one-line file, and a line over a block among others', async () => {
    for (let round = 0; round < 12; round++) {
      let text = '';
      while (text.length < 70_000 + r.int(1 << 18)) text += piece();
      await same(text);
      await same(`${ascii(examples[r.int(examples.length)])}\n${text}\n${'x'.repeat(300_000)} aws\n${text}`);
    }
  });
});
