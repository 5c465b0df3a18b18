/**
 * The text-runs reader (src/text/runs.ts, its WebAssembly module runs.wat and its JavaScript
 * twin) against the reader it replaced (test/helpers/runs-reference.ts): byte-identical runs,
 * lines and columns on seeded random blobs and on real binaries.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { MIN_RUN, MIN_RUN_NOISY, RunLineReader, textRunBytes, textRunLines } from '../../src/text/runs';
import { textRunBytesReference, textRunLinesReference } from '../helpers/runs-reference';
import { rng } from '../helpers/rng';

const WORDS = ['key', 'token=', 'a', 'héllo', '密码', '😀', 'x y', '\t', 'path/to', 'ZZZZZZZZ'];

/** A blob mixing what binaries hold: ASCII, UTF-8 (valid and not), UTF-16 LE/BE, NUL padding, LF, high bytes. */
function blob(r: () => number, size: number): Buffer {
  const parts: Buffer[] = [];
  let n = 0;
  const int = (k: number): number => Math.floor(r() * k);
  const text = (): string => Array.from({ length: 1 + int(6) }, () => WORDS[int(WORDS.length)]).join(r() < 0.5 ? '' : ' ');
  while (n < size) {
    let p: Buffer;
    switch (int(12)) {
      case 0:
        p = Buffer.from(text());
        break;
      case 1:
        p = Buffer.from(text(), 'utf16le');
        break;
      case 2:
        p = Buffer.from(text(), 'utf16le').swap16();
        break;
      case 3:
        p = Buffer.alloc(1 + int(12));
        break;
      case 4:
        p = Buffer.from(r() < 0.5 ? '\n' : '\n\n');
        break;
      case 5:
        // High bytes: leads, continuations, bytes UTF-8 never uses, overlong and surrogate forms.
        p = Buffer.from(
          Array.from({ length: 1 + int(6) }, () => [0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xa0, 0xf0, 0xf4, 0x90, 0xf5, 0xff][int(13)]),
        );
        break;
      case 6:
        p = Buffer.from(Array.from({ length: 1 + int(40) }, () => int(256)));
        break;
      case 7:
        p = Buffer.from([int(32), int(32)]);
        break;
      case 8:
        // One printable byte between NULs, or a short run: the UTF-16 / 8-bit borders.
        p = Buffer.from([0, 0x41 + int(26), 0, 0x61 + int(26), r() < 0.5 ? 0 : 0x2e]);
        break;
      case 9:
        p = Buffer.from(text().slice(0, 1 + int(4)));
        break;
      case 10:
        p = Buffer.concat([Buffer.from(text()), Buffer.from(text(), 'utf16le')]);
        break;
      default:
        p = Buffer.from(Array.from({ length: 1 + int(8) }, () => 0x20 + int(95)));
    }
    parts.push(p);
    n += p.length;
  }
  const b = Buffer.concat(parts);
  return r() < 0.3 ? b.subarray(0, b.length - int(3)) : b;
}

function expectSame(b: Buffer, minRun: number): void {
  const want = textRunBytesReference(b, minRun);
  expect(textRunBytes(b, minRun).equals(want)).toBe(true);
  expect(textRunBytes(b, minRun, false).equals(want)).toBe(true);
  const lines = textRunLinesReference(b, minRun);
  expect(textRunLines(b, minRun)).toEqual(lines);
  expect(textRunLines(b, minRun, false)).toEqual(lines);
}

describe('text runs: the new reader gives the old reader byte for byte', () => {
  test.each([1, 2, 3, MIN_RUN, 5, 7, MIN_RUN_NOISY, 15, 16])('seeded random blobs, minRun %i', (minRun) => {
    const r = rng(1000 + minRun);
    for (let k = 0; k < 120; k++) expectSame(blob(r, 1 + Math.floor(r() * 3000)), minRun);
  });

  test('blobs longer than a chunk (LF-aligned chunks), a chunk without an LF, and edge shapes', () => {
    const r = rng(7);
    expectSame(blob(r, 3_500_000), MIN_RUN);
    expectSame(blob(r, 2_200_000), MIN_RUN_NOISY);
    // A 3 MB line: one chunk longer than the chunk size.
    const noLf = blob(r, 3_000_000);
    for (let i = noLf.indexOf(0x0a); i >= 0; i = noLf.indexOf(0x0a, i + 1)) noLf[i] = 0x20;
    expectSame(noLf, MIN_RUN);
    for (const s of [
      '',
      '\n',
      '\n\n',
      'abcd',
      'abcd\n',
      'abc\n',
      '\0a\0b\0c\0d',
      'a\0b\0c\0d\0',
      'abcd\0e\0f\0g\0h\0',
      '\x01abcd\n\x01\x02',
    ])
      expectSame(Buffer.from(s, 'latin1'), MIN_RUN);
  });

  test('real binaries: slices of the node executable and git', () => {
    const files = [process.execPath, '/usr/bin/git'].filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const fd = openSync(f, 'r');
      try {
        const size = fstatSync(fd).size;
        for (const at of [0, Math.floor(size / 3), Math.max(0, size - 2_000_000)]) {
          const b = Buffer.alloc(Math.min(2_000_000, size - at));
          readSync(fd, b, 0, b.length, at);
          expectSame(b, MIN_RUN);
          expectSame(b, MIN_RUN_NOISY);
        }
      } finally {
        closeSync(fd);
      }
    }
  });
});

/** The runs view read by RunLineReader from `b` cut into random pieces: the lines textRunLines gives. */
function streamed(b: Buffer, minRun: number, r: () => number, useWasm: boolean, maxPiece: number): string[] {
  const lines: string[] = [];
  const reader = new RunLineReader(
    minRun,
    (line, buf, start, end, high) => {
      while (lines.length < line) lines.push('');
      lines.push(buf.toString(high ? 'utf8' : 'latin1', start, end));
    },
    useWasm,
  );
  for (let at = 0; at < b.length;) {
    const n = Math.min(b.length - at, 1 + Math.floor(r() * maxPiece));
    // Written as a range of a larger buffer, as a reader hands over a line of git's output.
    const host = Buffer.concat([Buffer.from('+'), b.subarray(at, at + n), Buffer.from('\n')]);
    reader.write(host, 1, 1 + n);
    at += n;
  }
  const count = reader.end();
  while (lines.length < count) lines.push('');
  return lines;
}

describe('text runs read in pieces (RunLineReader): the lines of the whole blob', () => {
  test('seeded random blobs cut anywhere, in the module and in JavaScript', () => {
    const r = rng(4242);
    for (let k = 0; k < 60; k++) {
      const b = blob(r, 1 + Math.floor(r() * 5000));
      const minRun = [1, MIN_RUN, MIN_RUN_NOISY][k % 3];
      const want = textRunLines(b, minRun);
      expect(streamed(b, minRun, r, true, 1 + Math.floor(r() * 300))).toEqual(want);
      expect(streamed(b, minRun, r, false, 1 + Math.floor(r() * 300))).toEqual(want);
    }
  });

  test('blocks filled and carried over: several MB, lines longer than a block, no LF at all', () => {
    const r = rng(99);
    const big = blob(r, 2_200_000);
    expect(streamed(big, MIN_RUN, r, true, 200_000)).toEqual(textRunLines(big, MIN_RUN));
    // Lines of ~0.9 MB (an LF near a block's end), then one of 1.1 MB (longer than a block).
    const long = blob(r, 2_600_000);
    for (let i = long.indexOf(0x0a); i >= 0; i = long.indexOf(0x0a, i + 1)) long[i] = 0x20;
    for (const at of [900_000, 1_500_001]) long[at] = 0x0a;
    expect(streamed(long, MIN_RUN, r, true, 70_000)).toEqual(textRunLines(long, MIN_RUN));
    const noLf = long.subarray(1_500_002);
    expect(streamed(noLf, MIN_RUN_NOISY, r, true, 500_000)).toEqual(textRunLines(noLf, MIN_RUN_NOISY));
  });
});

test('the WebAssembly module is the build of src/text/runs.wat (wat2wasm, Debian package wabt)', () => {
  const root = path.resolve(__dirname, '../..');
  expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/build-wasm.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
});
