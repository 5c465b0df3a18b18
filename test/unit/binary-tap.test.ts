/**
 * A new binary file read by its reader's tap (src/scan/binary-lines.ts binaryTaps) gives the
 * view binaryAddedLines reads from the whole blob: the same lines, view and unscannable reason,
 * whatever the blob (runs of native code, compressed or random bytes, wide text with and without
 * a BOM, sizes around the wide-text probe and the entropy prefix) and however it is cut.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { addedStore } from '../../src/git/added-lines';
import type { BlobSource } from '../../src/git/backend';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { binaryAddedLines, binaryTaps, viewLines, type BinaryView } from '../../src/scan/binary-lines';
import { scanFile } from '../../src/scan/scan-file';
import { KeyGen } from '../helpers/keygen';
import { rng } from '../helpers/rng';
import { newBinaryFile, tappedFile } from '../helpers/tapped-file';

const source =
  (data: Buffer): (() => BlobSource) =>
  () => ({ read: async (oid) => ({ oid, data }), close: () => undefined });

/** The view read from the whole blob, and read through a tap fed in random pieces. */
async function both(data: Buffer, r: () => number, runsOnly = false) {
  const whole = await binaryAddedLines(newBinaryFile(), source(data), runsOnly);
  const f = newBinaryFile();
  const tap = binaryTaps()(f.newOid!)!;
  for (let at = 0; at < data.length;) {
    const n = Math.min(data.length - at, 1 + Math.floor(r() * (r() < 0.5 ? 100 : 300_000)));
    tap.write(data, at, at + n);
    at += n;
  }
  const { view } = tap.end();
  addedStore(f)!.keepView(view, 0);
  // The tap's view is used when present; a blob it kept (wide text maybe) is read whole.
  const tapped = await binaryAddedLines(f, () => ({ read: async () => null, close: () => undefined }), runsOnly);
  return { whole: plain(whole), tapped: plain(tapped) };
}

/** What both must agree on (`all`, the whole view, is not kept for a new file). */
function plain(v: BinaryView) {
  return { lines: viewLines(v), view: v.view, old: v.old, unscannable: v.unscannable };
}

function randomBytes(r: () => number, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
}

function nativeCode(r: () => number, n: number): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  const words = ['secret_key=', 'password', 'libc.so.6', 'GLIBC_2.2.5', 'aws_access', 'héllo 密码', '\n', '\n\n'];
  while (size < n) {
    const k = r();
    const p =
      k < 0.4
        ? Buffer.from(Array.from({ length: 1 + Math.floor(r() * 40) }, () => (r() < 0.6 ? 0 : Math.floor(r() * 256))))
        : k < 0.8
          ? Buffer.from(words[Math.floor(r() * words.length)])
          : Buffer.from(words[Math.floor(r() * words.length)], 'utf16le');
    parts.push(p);
    size += p.length;
  }
  return Buffer.concat(parts).subarray(0, n);
}

describe('a new binary file read by its tap', () => {
  test.each([
    ['native-code-like bytes', (r: () => number) => nativeCode(r, 3000)],
    ['a long native-code-like blob (past the 1 MiB prefix)', (r: () => number) => nativeCode(r, 1_400_000)],
    ['exactly the prefix', (r: () => number) => nativeCode(r, 1 << 20)],
    [
      'random bytes (high entropy: longer runs only)',
      (r: () => number) => Buffer.concat([randomBytes(r, 1_100_000), Buffer.from('\0password=abcdefgh12\n')]),
    ],
    ['a png header', (r: () => number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), nativeCode(r, 5000)])],
    [
      'UTF-16 LE text with a BOM',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key = "abc"\r\npassword: hunter22\n'.repeat(50), 'utf16le')]),
    ],
    ['UTF-16 LE text without a BOM, past the probe', () => Buffer.from('token: abcdefabcdef0123\n'.repeat(4000), 'utf16le')],
    [
      'UTF-16 BE text without a BOM, odd length (not wide)',
      () => Buffer.concat([Buffer.from('pass word\n'.repeat(9000), 'utf16le').swap16(), Buffer.from('x')]),
    ],
    [
      'UTF-16 text, then bytes that are not text after the probe',
      (r: () => number) => Buffer.concat([Buffer.from('a line of text\n'.repeat(3000), 'utf16le'), nativeCode(r, 200_000)]),
    ],
    ['UTF-32 LE text', () => Buffer.from(Array.from('secret = 12345678\n'.repeat(30)).flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))],
    ['a tiny blob', () => Buffer.from('a\0b')],
    ['one NUL', () => Buffer.from([0])],
  ])('%s: the view of the whole blob', async (_name, make) => {
    const r = rng(_name.length * 7919);
    const data = make(r);
    for (let round = 0; round < 3; round++) {
      const { whole, tapped } = await both(data, r);
      expect(tapped).toEqual(whole);
      const runs = await both(data, r, true);
      expect(runs.tapped).toEqual(runs.whole);
    }
  });

  test('real binaries: node and git', async () => {
    const r = rng(5);
    for (const f of [process.execPath, '/usr/bin/git'].filter((p) => existsSync(p))) {
      const fd = openSync(f, 'r');
      try {
        const b = Buffer.alloc(Math.min(3_000_000, fstatSync(fd).size));
        readSync(fd, b, 0, b.length, 0);
        const { whole, tapped } = await both(b, r);
        expect(tapped.lines.length).toBeGreaterThan(100);
        expect(tapped).toEqual(whole);
      } finally {
        closeSync(fd);
      }
    }
  });

  test('a blob staged at several paths is tapped once', () => {
    const taps = binaryTaps();
    expect(taps('a'.repeat(40))).not.toBeNull();
    expect(taps('b'.repeat(40))).not.toBeNull();
    expect(taps('a'.repeat(40))).toBeNull();
  });
});

describe('a new binary file scanned from its tap', () => {
  const compiled = compileRules(RULES);
  const gen = new KeyGen(1203);
  const examples = RULES.flatMap((rule) => [...rule.examples.positive, ...rule.examples.negative]).map((t) => gen.expand(t));
  const keywords = [...new Set(compiled.keyed.flatMap((k) => k.detector.keywords))];
  const noBlobs = () => ({ read: async () => null, close: () => undefined });

  test('finds what the scan of the whole blob finds, on the same lines', async () => {
    const r = rng(31337);
    let findings = 0;
    for (let round = 0; round < 12; round++) {
      const parts: Buffer[] = [];
      for (let k = 0; k < 400; k++) {
        const x = r();
        const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
        if (x < 0.25) parts.push(nativeCode(r, 1 + Math.floor(r() * 200)));
        else if (x < 0.5) parts.push(Buffer.from(pick(examples)));
        else if (x < 0.6) parts.push(Buffer.from(pick(examples), 'utf16le'));
        else if (x < 0.8) parts.push(Buffer.from(pick(keywords) + pick([' = ', ': ', '="', ' ']) + gen.akSecret()));
        else if (x < 0.9) parts.push(Buffer.from(pick(['\n', '\0', '\0\0\n', '\n\n', ' ', '\t'])));
        else
          parts.push(
            Buffer.from(pick(['aliyun ', 'LTAI', 'aws ', 'machine host login x password ', '-----BEGIN ', 'é 密码 ', '\ufeffpassword: '])),
          );
      }
      const data = Buffer.concat([Buffer.from([0]), ...parts]);
      const whole = await scanFile(newBinaryFile(), compiled, source(data));
      const tapped = await scanFile(tappedFile(data, r), compiled, noBlobs);
      expect(tapped.view).toBe('runs');
      expect({ lines: tapped.lines, count: tapped.lineCount, found: tapped.found }).toEqual({
        lines: whole.lines,
        count: whole.lineCount,
        found: whole.found,
      });
      findings += whole.found.length;
    }
    expect(findings).toBeGreaterThan(50);
  });
});
