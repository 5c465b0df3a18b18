import fc from 'fast-check';
import { LineSplitter } from '../../src/git/line-splitter';

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
