/**
 * The gzip and tar reader (src/scan/gzip.ts) on archives made by the real `tar` at test time:
 * ustar, GNU and pax long names, directories and links skipped, a damaged header, bounds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { innerName, readGzip, readTar } from '../../src/scan/gzip';
import { tmpDir } from '../helpers/repo';

const LONG = `${'d'.repeat(60)}/${'e'.repeat(70)}/notes.txt`;

function tree(): string {
  const dir = tmpDir('akh-tar-');
  const src = path.join(dir, 'src');
  mkdirSync(path.join(src, path.dirname(LONG)), { recursive: true });
  writeFileSync(path.join(src, 'a.txt'), 'alpha\n');
  writeFileSync(path.join(src, LONG), 'long name\n');
  symlinkSync('a.txt', path.join(src, 'link'));
  return dir;
}

const names = (c: ReturnType<typeof readTar>) => c!.entries.map((e) => `${e.name}=${e.data.toString().trim()}`).sort();

test.each(['ustar', 'gnu', 'pax'])('tar --format=%s: regular files with their long names; directories and links skipped', (format) => {
  const dir = tree();
  const out = path.join(dir, `t.${format}.tar`);
  // ustar keeps names up to 255 bytes through its prefix field; GNU and pax write long-name records.
  execFileSync('tar', [
    `--format=${format}`,
    '-cf',
    out,
    '-C',
    path.join(dir, 'src'),
    'a.txt',
    'link',
    'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd',
  ]);
  const tar = readFileSync(out);
  expect(names(readTar(tar))).toEqual(['a.txt=alpha', `${LONG}=long name`]);
  const gz = readGzip(gzipSync(tar), 'x/t.tar.gz');
  expect(names(gz)).toEqual(['a.txt=alpha', `${LONG}=long name`]);
  expect(gz!.unreadable).toEqual([]);
});

test('a gzip of one file is one entry named after the archive; corrupt data is not read', () => {
  expect(readGzip(gzipSync('hello\n'), 'backup/db.sql.gz')).toEqual({
    entries: [{ name: 'db.sql', data: Buffer.from('hello\n') }],
    unreadable: [],
  });
  expect(innerName('a/app.tgz')).toBe('app.tar');
  expect(innerName('blob')).toBe('blob');
  const gz = gzipSync('x'.repeat(10_000));
  expect(readGzip(gz.subarray(0, 30), 'cut.gz')).toBeNull();
  expect(readGzip(Buffer.from('not a gzip at all, only text'), 'y.gz')).toBeNull();
});

test('past the bounds: the inflated size, an entry, the number of entries', () => {
  const limits = { entryBytes: 1000, totalBytes: 5000, entries: 2 };
  expect(readGzip(gzipSync(Buffer.alloc(6000)), 'z.gz', limits)).toEqual({ entries: [], unreadable: [{ name: 'z', reason: 'too-large' }] });
  expect(readGzip(gzipSync(Buffer.alloc(2000)), 'z.gz', limits)).toEqual({ entries: [], unreadable: [{ name: 'z', reason: 'too-large' }] });
  const dir = tmpDir('akh-tar-');
  for (const [n, size] of [
    ['a', 10],
    ['b', 2000],
    ['c', 10],
    ['d', 10],
  ] as const)
    writeFileSync(path.join(dir, n), 'y'.repeat(size));
  const tar = execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', dir, 'a', 'b', 'c', 'd']);
  const got = readTar(tar, limits)!;
  // b is over the entry bound; from the third file on, over the count (every file counts, as in a zip).
  expect(got.entries.map((e) => e.name)).toEqual(['a']);
  expect(got.unreadable).toEqual([
    { name: 'b', reason: 'too-large' },
    { name: 'c', reason: 'too-large' },
    { name: 'd', reason: 'too-large' },
  ]);
});

test('a damaged header after the first: what came before is read, the rest is named', () => {
  const dir = tmpDir('akh-tar-');
  writeFileSync(path.join(dir, 'one'), 'first\n');
  writeFileSync(path.join(dir, 'two'), 'second\n');
  const tar = Buffer.from(execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', dir, 'one', 'two']));
  tar[1024 + 150] ^= 0xff; // the second header's checksum no longer holds
  const got = readTar(tar)!;
  expect(got.entries.map((e) => e.name)).toEqual(['one']);
  expect(got.unreadable).toEqual([{ name: 'two', reason: 'compressed' }]);
  // Text that is no tar at all.
  expect(readTar(Buffer.alloc(1024, 0x41))).toBeNull();
});
