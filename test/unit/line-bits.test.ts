/**
 * The line-bits automaton (src/detect/line-bits.ts): its WebAssembly reader (two halves side by
 * side, cut anywhere inside a line) gives exactly the bits of the JavaScript one, and both give
 * each line the bits of the words it holds, as a plain per-line search says.
 */
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LineBits, NOT_PLAIN } from '../../src/detect/line-bits';
import { compileRules } from '../../src/detect/engine';
import { keywordScanner } from '../../src/detect/keyword-scanner';
import { RULES } from '../../src/detect/rules';

/** Bits of each line as a plain search finds them (ASCII case folded). */
function plainBits(lists: string[][], lines: Buffer[]): number[] {
  return lines.map((l) => {
    let b = l.some((c) => c === 0 || c >= 0x80) ? NOT_PLAIN : 0;
    const low = l.toString('latin1').toLowerCase();
    lists.forEach((list, k) => {
      if (list.some((w) => w.length > 0 && low.includes(w.toLowerCase()))) b |= 1 << k;
    });
    return b;
  });
}

/** The lines joined as a blob ('\n') or as a diff's added lines ('\n+'), with each line's start. */
function join(lines: Buffer[], diff: boolean): { buf: Buffer; starts: number[]; ends: number[] } {
  const parts: Buffer[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  lines.forEach((l, i) => {
    if (i > 0) {
      parts.push(Buffer.from(diff ? '\n+' : '\n'));
      at += diff ? 2 : 1;
    }
    starts.push(at);
    parts.push(l);
    at += l.length;
    ends.push(at);
  });
  return { buf: Buffer.concat(parts), starts, ends };
}

/** Every cut the layout may choose: inside a line (or at its start), named by the line holding it. */
function cuts(starts: number[], ends: number[], to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [[to, starts.length - 1]];
  starts.forEach((s, k) => {
    for (let p = s; p < ends[k]; p++) out.push([p, k]);
  });
  return out;
}

const lists = [['password', 'sk', 'secret', 'task', 'aws'], ['ltai', 'oss2', 's3'], ['"type"', 'a'], [], ['sec', 'secretkey']];

const lineArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'password',
        'PassWord',
        'sk',
        'SK',
        'secret',
        'secre',
        'task',
        'aws',
        'ltai',
        'oss',
        'oss2',
        's3',
        '"type"',
        'sec',
        'secretkey',
      ),
      fc.constantFrom(' ', '=', '"', '+', '\r', 'x', 'A', 'é', '\u0000', '密'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => Buffer.from(parts.join('').replace(/\n/g, ' '), 'utf8'));

describe('line bits', () => {
  test('WebAssembly (two halves, cut anywhere in a line) and JavaScript give the per-line bits', () => {
    const lb = new LineBits(lists);
    expect(lb.inWasm).toBe(true);
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, diff) => {
        const want = plainBits(lists, lines);
        const { buf, starts, ends } = join(lines, diff);
        const to = buf.length;
        expect([...lb.linesJs(buf, 0, to, lines.length)]).toEqual(want);
        for (const [split, mid] of cuts(starts, ends, to))
          expect({ split, bits: [...lb.lines(buf, 0, split, to, mid, lines.length)] }).toEqual({ split, bits: want });
      }),
      { numRuns: 300 },
    );
  });

  test('the rule set: keywords of every line of real-looking text, at an offset in a larger buffer', () => {
    const scanner = keywordScanner(compileRules(RULES))!;
    const lb = new LineBits([scanner.words]);
    const text = [
      'const task = await disk.second();',
      'aws_secret_access_key = "abc"',
      'nothing to see here',
      'Password: hunter2',
      '  "privateKey": "x"',
      'ünïcödé sk',
      '',
      'x'.repeat(5000) + 'secret' + 'y'.repeat(3000),
    ];
    const lines = text.map((t) => Buffer.from(t, 'utf8'));
    const { buf } = join(lines, false);
    const padded = Buffer.concat([Buffer.from('garbage secret\n'), buf, Buffer.from('\npassword')]);
    const from = 15;
    const to = from + buf.length;
    const want = plainBits([[...scanner.words]], lines);
    expect(want.filter((b) => b & 1).length).toBeGreaterThan(3);
    const mid = 7;
    const split = from + buf.indexOf('secret', buf.lastIndexOf('\n')) + 3; // inside a keyword of the long line
    expect([...lb.lines(padded, from, split, to, mid, lines.length)]).toEqual(want);
    expect([...lb.linesJs(padded, from, to, lines.length)]).toEqual(want);
  });
});

test('the WebAssembly module is the build of src/detect/line-bits.wat (wat2wasm, Debian package wabt)', () => {
  const root = path.resolve(__dirname, '../..');
  expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/build-wasm.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
});
