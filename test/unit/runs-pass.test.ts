/**
 * A new binary's runs view is kept as bytes (src/scan/run-store.ts) and, once a rule set has seen
 * enough lines, searched on its bytes (src/scan/runs-pass.ts, and the byte gate of pass 2): the
 * same kept lines, line count and findings as the per-line scan of the same lines as strings,
 * on seeded blobs mixing ASCII and UTF-8 runs (UTF-8 lines are tested on bytes too), UTF-16
 * text, keywords, context words (ASCII and CJK), the shapes of the keyword-less detectors,
 * lines that start as netrc or pgpass lines do, and characters a byte test could misread.
 */
import { compileRules } from '../../src/detect/engine';
import type { Rule } from '../../src/detect/types';
import { RULES } from '../../src/detect/rules';
import { binaryAddedLines, viewLines } from '../../src/scan/binary-lines';
import { RunStore } from '../../src/scan/run-store';
import { scanFile } from '../../src/scan/scan-file';
import { textRunLines } from '../../src/text/runs';
import { KeyGen } from '../helpers/keygen';
import { entropy } from '../../src/scan/unscannable';
import { rng } from '../helpers/rng';
import { newBinaryFile, tappedFile } from '../helpers/tapped-file';

/** A keyword-less rule whose file context has neither anchors nor words (see runs-pass.ts). */
const BARE_CONTEXT = {
  id: 'bare-context',
  name: 'bare context',
  provider: 'test',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'a test token read under a context without literal words',
  detectors: [{ keywords: [], fileContext: /^\s{0,4}[a-z]{4,12}\d{2}$/, pattern: /tok_(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9])/g }],
  shape: {},
  examples: { positive: [], negative: [] },
} as unknown as Rule;

const noBlobs = () => ({ read: async () => null, close: () => undefined });

describe('a binary runs view kept as bytes', () => {
  test('its lines are the runs lines of the blob (ASCII as Latin-1, others as UTF-8)', async () => {
    const r = rng(77);
    const parts: Buffer[] = [];
    for (let k = 0; k < 3000; k++) {
      const x = Math.floor(r() * 6);
      parts.push(
        x === 0
          ? Buffer.from('\n')
          : x === 1
            ? Buffer.from([0, 0xc3, 0xa9, 0x41, 0x42, 0x43, 0x44, 0xe0, 0x80, 0x80, 0x45])
            : x === 2
              ? Buffer.from('\ufeffhello wörld 密码 ', 'utf8')
              : x === 3
                ? Buffer.from('wide text here', 'utf16le')
                : Buffer.from([Math.floor(r() * 256), Math.floor(r() * 256), 0, 0x41 + Math.floor(r() * 26)]),
      );
    }
    const data = Buffer.concat(parts);
    const want = textRunLines(data)
      .map((text, i) => ({ line: i + 1, text }))
      .filter((l) => l.text !== '');
    const view = await binaryAddedLines(newBinaryFile(), () => ({ read: async (oid) => ({ oid, data }), close: () => undefined }));
    expect(view.store).toBeInstanceOf(RunStore);
    expect(viewLines(view)).toEqual(want);
    expect(view.store!.count).toBe(want.length);
  });
});

describe('a binary runs view searched on its bytes', () => {
  const gen = new KeyGen(4242);
  const examples = RULES.flatMap((rule) => [...rule.examples.positive, ...rule.examples.negative]).map((t) => gen.expand(t));
  const keywords = [...new Set(compileRules(RULES).keyed.flatMap((k) => k.detector.keywords))];
  const contexts = [
    '  abcdef42',
    '\u3000\u00a0qrstuv07',
    'zz09',
    'aliyun',
    'Alibaba ',
    'oss-cn-hangzhou',
    '阿里云',
    'aws ',
    's3',
    'AKIA',
    '腾讯云',
    'volcengine',
    'dingtalk',
    '"type": "service_account"',
  ];
  const noise = ['é', '\u00a0', '\u3000', 'ſ', 'K', '\ufeff', '密', '码', 'ü', 'x'];

  test.each([
    ['the shipped rules', RULES, 90210],
    // A file context no word of which every match holds (tried at each line start in the block's text).
    ['with a context pattern without words', [...RULES, BARE_CONTEXT], 4711],
  ])('%s: same kept lines and findings as the per-line scan', async (_name, rules, seed) => {
    const compiled = compileRules(rules);
    const r = rng(seed);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
    let findings = 0;
    let contextual = 0;
    let bare = 0;
    for (let round = 0; round < 16; round++) {
      // Some rounds show no context word at all (pass 2 is skipped), others a few.
      const ctx = round % 4 === 0 ? [] : contexts.filter(() => r() < 0.3);
      const parts: Buffer[] = [Buffer.from([0])];
      for (let k = 0; k < 500; k++) {
        const x = r();
        const utf8 = r() < 0.5 ? pick(noise) : '';
        if (x < 0.2)
          parts.push(Buffer.from(Array.from({ length: 1 + Math.floor(r() * 60) }, () => (r() < 0.5 ? 0 : Math.floor(r() * 256)))));
        else if (x < 0.4) parts.push(Buffer.from(utf8 + pick(examples)));
        else if (x < 0.45) parts.push(Buffer.from(pick(examples), 'utf16le'));
        else if (x < 0.55) parts.push(Buffer.from(pick(keywords) + pick([' = ', ': ', '="', ' ', utf8]) + gen.akSecret()));
        else if (x < 0.65)
          parts.push(
            Buffer.from(
              pick([gen.akSecret(), gen.alnum(30), gen.alnum(32), gen.alnum(44), 'sk-' + gen.hex(32), 'tok_' + gen.alnum(24)]) + utf8,
            ),
          );
        else if (x < 0.72 && ctx.length > 0) parts.push(Buffer.from(pick(ctx) + utf8));
        else if (x < 0.78)
          parts.push(
            Buffer.from(
              pick([
                '\nmachine host.example login bob password ' + gen.password() + '\n',
                '\ndefault login x password ' + gen.password() + '\n',
                '\n' + utf8 + 'db.example:5432:app:bob:' + gen.password() + '\n',
                '\n' + gen.alnum(20) + ':' + gen.alnum(30) + '\n',
                '\n\u00a0machine h login u password ' + gen.password() + '\n',
                // A line right after a kept one, with a context word but no keyword.
                '\n' + pick(keywords) + '=' + gen.akSecret() + '\n' + pick(ctx.length > 0 ? ctx : ['plain']) + ' ' + gen.alnum(30) + '\n',
                '\n-----BEGIN RSA PRIVATE KEY-----\n' + gen.pemLine() + '\n' + gen.pemLine() + utf8 + '\n',
                // The bare context and its token, so that the rule without words fires whatever the
                // draws before (their number follows the rules' examples).
                '\n  abcdef42\ntok_' + gen.alnum(24) + '\n',
              ]),
            ),
          );
        else if (x < 0.9) parts.push(Buffer.from(pick(['\n', '\0', '\0\0\n', '\n\n', ' ', '\t', '\r\n'])));
        else parts.push(Buffer.from(pick(noise) + pick(noise) + 'abcd' + pick(noise)));
      }
      const data = Buffer.concat(parts);
      const bytes = await scanFile(tappedFile(data, r), compiled, noBlobs, { blockAfter: 0 });
      const lines = await scanFile(tappedFile(data, r), compiled, noBlobs, { blockAfter: Infinity });
      expect(bytes.view).toBe('runs');
      expect({ lines: bytes.lines, count: bytes.lineCount, found: bytes.found }).toEqual({
        lines: lines.lines,
        count: lines.lineCount,
        found: lines.found,
      });
      findings += lines.found.length;
      bare += lines.found.filter((f) => f.ruleId === 'bare-context').length;
      contextual += lines.found.filter((f) => compiled.contextual.some((c) => c.rule.id === f.ruleId)).length;
    }
    expect(findings).toBeGreaterThan(50);
    expect(contextual).toBeGreaterThan(5);
    if (rules.includes(BARE_CONTEXT)) expect(bare).toBeGreaterThan(1);
  });
});

test('a binary runs view: anchors where no member can start (a letter before, another case), and members noted already', async () => {
  const compiled = compileRules(RULES);
  const gen = new KeyGen(5150);
  const r = rng(5150);
  const near = [
    'react.createElement(x)',
    'xAC' + gen.hex(32),
    ' AC' + gen.hex(32),
    ' ac' + gen.hex(32),
    'AC' + gen.hex(32),
    'wx' + gen.hex(16) + ' xwx' + gen.hex(16),
    'posts.map(draws)',
    'STS.' + gen.alnum(24),
    'aws s3 ',
    '阿里云 ',
    // Lines with the words of patterns bound at the line start (and end), that start, or are as long, as they can or cannot.
    gen.alnum(20) + ':' + gen.alnum(30),
    'é' + gen.alnum(20) + ':' + gen.alnum(30),
    '%' + gen.alnum(20) + ':' + gen.alnum(30),
    gen.alnum(20) + ':' + gen.alnum(30) + ':x'.repeat(60),
    'db.example:5432:app:bob:' + gen.password(),
    ' db.example:5432:app:bob:' + gen.password(),
  ];
  const values = () => ['token: ' + gen.hex(32), 'secret = "' + gen.alnum(32) + '"', gen.alnum(44), gen.akSecret()];
  let contextual = 0;
  for (let round = 0; round < 12; round++) {
    const parts: Buffer[] = [Buffer.from([0])];
    for (let k = 0; k < 300; k++) {
      const v = values();
      parts.push(Buffer.from(near[Math.floor(r() * near.length)] + (r() < 0.5 ? ' ' + v[Math.floor(r() * v.length)] : '')));
      parts.push(Buffer.from(r() < 0.7 ? '\n' : '\0'));
    }
    const data = Buffer.concat(parts);
    const bytes = await scanFile(tappedFile(data, r), compiled, noBlobs, { blockAfter: 0 });
    const lines = await scanFile(tappedFile(data, r), compiled, noBlobs, { blockAfter: Infinity });
    expect(bytes.view).toBe('runs');
    expect({ lines: bytes.lines, count: bytes.lineCount, found: bytes.found }).toEqual({
      lines: lines.lines,
      count: lines.lineCount,
      found: lines.found,
    });
    contextual += lines.found.filter((f) => compiled.contextual.some((c) => c.rule.id === f.ruleId)).length;
  }
  expect(contextual).toBeGreaterThan(0);
});

describe('entropy of a binary prefix', () => {
  /** The plain count it replaced (one table, byte by byte). */
  function plainEntropy(d: Buffer, max = 1 << 20): number {
    const n = Math.min(d.length, max);
    if (n === 0) return 0;
    const counts = new Uint32Array(256);
    for (let i = 0; i < n; i++) counts[d[i]]++;
    let h = 0;
    for (const c of counts) if (c > 0) h -= (c / n) * Math.log2(c / n);
    return h;
  }

  test('the same value, bit for bit, at every length around the tables', () => {
    const r = rng(3);
    const big = Buffer.from(Array.from({ length: 70_000 }, () => (r() < 0.3 ? 0 : Math.floor(r() * 256))));
    for (const n of [0, 1, 2, 3, 4, 5, 7, 8, 63, 64, 65, 1023, 1024, 1025, 4097, 65_535, 70_000])
      expect(entropy(big.subarray(0, n))).toBe(plainEntropy(big.subarray(0, n)));
    expect(entropy(big, 4095)).toBe(plainEntropy(big, 4095));
  });
});
