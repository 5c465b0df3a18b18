import fc from 'fast-check';
import { LineSplitter } from '../../src/git/line-splitter';
import { RangeSplitter } from '../../src/git/range-splitter';

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
