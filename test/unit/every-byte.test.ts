/**
 * The readers behind "every added byte is scanned": wide encodings without a BOM, text runs
 * of binary blobs (as `strings` finds them), and the formats listed as not scanned.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { textRunLines } from '../../src/text/runs';
import { decodeWideText } from '../../src/text/wide';
import { entropy, unscannableReason } from '../../src/scan/unscannable';
import { readZip } from '../../src/scan/zip';
import { makeZip } from '../helpers/zip';
import { messagesFor } from '../../src/report/messages';

const TEXT = 'id = 1\r\n密码 ok\n😀 end\n';

function enc(text: string, e: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be', bom = false): Buffer {
  const s = (bom ? '\ufeff' : '') + text;
  if (e.startsWith('utf-16')) {
    const b = Buffer.from(s, 'utf16le');
    if (e === 'utf-16be') b.swap16();
    return b;
  }
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (e === 'utf-32le' ? b.writeUInt32LE(cp, 4 * i) : b.writeUInt32BE(cp, 4 * i)));
  return b;
}

describe('decodeWideText', () => {
  test.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const)('%s with and without a BOM', (e) => {
    expect(decodeWideText(enc(TEXT, e))).toEqual({ encoding: e, bom: false, text: TEXT });
    expect(decodeWideText(enc(TEXT, e, true))).toEqual({ encoding: e, bom: true, text: TEXT });
  });

  test('not wide: UTF-8, binary with NUL bytes, odd lengths, text with a NUL character', () => {
    expect(decodeWideText(Buffer.from(TEXT))).toBeNull();
    expect(decodeWideText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))).toBeNull();
    expect(decodeWideText(Buffer.concat([enc('abcd', 'utf-16le'), Buffer.from([0x41])]))).toBeNull();
    expect(decodeWideText(enc('ab\0cd', 'utf-16le'))).toBeNull();
    expect(decodeWideText(Buffer.from([0x41, 0, 1, 0, 0x42, 0, 2, 0]))).toBeNull();
    // One stray NUL in ASCII text (even length): read as text runs, never as UTF-16.
    for (const pad of ['', 'x', 'xy', 'xyz'])
      expect(decodeWideText(Buffer.from(`a\0\nALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${pad}\n`))).toBeNull();
  });
});

describe('textRunLines', () => {
  test('8-bit runs of 4+ characters (UTF-8 included), joined by one space per gap; short runs and binary bytes dropped', () => {
    const d = Buffer.concat([Buffer.from('ab\0\x01'), Buffer.from('key=密码value\x02xyz\x03more text\nnext\0\0\0line\n\x00\x01\n')]);
    expect(textRunLines(d)).toEqual(['key=密码value more text', 'next line', '']);
  });

  test('UTF-16 LE and BE runs (ASCII characters), as strings -e l / -e b find them', () => {
    const le = Buffer.from('token here', 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(textRunLines(Buffer.concat([Buffer.from([1, 2]), le, Buffer.from([0xff, 0xff]), be]))).toEqual(['token here token here']);
    // 8-bit text running into UTF-16 text stays one word.
    expect(textRunLines(Buffer.concat([Buffer.from('\x01abcd'), Buffer.from('efgh', 'utf16le')]))).toEqual(['abcdefgh']);
  });

  test('compressed content: only longer runs (noise filtered)', () => {
    expect(textRunLines(Buffer.from('\x01abcdef\x02abcdefghij\x03'), 8)).toEqual(['abcdefghij']);
  });

  test('a run never starts a line the blob does not have: no entry after a final LF', () => {
    expect(textRunLines(Buffer.from('abcd\n'))).toEqual(['abcd']);
    expect(textRunLines(Buffer.alloc(0))).toEqual([]);
  });
});

describe('unscannableReason', () => {
  test('compressed and encrypted formats by their first bytes', () => {
    expect(unscannableReason(gzipSync(Buffer.from('x')))).toEqual({ reason: 'compressed', format: 'gzip' });
    expect(unscannableReason(Buffer.from('PK\x03\x04rest', 'latin1'))).toEqual({ reason: 'compressed', format: 'zip' });
    expect(unscannableReason(Buffer.from('-----BEGIN PGP MESSAGE-----'))).toEqual({ reason: 'encrypted', format: 'openpgp' });
    expect(unscannableReason(Buffer.from('Salted__12345678'))).toEqual({ reason: 'encrypted', format: 'openssl-enc' });
    expect(unscannableReason(Buffer.from('$ANSIBLE_VAULT;1.1;AES256'))).toEqual({ reason: 'encrypted', format: 'ansible-vault' });
    expect(unscannableReason(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toEqual({ reason: 'compressed', format: 'webp' });
  });

  test('other binary blobs: only random-looking ones (compressed or encrypted without a known header)', () => {
    const deflated = deflateRawSync(
      Buffer.from(Array.from({ length: 4000 }, (_, i) => `line ${i * 7919} ${(i * 104729) % 9973}`).join('\n')),
    );
    expect(entropy(deflated)).toBeGreaterThan(7.5);
    expect(unscannableReason(deflated.subarray(0, 64), deflated)).toEqual({ reason: 'high-entropy' });
    const plain = Buffer.from('plain text\n'.repeat(200));
    expect(unscannableReason(plain.subarray(0, 64), plain)).toBeNull();
    expect(unscannableReason(deflated.subarray(0, 64), deflated.subarray(0, 100))).toBeNull();
  });
});

describe('readZip', () => {
  test('stored and deflated entries; encrypted, unknown methods and entries past the bounds are unreadable', () => {
    const zip = makeZip([
      { name: 'a.txt', data: 'hello\n' },
      { name: 'dir/b.bin', data: Buffer.from([0, 1, 2, 3]), store: true },
      { name: 'secret.txt', data: 'locked', encrypted: true },
      { name: 'big.txt', data: 'x'.repeat(5000) },
    ]);
    expect(readZip(zip, { entryBytes: 4096, totalBytes: 1 << 20, entries: 100 })).toEqual({
      entries: [
        { name: 'a.txt', data: Buffer.from('hello\n') },
        { name: 'dir/b.bin', data: Buffer.from([0, 1, 2, 3]) },
      ],
      unreadable: [
        { name: 'secret.txt', reason: 'encrypted' },
        { name: 'big.txt', reason: 'too-large' },
      ],
    });
  });

  test('a zip bomb stops at the bound; a directory that lies about a size is not trusted', () => {
    const bomb = makeZip([{ name: 'zeros', data: Buffer.alloc(10 << 20) }]);
    expect(bomb.length).toBeLessThan(100 << 10);
    expect(readZip(bomb, { entryBytes: 1 << 20, totalBytes: 1 << 20, entries: 10 })!.unreadable).toEqual([
      { name: 'zeros', reason: 'too-large' },
    ]);
    // The central directory says 10 bytes; the data inflates to far more: refused, not read.
    const liar = Buffer.from(bomb);
    const cd = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    liar.writeUInt32LE(10, cd + 24);
    expect(readZip(liar)!.unreadable).toEqual([{ name: 'zeros', reason: 'compressed' }]);
  });

  test('not a zip: null', () => {
    expect(readZip(Buffer.from('PK\x03\x04 but nothing else', 'latin1'))).toBeNull();
    expect(readZip(gzipSync(Buffer.from('x')))).toBeNull();
  });
});

describe('the not-scanned line', () => {
  const items = [
    { path: 'a.gz', reason: 'compressed' as const, format: 'gzip' },
    { path: 'x.bin', reason: 'high-entropy' as const },
    { path: 'big.iso', reason: 'too-large' as const },
    { path: 'app.jar!/huge.dat', reason: 'too-large' as const, format: 'zip' },
    { path: 'k.gpg', reason: 'encrypted' as const, format: 'openpgp' },
  ];
  test('en and zh: one line naming each file and why; names left off are counted', () => {
    expect(messagesFor('en').unscanned(items, 2, 1000)).toBe(
      'Not scanned (7 files): a.gz (gzip, compressed), x.bin (random-looking bytes: compressed or encrypted?), big.iso (larger than maxFileSize, 1000 bytes), app.jar!/huge.dat (zip content past the reading bounds), k.gpg (openpgp, encrypted) and 2 more (see --format json).',
    );
    expect(messagesFor('zh').unscanned(items, 0, 1000)).toBe(
      '未扫描（5 个文件）：a.gz（gzip，压缩内容），x.bin（内容近似随机：可能是压缩或加密数据），big.iso（大于 maxFileSize（1000 字节）），app.jar!/huge.dat（zip 内容超出读取上限），k.gpg（openpgp，加密内容）。',
    );
    for (const lang of ['en', 'zh'] as const) expect(messagesFor(lang).unscanned(items, 0, 1)).not.toContain('\n');
  });
});

describe('formats named as not scanned, as the real tools write them', () => {
  test('a git packfile (git pack-objects) and a Debian package (dpkg-deb --build)', () => {
    const dir = mkdtempSync(`${tmpdir()}/akh-formats-`);
    try {
      execFileSync('git', ['init', '-q', dir]);
      writeFileSync(`${dir}/a.txt`, 'some text\n');
      const oid = execFileSync('git', ['-C', dir, 'hash-object', '-w', 'a.txt']).toString();
      const pack = execFileSync('git', ['-C', dir, 'pack-objects', '--stdout', '-q'], { input: oid });
      expect(unscannableReason(pack.subarray(0, 64))).toEqual({ reason: 'compressed', format: 'git-pack' });
      mkdirSync(`${dir}/pkg/DEBIAN`, { recursive: true });
      writeFileSync(
        `${dir}/pkg/DEBIAN/control`,
        'Package: demo\nVersion: 1.0\nArchitecture: all\nMaintainer: x <x@y.z>\nDescription: demo\n',
      );
      execFileSync('dpkg-deb', ['--build', '--root-owner-group', `${dir}/pkg`, `${dir}/demo.deb`], { stdio: 'ignore' });
      expect(unscannableReason(readFileSync(`${dir}/demo.deb`).subarray(0, 64))).toEqual({ reason: 'compressed', format: 'deb' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
