/**
 * perf (issue 5, the 1-file rows): a small commit never reads the file-context patterns' literal
 * anchors (a parse of every pattern's source): they are worked out only once a process has made
 * PLAIN_NOTES notes (context-groups.ts) or a block search meets a diff's '+' gap (scan-file.ts),
 * and then give the same findings.
 */
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { attachStore } from '../../src/git/added-lines';
import type { StagedFile } from '../../src/git/types';
import { scanFile } from '../../src/scan/scan-file';
import { KeyGen } from '../helpers/keygen';

const calls = { literalAnchors: 0 };
jest.mock('../../src/detect/anchors', () => {
  const actual = jest.requireActual('../../src/detect/anchors');
  return {
    ...actual,
    literalAnchors: (...args: unknown[]) => {
      calls.literalAnchors++;
      return actual.literalAnchors(...args);
    },
  };
});

const noBlobs = () => {
  throw new Error('no blob read expected');
};

/** A diff's added lines, a '+' before each, in one chunk. */
function asDiff(lines: string[]): StagedFile {
  const f: StagedFile = { path: 'app.ts', status: 'added', kind: 'file', newOid: '0'.repeat(40), binary: false, added: [] };
  const store = attachStore(f);
  const chunk = Buffer.from(lines.map((l) => `+${l}\n`).join(''), 'utf8');
  let at = 0;
  lines.forEach((l, k) => {
    const n = Buffer.byteLength(l);
    store.push(
      k + 1,
      chunk,
      at + 1,
      at + 1 + n,
      chunk.every((b) => b < 0x80),
    );
    at += n + 2;
  });
  return f;
}

test('a few added lines are scanned without the anchors; many lines use them, with the same findings', async () => {
  const compiled = compileRules(RULES);
  const gen = new KeyGen(5);
  const code = (i: number) => `  const value${i} = compute(config, ${i}, "item-${i}"); // step ${i}`;
  const small = await scanFile(asDiff([code(1), code(2), code(3)]), compiled, noBlobs);
  expect(small.found).toEqual([]);
  expect(calls.literalAnchors).toBe(0);

  // Past the first notes (block passes from the first byte): the anchors are read, and a key in
  // a file naming its provider is still found.
  const key = `aliyun_secret = "${gen.akSecret()}"`;
  const big = Array.from({ length: 400 }, (_, i) => (i === 390 ? key : code(i)));
  const found = await scanFile(asDiff(big), compiled, noBlobs, { blockAfter: 0 });
  expect(calls.literalAnchors).toBeGreaterThan(0);
  expect(found.found.map((f) => [f.ruleId, f.line])).toContainEqual(['alibaba-access-key-secret', 391]);
});
