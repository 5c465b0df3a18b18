/**
 * `gitCommonDir` (where `allow --last` finds the last blocked run) reads git's own files
 * instead of running `git rev-parse --git-common-dir` on every blocked commit: it must give
 * git's answer in every layout a hook runs in, and ask git when the files do not say.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot, gitCommonDir } from '../../src/git/repo';
import { KeyGen } from '../helpers/keygen';
import { commitAll } from '../helpers/project';
import { makeRepo, tmpDir, type Repo } from '../helpers/repo';

function gitsAnswer(repo: Repo, cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return realpathSync(path.resolve(cwd, repo.git(['rev-parse', '--git-common-dir'], { cwd, env }).trim()));
}

/** Without git on PATH: an answer then came from the files alone. */
const noGit = (env: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...env, PATH: '/nonexistent', ...extra });

describe('gitCommonDir', () => {
  const repo = makeRepo();
  repo.write('a.txt', 'a\n');
  commitAll(repo);
  const wt = path.join(tmpDir(), 'linked');
  repo.git(['worktree', 'add', '-q', wt]);
  const sub = makeRepo();
  sub.write('s.txt', 's\n');
  commitAll(sub);
  repo.git(['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'vendor/sub']);
  const subRoot = path.join(repo.dir, 'vendor/sub');

  test.each([
    ['the main worktree', () => repo.dir, {}],
    ['a linked worktree', () => wt, {}],
    // What git sets for a hook in a linked worktree.
    ['a linked worktree with GIT_DIR (as in its hooks)', () => wt, { GIT_DIR: path.join(repo.dir, '.git/worktrees/linked') }],
    ['GIT_DIR relative to the root', () => repo.dir, { GIT_DIR: '.git' }],
    ['a submodule (.git is a file naming its folder in the superproject)', () => subRoot, {}],
  ] as Array<[string, () => string, NodeJS.ProcessEnv]>)('%s: git’s answer, without running git', async (_name, root, extra) => {
    const expected = gitsAnswer(repo, root(), extra);
    expect(realpathSync(await gitCommonDir(root(), noGit(repo.env, extra)))).toBe(expected);
  });

  test('GIT_COMMON_DIR set, or no .git at the root: git is asked', async () => {
    await expect(gitCommonDir(repo.dir, noGit(repo.env, { GIT_COMMON_DIR: path.join(repo.dir, '.git') }))).rejects.toMatchObject({
      code: 'E_GIT_MISSING',
    });
    const inner = path.join(repo.dir, 'no-git-here');
    await expect(gitCommonDir(inner, noGit(repo.env))).rejects.toMatchObject({ code: 'E_GIT_MISSING' });
    expect(realpathSync(await gitCommonDir(repo.dir, { ...repo.env, GIT_COMMON_DIR: path.join(repo.dir, '.git') }))).toBe(
      gitsAnswer(repo, repo.dir),
    );
  });

  test('findRepoRoot with GIT_DIR as git sets it for a linked worktree’s hooks: the worktree, without running git', async () => {
    const env = { GIT_DIR: path.join(repo.dir, '.git/worktrees/linked') };
    const expected = realpathSync(repo.git(['rev-parse', '--show-toplevel'], { cwd: wt, env }).trim());
    expect(realpathSync(await findRepoRoot(wt, noGit(repo.env, env)))).toBe(expected);
    // The main worktree with GIT_DIR=.git (some tools set it) too.
    expect(realpathSync(await findRepoRoot(repo.dir, noGit(repo.env, { GIT_DIR: '.git' })))).toBe(realpathSync(repo.dir));
  });

  test('findRepoRoot with GIT_DIR asks git whenever the files do not settle it', async () => {
    const missing = { code: 'E_GIT_MISSING' };
    const env = { GIT_DIR: path.join(repo.dir, '.git/worktrees/linked') };
    // Not at the worktree's top (git would take the current folder as the top): ask.
    await expect(findRepoRoot(path.join(wt, 'sub'), noGit(repo.env, env))).rejects.toMatchObject(missing);
    // GIT_DIR names another repository than the folder's .git.
    await expect(findRepoRoot(wt, noGit(repo.env, { GIT_DIR: path.join(sub.dir, '.git') }))).rejects.toMatchObject(missing);
    // A submodule's config names its work tree (core.worktree).
    await expect(findRepoRoot(subRoot, noGit(repo.env, { GIT_DIR: path.join(repo.dir, '.git/modules/vendor/sub') }))).rejects.toMatchObject(
      missing,
    );
    // core.worktree given on the command line of git (GIT_CONFIG_PARAMETERS), or by GIT_CONFIG_COUNT.
    await expect(
      findRepoRoot(wt, noGit(repo.env, { ...env, GIT_CONFIG_PARAMETERS: "'core.worktree'='/elsewhere'" })),
    ).rejects.toMatchObject(missing);
    await expect(findRepoRoot(wt, noGit(repo.env, { ...env, GIT_CONFIG_COUNT: '1' }))).rejects.toMatchObject(missing);
    // core.worktree in the worktree's own config: git's answer is that folder.
    const other = tmpDir('akh-elsewhere-');
    repo.git(['config', 'extensions.worktreeConfig', 'true']);
    repo.git(['config', '--worktree', 'core.worktree', other], { cwd: wt });
    try {
      await expect(findRepoRoot(wt, noGit(repo.env, env))).rejects.toMatchObject(missing);
      expect(realpathSync(await findRepoRoot(wt, { ...repo.env, ...env }))).toBe(realpathSync(other));
    } finally {
      repo.git(['config', '--worktree', '--unset', 'core.worktree'], { cwd: wt });
      repo.git(['config', '--unset', 'extensions.worktreeConfig']);
    }
  });

  test('allow --last after a blocked commit in a linked worktree reads what the block wrote', () => {
    const key = new KeyGen(4711).akId();
    writeFileSync(path.join(wt, 'deploy.sh'), `export ALIBABA_CLOUD_ACCESS_KEY_ID=${key}\n`);
    repo.git(['add', 'deploy.sh'], { cwd: wt });
    const blocked = repo.cli(['check'], { cwd: wt, env: { GIT_DIR: path.join(repo.dir, '.git/worktrees/linked') } });
    expect(blocked.status).toBe(1);
    const allowed = repo.cli(['allow', '--last', '--reason', 'test fixture'], { cwd: wt });
    expect(allowed.status).toBe(0);
    expect(repo.cli(['check'], { cwd: wt }).status).toBe(0);
  });
});
