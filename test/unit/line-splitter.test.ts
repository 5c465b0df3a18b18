import fc from 'fast-check';
import { LineSplitter } from '../../src/git/line-splitter';
import { joinPieces, RangeSplitter } from '../../src/git/range-splitter';

test('any chunking of any bytes yields the same lines as splitting the whole', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 8 }), (bytes, cuts) => {
      const whole = Buffer.from(bytes);
      const out: string[] = [];
      const s = new LineSplitter((l) => out.push(l.toString('hex')));
      let prev = 0;
      for (const c of [...cuts].sort((a, b) => a - b)) {
        s.push(whole.subarray(prev, Math.min(c, whole.length)));
        prev = Math.min(c, whole.length);
      }
      s.push(whole.subarray(prev));
      s.end();
      const expected = whole.toString('latin1').split('\n');
      if (expected[expected.length - 1] === '') expected.pop();
      expect(out).toEqual(expected.map((l) => Buffer.from(l, 'latin1').toString('hex')));
    }),
    { numRuns: 500 },
  );
});

test('the range splitter gives the same lines, and "clean" only for ASCII lines without NUL', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.uint8Array({ maxLength: 60 }),
          fc.string({ maxLength: 60 }).map((s) => Buffer.from(s)),
        ),
        { maxLength: 8 },
      ),
      (chunks) => {
        const out: string[] = [];
        const s = new RangeSplitter((buf, start, end, clean) => {
          const line = buf.subarray(start, end);
          if (clean) expect(line.every((c) => c > 0 && c < 0x80)).toBe(true);
          out.push(line.toString('hex'));
        });
        for (const c of chunks) s.push(Buffer.from(c));
        s.end();
        const expected = Buffer.concat(chunks.map((c) => Buffer.from(c)))
          .toString('latin1')
          .split('\n');
        if (expected[expected.length - 1] === '') expected.pop();
        expect(out).toEqual(expected.map((l) => Buffer.from(l, 'latin1').toString('hex')));
      },
    ),
    { numRuns: 500 },
  );
});

describe('a line across pieces read one after the other into one buffer', () => {
  const ascii = (b: Buffer) => b.every((c) => c > 0 && c < 0x80);

  test('is a view of that buffer (no copy), the same lines, "clean" exactly for ASCII without NUL', () => {
    let spanning = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'xyz', 'q', '\n', '\r\n', 'é', '\0', '==', 'task', 'second'), { maxLength: 200, size: 'max' }),
        fc.array(fc.nat(600), { minLength: 2, maxLength: 12 }),
        (parts, cuts) => {
          const whole = Buffer.from(parts.join(''));
          const at = [...cuts].sort((a, b) => a - b).map((c) => Math.min(c, whole.length));
          const lines: Array<{ line: Buffer; clean: boolean }> = [];
          const s = new RangeSplitter((buf, start, end, clean) => lines.push({ line: buf.subarray(start, end), clean }));
          let prev = 0;
          for (const c of at) {
            s.push(whole.subarray(prev, c));
            prev = c;
          }
          s.push(whole.subarray(prev));
          s.end();
          const expected = whole.toString('latin1').split('\n');
          if (expected[expected.length - 1] === '') expected.pop();
          expect(lines.map((l) => l.line.toString('latin1'))).toEqual(expected);
          let start = 0;
          lines.forEach(({ line, clean }, k) => {
            // Where the line is in the buffer read into: the very bytes, not a copy of them.
            expect(line.buffer).toBe(whole.buffer);
            expect(line.byteOffset).toBe(whole.byteOffset + start);
            if (at.some((c) => c > start && c < start + line.length)) {
              spanning++;
              expect(clean).toBe(ascii(line));
            } else if (clean) expect(ascii(line)).toBe(true);
            start += expected[k].length + 1;
          });
        },
      ),
      { numRuns: 500 },
    );
    expect(spanning).toBeGreaterThan(100);
  });

  test('pieces of separate buffers, or with a gap between them, are copied (the bytes given, no others)', () => {
    const mem = Buffer.from('abcdefgh');
    const view = joinPieces([mem.subarray(0, 3), mem.subarray(3, 5)], 5);
    const gap = joinPieces([mem.subarray(0, 3), mem.subarray(4, 6)], 5);
    const apart = joinPieces([mem.subarray(0, 2), Buffer.from('cd')], 4);
    expect([view, gap, apart].map(String)).toEqual(['abcde', 'abcef', 'abcd']);
    // A view shares the bytes read; a copy does not.
    mem[0] = 0x41;
    expect([view, gap, apart].map(String)).toEqual(['Abcde', 'abcef', 'abcd']);
  });
});
