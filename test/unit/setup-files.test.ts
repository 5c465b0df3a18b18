import { hasOurLine, insertBeforeSteps, HUSKY_LINE, insertAfterShebang, PLAIN_LINE, removeOurLines } from '../../src/setup/hook-file';
import { addTask, removeTask, TASK_COMMAND } from '../../src/setup/package-json';
import { isHuskyPath } from '../../src/setup/project';
import { parsePushUpdates } from '../../src/git/pre-push';

describe('hook files: what init adds, uninstall takes back exactly', () => {
  test.each([
    ['', HUSKY_LINE + '\n'],
    ['npm test\n', `${HUSKY_LINE}\nnpm test\n`],
    ['npm test', `${HUSKY_LINE}\nnpm test`],
    ['# team checks\nnpm test\nlint-staged\n', `# team checks\n${HUSKY_LINE}\nnpm test\nlint-staged\n`],
    [
      '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx lint-staged\n',
      `#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n${HUSKY_LINE}\nnpx lint-staged\n`,
    ],
    ['# only a comment\n', `# only a comment\n${HUSKY_LINE}\n`],
  ])('before the steps of %j (and uninstall gives the bytes back)', (before, after) => {
    expect(insertBeforeSteps(before, HUSKY_LINE)).toBe(after);
    if (before !== '') expect(removeOurLines(after).text).toBe(before);
  });

  test.each([
    ['#!/bin/sh\nexit 0\n', `#!/bin/sh\n${PLAIN_LINE}\nexit 0\n`],
    ['#!/bin/sh', `#!/bin/sh\n${PLAIN_LINE}\n`],
    ['echo hi\n', `${PLAIN_LINE}\necho hi\n`],
  ])('insert after the shebang of %j', (before, after) => {
    const added = insertAfterShebang(before, PLAIN_LINE);
    expect(added).toBe(after);
    const back = removeOurLines(added);
    expect(back.removed).toEqual([PLAIN_LINE]);
    if (!back.empty) expect(back.text).toBe(before.endsWith('\n') ? before : before + '\n');
  });

  test('a hook with only our line (and a shebang) is empty after removal; one with more is not', () => {
    expect(removeOurLines(`${HUSKY_LINE}\n`).empty).toBe(true);
    expect(removeOurLines(`#!/bin/sh\n${PLAIN_LINE}\n`).empty).toBe(true);
    expect(removeOurLines(`lint-staged\n${HUSKY_LINE}\n`)).toEqual({ text: 'lint-staged\n', removed: [HUSKY_LINE], empty: false });
  });

  test('an existing ak-hook line in any usual form counts as set up; other lines do not', () => {
    for (const l of ['ak-hook check', 'npx ak-hook check', 'node_modules/.bin/ak-hook check --verbose', PLAIN_LINE])
      expect(hasOurLine(`x\n${l}\n`)).toBe(true);
    for (const l of ['# ak-hook check', 'echo ak-hook', 'ak-hook-check']) expect(hasOurLine(`${l}\n`)).toBe(false);
  });

  test('husky hook paths', () => {
    for (const p of ['.husky/_', '.husky', './.husky/_', '.husky/_/']) expect(isHuskyPath(p)).toBe(true);
    for (const p of [undefined, '.githooks', 'hooks', '.husky-old']) expect(isHuskyPath(p)).toBe(false);
  });
});

describe('lint-staged task', () => {
  test.each([
    [{}, { '*': TASK_COMMAND }],
    [{ '*': 'prettier --check' }, { '*': ['prettier --check', TASK_COMMAND] }],
    [{ '*': ['a', 'b'] }, { '*': ['a', 'b', TASK_COMMAND] }],
  ])('add to %j and remove again', (before, after) => {
    const cfg: Record<string, unknown> = structuredClone(before);
    expect(addTask(cfg)).toBe(true);
    expect(cfg).toEqual(after);
    expect(addTask(cfg)).toBe(false);
    expect(removeTask(cfg)).toBe(true);
    expect(cfg).toEqual(before);
    expect(removeTask(cfg)).toBe(false);
  });
});

describe('pre-push input', () => {
  const a = 'a'.repeat(40);
  const z = '0'.repeat(40);
  test('lines of four fields; blank lines ignored; sha-256 ids accepted', () => {
    expect(parsePushUpdates(`refs/heads/main ${a} refs/heads/main ${z}\n\n(delete) ${z} refs/heads/x ${'b'.repeat(64)}\n`)).toEqual([
      { localRef: 'refs/heads/main', localSha: a, remoteRef: 'refs/heads/main', remoteSha: z },
      { localRef: '(delete)', localSha: z, remoteRef: 'refs/heads/x', remoteSha: 'b'.repeat(64) },
    ]);
    expect(parsePushUpdates('')).toEqual([]);
  });
  test.each([`refs/heads/main ${a} refs/heads/main`, `refs/heads/main xyz refs/heads/main ${z}`, `a b c d e`])('refuses %j', (line) => {
    expect(() => parsePushUpdates(line)).toThrow(/unexpected pre-push input/);
  });
});
