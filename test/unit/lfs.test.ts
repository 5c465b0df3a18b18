/** Git LFS pointers (src/git/lfs.ts): what counts as one, and the cheap test on added lines before a blob is read. */
import { createHash } from 'node:crypto';
import { attachStore } from '../../src/git/added-lines';
import { mayBePointer, parsePointer } from '../../src/git/lfs';
import type { StagedFile } from '../../src/git/types';

const oid = createHash('sha256').update('object').digest('hex');
const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 6\n`;

function added(lines: string[]): StagedFile {
  const f: StagedFile = { path: 'a.bin', status: 'added', kind: 'file', newOid: 'f'.repeat(40), binary: false, added: [] };
  const store = attachStore(f);
  lines.forEach((l, i) => {
    const b = Buffer.from(l);
    store.push(i + 1, b, 0, b.length, true);
  });
  return f;
}

test('a pointer is exactly what git-lfs writes', () => {
  expect(parsePointer(Buffer.from(pointer))).toEqual({ oid, size: 6 });
  expect(parsePointer(Buffer.from(pointer.replace('size 6', 'size x')))).toBeNull();
  expect(parsePointer(Buffer.from(pointer + 'extra\n'))).toBeNull();
  expect(parsePointer(Buffer.from(pointer.replace(/\n/g, '\r\n')))).toBeNull();
  expect(parsePointer(Buffer.from(pointer + ' '.repeat(2000)))).toBeNull();
});

test('added lines may be a pointer only when one is an oid line of its own length', () => {
  expect(mayBePointer(added(pointer.trimEnd().split('\n')))).toBe(true);
  expect(mayBePointer(added([`oid sha256:${oid}`, 'size 7']))).toBe(true);
  // The oid at the start of a longer line, a huge line, too many lines: no blob is read.
  expect(mayBePointer(added([`oid sha256:${oid} and more`]))).toBe(false);
  expect(mayBePointer(added([`oid sha256:${oid}`.padEnd(1 << 20, 'x')]))).toBe(false);
  expect(mayBePointer(added([...Array(7).keys()].map((i) => (i === 0 ? `oid sha256:${oid}` : `line ${i}`))))).toBe(false);
});
