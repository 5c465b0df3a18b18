/**
 * The bin of a plain `ak-hook check` starts git's staged diff before the bundle loads, and a
 * plain `ak-hook scan --history` the log (src/git/prefetch.ts); runGit takes that process over only for exactly the same command,
 * directory and environment, and gets exactly what it would have read itself.
 */
import { spawnSync } from 'node:child_process';
import { prefetchGit, takePrefetched } from '../../src/git/prefetch';
import { HISTORY } from '../../src/cli/history-selection';
import { commitLogArgs } from '../../src/git/commits';
import { nativeBackend, stagedDiffArgs, stagedPatchArgs } from '../../src/git/native';
import { scanCommits } from '../../src/scan-commits';
import { runGit } from '../../src/git/run';
import { commitAll } from '../helpers/project';
import { CLI, makeRepo } from '../helpers/repo';

describe('prefetched git', () => {
  const repo = makeRepo();
  repo.write('a.txt', 'one\n');
  commitAll(repo);
  repo.write('a.txt', 'one\ntwo\n');
  repo.write('big.txt', 'x'.repeat(200_000) + '\n');
  repo.git(['add', '-A']);

  test('taken only for the same command, folder and environment; its output is what git writes', async () => {
    const args = stagedDiffArgs('HEAD');
    const direct = await runGit(args, { cwd: repo.dir, env: repo.env });
    prefetchGit(args, repo.dir, repo.env);
    expect(takePrefetched(stagedDiffArgs('EMPTY'), repo.dir, repo.env)).toBeNull();
    expect(takePrefetched(args, repo.dir, { ...repo.env, GIT_INDEX_FILE: 'other' })).toBeNull();
    // Still held: the next runGit of the same command takes it (and nothing is left to take).
    const viaHeld = await runGit(args, { cwd: repo.dir, env: repo.env });
    expect(takePrefetched(args, repo.dir, repo.env)).toBeNull();
    expect(viaHeld.equals(direct)).toBe(true);
    expect(direct.length).toBeGreaterThan(200_000);
  });

  test('the staged changes read through a held diff are the same; an unborn HEAD still falls back to the empty tree', async () => {
    const env = repo.env;
    const plain = await nativeBackend().stagedChanges({ root: repo.dir, env });
    // What the bin starts (the raw list of changes, then the patch), taken over by the reader.
    prefetchGit(stagedPatchArgs('HEAD'), repo.dir, env);
    const held = await nativeBackend().stagedChanges({ root: repo.dir, env });
    expect(takePrefetched(stagedPatchArgs('HEAD'), repo.dir, env)).toBeNull();
    expect(held.files.map((f) => [f.path, f.added.length])).toEqual(plain.files.map((f) => [f.path, f.added.length]));

    const unborn = makeRepo();
    unborn.write('first.txt', 'hello\n');
    unborn.git(['add', '-A']);
    prefetchGit(stagedPatchArgs('HEAD'), unborn.dir, unborn.env);
    const first = await nativeBackend().stagedChanges({ root: unborn.dir, env: unborn.env });
    expect(first.files.map((f) => f.path)).toEqual(['first.txt']);
  });

  test('an aborted run kills the held git and fails', async () => {
    const args = stagedDiffArgs('HEAD');
    prefetchGit(args, repo.dir, repo.env);
    const stop = new AbortController();
    stop.abort();
    await expect(runGit(args, { cwd: repo.dir, env: repo.env, signal: stop.signal, onStdout: () => undefined })).rejects.toMatchObject({
      code: 'E_GIT_FAILED',
    });
  });

  test('the history read through a held log (what the bin starts for `scan --history`) is the same', async () => {
    const plain = await scanCommits({ cwd: repo.dir, env: repo.env, select: HISTORY });
    prefetchGit(commitLogArgs(HISTORY), repo.dir, repo.env);
    const held = await scanCommits({ cwd: repo.dir, env: repo.env, select: HISTORY });
    expect(takePrefetched(commitLogArgs(HISTORY), repo.dir, repo.env)).toBeNull();
    expect(held.commits).toBe(1);
    expect([held.commits, held.stats, held.findings]).toEqual([plain.commits, plain.stats, plain.findings]);
  });

  test('the CLI: a plain `scan --history` (prefetched) and any other form give the same verdict and output, an empty repository too', () => {
    for (const dir of [repo.dir, makeRepo().dir]) {
      const a = spawnSync(process.execPath, [CLI, 'scan', '--history'], { cwd: dir, env: repo.env, encoding: 'utf8' });
      const b = spawnSync(process.execPath, [CLI, 'scan', '--history', '--format', 'text'], { cwd: dir, env: repo.env, encoding: 'utf8' });
      expect([a.status, a.stdout, a.stderr]).toEqual([b.status, b.stdout, b.stderr]);
    }
  });

  test('the CLI: a plain `check` (prefetched) and any other form give the same verdict and output', () => {
    const a = spawnSync(process.execPath, [CLI, 'check'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
    const b = spawnSync(process.execPath, [CLI, 'check', '--format', 'text'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
    expect([a.status, a.stdout, a.stderr]).toEqual([b.status, b.stdout, b.stderr]);
  });
});
