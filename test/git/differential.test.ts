/**
 * Differential property test: random repositories and staged edits, read by the native git
 * reader and by the isomorphic-git reader; both must report the same added lines
 * (path, line number, bytes). Real git builds every repository.
 */
import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { isomorphicBackend } from '../../src/git/isomorphic/backend';
import { nativeBackend, readDiff } from '../../src/git/native';
import type { StagedChanges } from '../../src/git/types';
import { KeyGen } from '../helpers/keygen';
import { makeRepo, type Repo } from '../helpers/repo';

const NAMES = [
  'a.txt',
  'src/app.js',
  '配置/密钥 文件.txt',
  'dir with space/a b.txt',
  'quo"te\\back.txt',
  'ünï.txt',
  'tab\there.txt',
  'new\nline.txt',
  'deep/er/x.py',
];

/** Every line in a case is unique, so every minimal diff agrees on which lines are added. */
class Lines {
  private n = 0;
  constructor(private readonly gen: KeyGen) {}
  fresh(): string {
    return `line ${this.n++} ${this.gen.from('abcdefghij éü中文 ', 1 + this.gen.int(30))}`;
  }
  file(count: number): string[] {
    return Array.from({ length: count }, () => this.fresh());
  }
}

function render(lines: string[], crlf: boolean, finalNewline: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  return lines.join(eol) + (finalNewline && lines.length > 0 ? eol : '');
}

/** Deletes, inserts and replaces lines without moving any: what stays keeps its order. */
function edit(lines: string[], gen: KeyGen, fresh: Lines, rate: number): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const r = gen.next();
    if (r < rate / 3) continue;
    if (r < (2 * rate) / 3) out.push(fresh.fresh());
    else out.push(l);
    if (gen.next() < rate / 3) out.push(fresh.fresh());
  }
  if (gen.next() < 0.3) out.push(fresh.fresh());
  return out;
}

function addedByPath(c: StagedChanges): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of c.files) {
    if (f.kind !== 'file' || f.status === 'deleted') continue;
    if (f.added.length === 0 && out[f.path] === undefined) continue;
    out[f.path] = [...(out[f.path] ?? []), ...f.added.map((a) => `${a.line}:${a.bytes.toString('hex')}`)];
  }
  return out;
}

interface Case {
  seed: number;
  crlf: boolean;
  finalNewline: boolean;
  worktree: boolean;
  indexFile: boolean;
  partial: boolean;
}

async function runCase(c: Case): Promise<void> {
  const gen = new KeyGen(c.seed);
  const fresh = new Lines(gen);
  const repo = makeRepo();
  const content = new Map<string, string[]>();
  for (const name of NAMES) if (gen.next() < 0.7) content.set(name, fresh.file(5 + gen.int(20)));
  for (const [name, lines] of content) repo.write(name, render(lines, c.crlf, c.finalNewline));
  repo.write('keep.txt', 'keep\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  let work: Repo = repo;
  let root = repo.dir;
  if (c.worktree) {
    root = repo.dir + '-wt';
    repo.git(['worktree', 'add', '-q', root, '-b', 'wt']);
    work = { ...repo, dir: root, write: (f, d) => repo.write(path.relative(repo.dir, path.join(root, f)), d) };
  }
  const g = (args: string[], env?: NodeJS.ProcessEnv) => repo.git(args, { cwd: root, env });
  const names = [...content.keys()];
  for (const name of names) {
    const r = gen.next();
    const lines = content.get(name)!;
    if (r < 0.15) g(['rm', '-q', '--', name]);
    else if (r < 0.35) {
      // A rename with a small edit (similar enough for any rename detector).
      const to = `moved/${gen.int(1000)}-${path.basename(name)}`;
      g(['rm', '-q', '--', name]);
      // Edited only when long enough to stay clearly above git's 50% similarity threshold
      // (near it, git's rename scoring and ours may round differently).
      const next = lines.length >= 10 ? lines.map((l, i) => (i === 2 ? fresh.fresh() : l)) : lines;
      work.write(to, render(next, c.crlf, c.finalNewline));
      g(['add', '--', to]);
    } else if (r < 0.8) {
      work.write(name, render(edit(lines, gen, fresh, 0.3), c.crlf, gen.next() < 0.8 ? c.finalNewline : !c.finalNewline));
      g(['add', '--', name]);
      if (c.partial) work.write(name, render(fresh.file(3), c.crlf, true));
    }
  }
  work.write(`new/${gen.int(100)}.txt`, render(fresh.file(1 + gen.int(10)), c.crlf, c.finalNewline));
  g(['add', '-A', '--', 'new']);
  let env = repo.env;
  if (c.indexFile) {
    // As `git commit -a` does: a second index, with more staged, named in GIT_INDEX_FILE.
    const gitdir = g(['rev-parse', '--absolute-git-dir']).trim();
    copyFileSync(path.join(gitdir, 'index'), path.join(gitdir, 'alt-index'));
    const alt = path.relative(root, path.join(gitdir, 'alt-index'));
    work.write('alt-only.txt', render(fresh.file(4), c.crlf, true));
    g(['add', '--', 'alt-only.txt'], { GIT_INDEX_FILE: alt });
    env = { ...repo.env, GIT_INDEX_FILE: alt };
  }
  const before = repo.snapshot(true);
  const native = await nativeBackend().stagedChanges({ root, env });
  const iso = await isomorphicBackend().stagedChanges({ root, env });
  expect(addedByPath(iso)).toEqual(addedByPath(native));
  // The native reader's two ways (one patch; patch without new files + new files as blobs) agree too.
  const split = await readDiff('HEAD', { root, env }, 'always');
  expect(addedByPath(split)).toEqual(addedByPath(native));
  expect(split.files.map((f) => [f.path, f.status, f.binary])).toEqual(native.files.map((f) => [f.path, f.status, f.binary]));
  if (c.indexFile) expect(Object.keys(addedByPath(iso))).toContain('alt-only.txt');
  expect(repo.snapshot(true)).toBe(before);
}

describe('native and isomorphic-git readers agree', () => {
  test('on random repositories and staged edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          crlf: fc.boolean(),
          finalNewline: fc.boolean(),
          worktree: fc.boolean(),
          indexFile: fc.boolean(),
          partial: fc.boolean(),
        }),
        runCase,
      ),
      { numRuns: 24 },
    );
  });

  test('on the first commit (no HEAD) and a detached HEAD', async () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\ntwo\n');
    repo.git(['add', '.']);
    const opts = { root: repo.dir, env: repo.env };
    expect(addedByPath(await isomorphicBackend().stagedChanges(opts))).toEqual(addedByPath(await nativeBackend().stagedChanges(opts)));
    repo.git(['commit', '-q', '-m', 'x']);
    repo.git(['checkout', '-q', '--detach']);
    repo.write('a.txt', 'one\nthree\ntwo\n');
    repo.git(['add', '.']);
    const iso = addedByPath(await isomorphicBackend().stagedChanges(opts));
    expect(iso).toEqual({ 'a.txt': [`2:${Buffer.from('three').toString('hex')}`] });
    expect(iso).toEqual(addedByPath(await nativeBackend().stagedChanges(opts)));
  });
});
