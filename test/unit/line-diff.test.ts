import fc from 'fast-check';
import { addedLineIndexes, LineInterner, type DiffStats } from '../../src/git/isomorphic/line-diff';

/** Reference: added lines of a minimal diff by dynamic programming (LCS), for small inputs. */
function lcsLength(a: number[], b: number[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  return dp[0][0];
}

/** The lines of b not in the result must form a common subsequence of a and b. */
function isCommonSubsequence(a: number[], b: number[], added: number[]): boolean {
  const kept = b.filter((_, j) => !added.includes(j));
  let i = 0;
  for (const x of kept) {
    while (i < a.length && a[i] !== x) i++;
    if (i === a.length) return false;
    i++;
  }
  return true;
}

describe('line diff', () => {
  test('random inputs: a valid edit script, never fewer added lines than a minimal (LCS) diff', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        (a, b) => {
          const added = addedLineIndexes(a, b);
          expect([...added].sort((x, y) => x - y)).toEqual(added);
          expect(new Set(added).size).toBe(added.length);
          expect(isCommonSubsequence(a, b, added)).toBe(true);
          expect(added.length).toBeGreaterThanOrEqual(b.length - lcsLength(a, b));
          // Without repeated lines the result is minimal.
          if (new Set(a).size === a.length && new Set(b).size === b.length) expect(added.length).toBe(b.length - lcsLength(a, b));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('unique-line edits (no moves): exactly the inserted lines', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 200 }), fc.array(fc.nat(3), { maxLength: 200 }), (keep, inserts) => {
        const a = keep.map((_, i) => i);
        const b: number[] = [];
        const expected: number[] = [];
        let fresh = 10_000;
        a.forEach((x, i) => {
          for (let k = 0; k < (inserts[i] ?? 0); k++) {
            expected.push(b.length);
            b.push(fresh++);
          }
          if (keep[i]) b.push(x);
        });
        expect(addedLineIndexes(a, b)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  test('a 20 MB file with 20k scattered changes: linear work (counted, not timed)', () => {
    const interner = new LineInterner();
    const n = 400_000;
    const oldLines: string[] = [];
    for (let i = 0; i < n; i++) oldLines.push(`line ${i} of a large generated file with some padding text`);
    const newLines = [...oldLines];
    const expected: number[] = [];
    for (let c = 0; c < 20_000; c++) newLines[c * 20 + 7] = `changed line ${c}`;
    for (let c = 0; c < 20_000; c++) expected.push(c * 20 + 7);
    const a = interner.intern(Buffer.from(oldLines.join('\n') + '\n'));
    const b = interner.intern(Buffer.from(newLines.join('\n') + '\n'));
    expect(a.length).toBe(n);
    const stats: DiffStats = { steps: 0 };
    expect(addedLineIndexes(a, b, { stats })).toEqual(expected);
    expect(stats.steps).toBeLessThan(10 * (a.length + b.length));
  });

  test('adversarial: reversed unique lines and all-equal lines stay bounded and valid', () => {
    const a = Array.from({ length: 50_000 }, (_, i) => i);
    const b = [...a].reverse();
    const stats: DiffStats = { steps: 0 };
    const added = addedLineIndexes(a, b, { stats });
    expect(isCommonSubsequence(a.slice(0, 300), b.slice(0, 300), addedLineIndexes(a.slice(0, 300), b.slice(0, 300)))).toBe(true);
    expect(added.length).toBeGreaterThanOrEqual(b.length - 1);
    expect(stats.steps).toBeLessThan(200 * (a.length + b.length));
    const same = addedLineIndexes(new Array(30_000).fill(1), [...new Array(30_000).fill(1), 2]);
    expect(same).toEqual([30_000]);
  });

  test('interning: a last line without newline differs from the same line with one; CR is kept', () => {
    const i = new LineInterner();
    const lines: Buffer[] = [];
    const a = i.intern(Buffer.from('x\r\ny'), lines);
    const b = i.intern(Buffer.from('x\r\ny\n'));
    expect(lines.map(String)).toEqual(['x\r', 'y']);
    expect(a[0]).toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
  });
});
