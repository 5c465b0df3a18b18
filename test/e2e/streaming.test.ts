/**
 * Streaming check (issue 11): each staged file is scanned as soon as git has given its lines and
 * released after its scan. Pinned with real git: a failure of git after files were already scanned
 * still fails the run (no partial "clean"), findings come in git's path order whichever way the
 * diff was read, a paused reader loses nothing, and scanned files keep no lines past the hold
 * limit (a small commit keeps them rather than start a git process to read HEAD's config).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../src/check';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { AkHookError } from '../../src/errors';
import { addedCount } from '../../src/git/added-lines';
import type { FileSink, GitBackend } from '../../src/git/backend';
import { inOrder, nativeBackend, readDiff, streamDiff } from '../../src/git/native';
import type { StagedFile } from '../../src/git/types';
import { FileScanner, scanFiles } from '../../src/scan/scan-files';
import { KeyGen } from '../helpers/keygen';
import { commitAll } from '../helpers/project';
import { fakeGitDir, REAL_GIT } from '../helpers/fake-git';
import { CLI, makeRepo, tmpDir, type Repo } from '../helpers/repo';

const gen = new KeyGen(20261211);

/**
 * A `git` that forwards to the real one, except that `diff-index` (the staged diff) prints all
 * of the real output and then, as $FAKE_GIT says, is killed (`late-kill`) or adds a malformed
 * hunk header (`late-garbage`): every file was read (and scanned) before the failure.
 */
function fakeGit(): string {
  return fakeGitDir({
    'diff-index': `        late-kill) "$REAL" "$@"; kill -9 $$ ;;
        late-garbage) "$REAL" "$@"; printf '@@ not a hunk header @@\\n'; exit 0 ;;`,
  });
}

/** A commit of `n` new files of `lines` lines; the first (in git's order) adds a key, every other one is clean. */
function manyFiles(n: number, lines = 20): { repo: Repo; id: string } {
  const repo = makeRepo();
  repo.write('README.md', '# demo\n');
  commitAll(repo);
  const id = gen.akId();
  repo.write('a-first.js', `const id = "${id}";\n`);
  for (let i = 0; i < n; i++) repo.write(`src/f${String(i).padStart(4, '0')}.js`, `export const x${i} = ${i};\n`.repeat(lines));
  repo.git(['add', '.']);
  return { repo, id };
}

/** Every file the reader hands over, and how it says to order them. */
async function collect(repo: Repo, split: 'never' | 'always', sink?: Partial<FileSink>) {
  const got: Array<{ file: StagedFile; part: number }> = [];
  const { order } = await streamDiff(
    'HEAD',
    { root: repo.dir, env: repo.env },
    { add: (file, part = 0) => got.push({ file, part }), wait: sink?.wait ?? (() => null) },
    split,
  );
  return { order, files: inOrder(got, order).map((g) => g.file) };
}

const shape = (files: readonly StagedFile[]) =>
  files.map((f) => ({ path: f.path, status: f.status, binary: f.binary, added: f.added.map((l) => [l.line, l.bytes.toString('latin1')]) }));

describe('streaming check', () => {
  let fake: string;
  beforeAll(() => {
    fake = fakeGit();
  });

  test.each(['late-kill', 'late-garbage'])('git failing after every file was scanned (%s) still fails the run', async (mode) => {
    const { repo } = manyFiles(300);
    const env = { ...repo.env, PATH: `${fake}:${repo.env.PATH ?? process.env.PATH}`, FAKE_GIT: mode };
    await expect(check({ cwd: repo.dir, env })).rejects.toBeInstanceOf(AkHookError);
    // Through the CLI: exit 2 (an error, not a finding), and never a "no secrets" line.
    const r = repo.cli(['check'], { env: { PATH: env.PATH, FAKE_GIT: mode } });
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/no secrets/i);
    // The same commit with the real git: the key in the first file blocks.
    const ok = await check({ cwd: repo.dir, env: repo.env });
    expect(ok.findings.map((f) => f.file)).toEqual(['a-first.js']);
    expect(ok.stats.filesChanged).toBe(301);
  });

  test("findings come in git's path-byte order, whether the diff was read whole or split", async () => {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    // Byte order differs from locale and from case-insensitive order; a rename and a modified file
    // sit among the new files (the split read gives them in one part, new files in the other).
    const names = ['B.txt', 'a.txt', 'a-b/x.txt', 'a/b.txt', 'a.b', 'é.txt', 'Z/ü.txt', '_u.txt', 'README.md', 'moved.txt'];
    repo.write('old.txt', Array.from({ length: 40 }, (_, i) => `line ${i} of a file that is moved`).join('\n') + '\n');
    commitAll(repo, 'old');
    repo.git(['mv', 'old.txt', 'moved.txt']);
    const keys = new Map<string, string>();
    for (const n of names) {
      const id = gen.akId();
      keys.set(n, id);
      const before = n === 'moved.txt' ? repo.read('moved.txt').toString('utf8') : n === 'README.md' ? '# demo\n' : '';
      repo.write(n, `${before}key = "${id}"\n`);
    }
    repo.git(['add', '.']);
    const gitOrder = repo
      .git(['-c', 'core.quotePath=false', 'diff', '--cached', '--find-renames', '--diff-filter=d', '--name-only', '-z'])
      .split('\0')
      .filter((p) => p !== '');
    const r = await check({ cwd: repo.dir, env: repo.env });
    expect(r.findings.map((f) => f.file)).toEqual(gitOrder);

    // The two ways of reading: the same files in the same order once merged, and the same findings.
    const whole = await collect(repo, 'never');
    const split = await collect(repo, 'always');
    expect(whole.order).toBe('git');
    expect(split.order).toBe('path');
    expect(whole.files.find((f) => f.path === 'moved.txt')?.status).toBe('renamed');
    expect(shape(split.files)).toEqual(shape(whole.files));
    const compiled = compileRules(RULES);
    const none = { match: () => null, expiredHits: () => [] } as unknown as Parameters<typeof scanFiles>[1]['allowlist'];
    const reader = nativeBackend().openBlobReader({ root: repo.dir, env: repo.env });
    try {
      const opts = { compiled, allowlist: none, blobs: () => reader };
      const listed = await scanFiles((await readDiff('HEAD', { root: repo.dir, env: repo.env }, 'never')).files, opts);
      // Files handed over out of order (new files first), merged at finish as the split read needs.
      const scanner = new FileScanner(opts);
      const raw: Array<{ file: StagedFile; part: number }> = [];
      await streamDiff(
        'HEAD',
        { root: repo.dir, env: repo.env },
        { add: (file, part = 0) => raw.push({ file, part }), wait: () => null },
        'always',
      );
      for (const x of [...raw].sort((p, q) => q.part - p.part)) await scanner.add(x.file, x.part);
      const merged = await scanner.finish('path');
      expect(merged.findings.map((f) => [f.file, f.line, f.ruleId])).toEqual(listed.findings.map((f) => [f.file, f.line, f.ruleId]));
      expect(merged.findings.map((f) => f.file)).toEqual(gitOrder);
    } finally {
      reader.close();
    }
  });

  test('a reader paused at every chunk (the sink full) hands over every line', async () => {
    const { repo } = manyFiles(120);
    repo.write('big.txt', Array.from({ length: 20000 }, (_, i) => `line ${i} of a file larger than one pipe chunk`).join('\n'));
    repo.git(['add', 'big.txt']);
    let waits = 0;
    const slow = () => {
      waits++;
      return new Promise<void>((r) => setTimeout(r, 1));
    };
    for (const split of ['never', 'always'] as const) {
      const paused = await collect(repo, split, { wait: slow });
      const free = await collect(repo, split);
      expect(shape(paused.files)).toEqual(shape(free.files));
    }
    expect(waits).toBeGreaterThan(100);
  });

  test('scanned files keep no lines once past the hold limit, unless the commit changes the config (scanned again with HEAD config)', async () => {
    // ~6.6 MB of added lines: more than a commit may keep before HEAD's config is read.
    const { repo } = manyFiles(50, 6000);
    const handed: StagedFile[] = [];
    const base = nativeBackend();
    const watching: GitBackend = {
      ...base,
      streamStagedChanges: (opts, sink) =>
        base.streamStagedChanges!(opts, { add: (f, part) => (handed.push(f), sink.add(f, part)), wait: () => sink.wait() }),
    };
    const r = await check({ cwd: repo.dir, env: repo.env, backend: watching });
    expect(r.findings).toHaveLength(1);
    expect(handed).toHaveLength(51);
    expect(handed.filter((f) => addedCount(f) > 0)).toEqual([]);

    // A config staged in this commit that differs from HEAD's: the lines stay for the second scan.
    repo.write('.akhookrc.json', JSON.stringify({ exclude: ['a-first.js'] }));
    repo.git(['add', '.akhookrc.json']);
    handed.length = 0;
    const c = await check({ cwd: repo.dir, env: repo.env, backend: watching });
    expect(c.findings).toHaveLength(0);
    expect(c.configChange?.excluded).toEqual(['a-first.js']);
    expect(handed.filter((f) => addedCount(f) > 0).length).toBeGreaterThan(50);
  });

  test('a small commit that touches no config asks git once (no cat-file for HEAD config); one that adds a config is still compared with HEAD', () => {
    const { repo } = manyFiles(3);
    const dir = tmpDir('akh-git-log-');
    const log = path.join(dir, 'calls');
    writeFileSync(
      path.join(dir, 'git'),
      `#!/bin/sh\nfor a in "$@"; do case "$a" in -c|*=*) ;; *) echo "$a" >> "${log}"; break ;; esac; done\nexec "${REAL_GIT}" "$@"\n`,
    );
    chmodSync(path.join(dir, 'git'), 0o755);
    const env = { ...repo.env, PATH: `${dir}:${repo.env.PATH ?? process.env.PATH}` };
    const run = () => {
      rmSync(log, { force: true });
      const r = spawnSync(process.execPath, [CLI, 'check'], { cwd: repo.dir, env, encoding: 'utf8' });
      return { status: r.status, calls: readFileSync(log, 'utf8').trim().split('\n') };
    };
    expect(run()).toEqual({ status: 1, calls: ['diff-index'] });
    // A config that lets the finding through: HEAD (without it) is read, and the change is shown.
    repo.write('.akhookrc.json', JSON.stringify({ exclude: ['a-first.js'] }));
    repo.git(['add', '.akhookrc.json']);
    const r = spawnSync(process.execPath, [CLI, 'check'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr + r.stdout).toContain('a-first.js');
    expect(readFileSync(log, 'utf8')).toContain('cat-file');
  });

  test('maxFileSize from the config drops a file while streaming (one size lookup), as before', async () => {
    const repo = makeRepo();
    // Large as a blob, small as a change: only the blob size (asked of git) says it is over.
    repo.write('zz-large.js', 'x'.repeat(5000) + '\n');
    repo.write('.akhookrc.json', JSON.stringify({ maxFileSize: 2000 }));
    commitAll(repo, 'config');
    repo.write('zz-large.js', repo.read('zz-large.js').toString('utf8') + `const more = "${gen.akId()}";\n`);
    repo.write('a-first.js', `const id = "${gen.akId()}";\n`);
    for (let i = 0; i < 30; i++) repo.write(`src/f${i}.js`, `export const x${i} = ${i};\n`);
    repo.git(['add', '.']);
    const r = await check({ cwd: repo.dir, env: repo.env });
    expect(r.largeSkipped).toEqual(['zz-large.js']);
    expect(r.findings.map((f) => f.file)).toEqual(['a-first.js']);
  });
});
