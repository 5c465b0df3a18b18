/**
 * git's output reaches the readers in pieces whose boundaries vary with load. The staged reader
 * (raw records, then the patch) and the history reader (`git log -p`, its sink holding git back)
 * must end, and give the files a run of real git gives, wherever the pieces are cut. Real git's
 * output for a repository of awkward files (binary, CRLF, empty, no final LF, non-ASCII and quoted
 * names, header-like content, a rename, a mode change, a symlink, a submodule, a merge) is
 * recorded once and replayed through the real readers (runGit takes it as a prefetched process),
 * cut at every byte of its start and at random places with several seeds.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { commitLogArgs, streamCommits, type CommitChanges, type CommitSelection } from '../../src/git/commits';
import { readDiff, stagedPatchArgs } from '../../src/git/native';
import { gitEnv, hardenedArgs } from '../../src/git/run';
import type { BlobTap } from '../../src/git/backend';
import { heldView } from '../../src/git/added-lines';
import type { StagedFile } from '../../src/git/types';
import { makeRepo, type Repo } from '../helpers/repo';
import { rng } from '../helpers/rng';

const SLOT = Symbol.for('ak-hook.prefetched-git');

/** What prefetch.ts keys a held process by. */
function keyOf(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  return JSON.stringify([hardenedArgs(args), cwd, Object.entries(gitEnv(env)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
}

/** Real git's stdout for `args`, as runGit would run it. */
function record(repo: Repo, args: readonly string[]): Buffer {
  const r = spawnSync('git', hardenedArgs(args), { cwd: repo.dir, env: gitEnv(repo.env), maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git failed: ${r.stderr.toString()}`);
  return r.stdout;
}

/** A held "git" that writes `pieces` (each one 'data' event), one per turn of the event loop when `async`. */
function replay(args: readonly string[], repo: Repo, pieces: Buffer[], async: boolean): { taken: () => boolean; pauses: () => number } {
  const child = new EventEmitter() as EventEmitter & Record<string, unknown>;
  let i = 0;
  const stdout = new Readable({
    read() {
      const next = () => stdout.push(i < pieces.length ? pieces[i++] : null);
      if (async) setImmediate(next);
      else next();
    },
  });
  let pauses = 0;
  const pause = stdout.pause.bind(stdout);
  stdout.pause = () => (pauses++, pause());
  const stderr = new Readable({ read() {} });
  stderr.push(null);
  for (const s of [stdout, stderr] as unknown as Array<Record<string, () => void>>) s.ref = s.unref = () => undefined;
  stdout.on('end', () => setImmediate(() => child.emit('close', 0, null)));
  child.stdout = stdout;
  child.stderr = stderr;
  child.ref = child.unref = () => undefined;
  child.kill = () => {
    stdout.destroy();
    setImmediate(() => child.emit('close', null, 'SIGTERM'));
    return true;
  };
  (globalThis as Record<symbol, unknown>)[SLOT] = { key: keyOf(args, repo.dir, repo.env), child, failed: false };
  return { taken: () => (globalThis as Record<symbol, unknown>)[SLOT] === undefined, pauses: () => pauses };
}

/** The output cut at the given offsets (sorted, inside it). */
function cut(buf: Buffer, at: number[]): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (const a of at) {
    out.push(buf.subarray(from, a));
    from = a;
  }
  out.push(buf.subarray(from));
  return out.filter((p) => p.length > 0);
}

/** Random cuts: small pieces (1..max bytes) so lines and records span many of them. */
function randomCuts(len: number, seed: number, max: number): number[] {
  const r = rng(seed);
  const at: number[] = [];
  for (let k = 1 + Math.floor(r() * max); k < len; k += 1 + Math.floor(r() * max)) at.push(k);
  return at;
}

/** Each piece in a Buffer of its own (as a pipe gives them), not a view of the recording. */
const own = (pieces: Buffer[]): Buffer[] => pieces.map((p) => Buffer.from(p));

function shape(f: StagedFile): Record<string, unknown> {
  const view = heldView(f) as Buffer | null;
  return {
    path: f.path,
    oldPath: f.oldPath,
    status: f.status,
    kind: f.kind,
    oldOid: f.oldOid,
    newOid: f.newOid,
    binary: f.binary,
    tooLarge: f.tooLarge,
    added: f.added.map((a) => `${a.line}:${a.bytes.toString('hex')}`),
    view: view ? view.toString('hex') : null,
  };
}

function tap(): (oid: string) => BlobTap {
  return () => {
    const parts: Buffer[] = [];
    return {
      write: (b, s, e) => void parts.push(Buffer.from(b.subarray(s, e))),
      end: () => {
        const view = Buffer.concat(parts);
        return { view, bytes: view.length };
      },
    };
  };
}

/** Awkward files: binary, CRLF, empty, no final LF, long lines, non-ASCII and quoted names, header-like content. */
function awkwardFiles(r: () => number, round: number, long: number): Record<string, Buffer | string | null> {
  const bin = Buffer.alloc(160 + round * 37);
  for (let k = 0; k < bin.length; k++) bin[k] = Math.floor(r() * 256);
  bin[3] = 0;
  for (let k = 0; k < bin.length; k += 23) bin[k] = 0x0a;
  const text = Array.from({ length: 8 }, (_, k) => `line ${k} of round ${round} ${'x'.repeat(Math.floor(r() * 60))}\n`).join('');
  return {
    'text.txt': text,
    'crlf.txt': text.replace(/\n/g, '\r\n'),
    [`empty${round % 2}.txt`]: '',
    'nonl.txt': `first\nsecond ${round}`,
    'long.txt': 'L'.repeat(long + round) + '\nshort\n' + 'M'.repeat(long),
    'bin.dat': bin,
    [`bin-new-${round}.dat`]: bin.subarray(0, 100 + round),
    'dír/ñame ü.txt': `ünïcode ${round}\n`,
    'with space/a b.txt': `space ${round}\n`,
    'quo"te\\back.txt': `quoted ${round}\n`,
    'tab\there.txt': `tab ${round}\n`,
    'looks.txt': [
      'diff --git a/x b/x',
      '@@ -1 +1 @@',
      '+++ b/evil',
      '--- a/evil',
      '\\ No newline at end of file',
      `\x01${'f'.repeat(40)}\tdate\tname\tmail`,
      `index ${'a'.repeat(40)}..${'b'.repeat(40)} 100644`,
      `round ${round}`,
      '',
    ].join('\n'),
    [`gone${round}.txt`]: round > 0 ? null : 'to be deleted\n',
  };
}

function writeAll(repo: Repo, files: Record<string, Buffer | string | null>): void {
  for (const [p, c] of Object.entries(files)) {
    if (c === null) spawnSync('git', ['rm', '-q', '--ignore-unmatch', '--', p], { cwd: repo.dir, env: repo.env });
    else repo.write(p, c);
  }
  repo.git(['add', '-A']);
}

/** A history of `rounds` commits of awkward files, with a rename, a mode change, a symlink, a submodule entry and a merge. */
function awkwardRepo(rounds: number, long: number): Repo {
  const repo = makeRepo();
  const r = rng(7);
  for (let round = 0; round < rounds; round++) {
    writeAll(repo, awkwardFiles(r, round, long));
    if (round === 2) repo.git(['mv', 'text.txt', 'moved.txt']);
    if (round === 3) repo.git(['update-index', '--chmod=+x', 'crlf.txt']);
    if (round === 4) {
      repo.git([
        'update-index',
        '--add',
        '--cacheinfo',
        `120000,${repo.git(['hash-object', '-w', '--stdin'], { input: 'target' }).trim()},link`,
      ]);
      repo.git(['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},sub`]);
    }
    repo.git(['commit', '-q', '--allow-empty', '-m', `round ${round}`], {
      env: { GIT_AUTHOR_NAME: round % 2 ? 'Ünï Cødé' : 'Test', GIT_AUTHOR_DATE: `${1700000000 + round * 60} +0000` },
    });
    if (round === 5) {
      repo.git(['checkout', '-q', '-b', 'side', 'HEAD~2']);
      repo.write('side.txt', 'from the side\n');
      repo.git(['add', 'side.txt']);
      repo.git(['commit', '-q', '-m', 'side']);
      repo.git(['checkout', '-q', 'main']);
      repo.git(['merge', '-q', '--no-ff', '-m', 'merge', 'side']);
    }
  }
  // Staged changes on top: another round, not committed.
  writeAll(repo, awkwardFiles(r, rounds, long));
  repo.git(['mv', 'looks.txt', 'looks-moved.txt']);
  return repo;
}

async function staged(repo: Repo, pieces: Buffer[] | null, variant: number, async = false): Promise<string> {
  const args = stagedPatchArgs('HEAD');
  const held = pieces ? replay(args, repo, pieces, async) : null;
  const opts = {
    root: repo.dir,
    env: repo.env,
    ...(variant & 1 ? { firstBinaryLine: true, newBinaryTap: tap() } : {}),
    ...(variant & 2 ? { maxFileBytes: 300 } : {}),
  };
  const { files } = await readDiff('HEAD', opts, 'never');
  if (held && !held.taken()) throw new Error('the replay was not read');
  return JSON.stringify(files.map(shape));
}

/** Times the reader paused git in the last replay. */
let paused = 0;

async function history(repo: Repo, pieces: Buffer[] | null, sink: 'sync' | 'async' | 'mixed' | 'slow', async = false): Promise<string> {
  const held = pieces ? replay(commitLogArgs(ALL), repo, pieces, async) : null;
  const got: unknown[] = [];
  let n = 0;
  await streamCommits(ALL, { root: repo.dir, env: repo.env }, (c: CommitChanges) => {
    const take = () => void got.push({ commit: c.commit, files: c.files.map(shape) });
    if (sink === 'sync' || (sink === 'mixed' && n++ % 3 !== 0)) return take();
    // 'slow': every commit waits, so more than the reader's high water (64) pile up and git is paused.
    return new Promise<void>((res) => (sink === 'slow' ? setTimeout : setImmediate)(() => (take(), res())));
  });
  if (held && !held.taken()) throw new Error('the replay was not read');
  paused = held ? held.pauses() : 0;
  return JSON.stringify(got);
}

const ALL: CommitSelection = { include: [], all: true };

describe('readers give the same files wherever git output is cut', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = awkwardRepo(8, 70);
  });

  test('staged diff (raw records, then the patch)', async () => {
    const out = record(repo, stagedPatchArgs('HEAD'));
    const patchAt = out.indexOf('diff --git');
    for (const variant of [0, 1, 3]) {
      const whole = await staged(repo, null, variant);
      expect(await staged(repo, [out], variant)).toBe(whole);
      // Every cut in the records and the first headers of the patch; random cuts everywhere.
      for (let k = 1; k < patchAt + 100; k += variant === 0 ? 1 : 11) expect(await staged(repo, own(cut(out, [k])), variant)).toBe(whole);
      for (let seed = 1; seed <= 8; seed++) {
        const pieces = own(cut(out, randomCuts(out.length, seed, [3, 40, 700][seed % 3])));
        expect(await staged(repo, pieces, variant, seed % 2 === 0)).toBe(whole);
      }
    }
    // What is compared holds what the awkward files make.
    const files = JSON.parse(await staged(repo, null, 1)) as Array<Record<string, unknown>>;
    const byPath = new Map(files.map((f) => [f.path, f]));
    expect(byPath.get('looks-moved.txt')).toMatchObject({ status: 'renamed', oldPath: 'looks.txt' });
    expect(byPath.get('bin-new-8.dat')).toMatchObject({ status: 'added', binary: true });
    expect((byPath.get('bin-new-8.dat')!.view as string).length).toBe(2 * 108);
    expect(byPath.get('tab\there.txt')).toMatchObject({ added: [`1:${Buffer.from('tab 8').toString('hex')}`] });
    expect(byPath.get('dír/ñame ü.txt')).toBeDefined();
    expect(byPath.get('quo"te\\back.txt')).toBeDefined();
  });

  test('git log -p', async () => {
    const out = record(repo, commitLogArgs(ALL));
    const whole = await history(repo, null, 'sync');
    expect((JSON.parse(whole) as unknown[]).length).toBe(10);
    expect(await history(repo, [out], 'sync')).toBe(whole);
    // Every cut around the first commit headers; random cuts everywhere, with each kind of sink.
    for (let k = 1; k < 300; k++) expect(await history(repo, own(cut(out, [k])), k % 2 ? 'sync' : 'mixed')).toBe(whole);
    for (let seed = 1; seed <= 10; seed++) {
      const pieces = own(cut(out, randomCuts(out.length, seed, [3, 40, 700, 5000][seed % 4])));
      expect(await history(repo, pieces, (['sync', 'async', 'mixed'] as const)[seed % 3], seed % 2 === 0)).toBe(whole);
    }
  });

  test('git log -p of more commits than the reader holds: git is paused and resumed, none is lost', async () => {
    const many = makeRepo();
    let stream = '';
    for (let i = 1; i <= 150; i++) {
      const content = `line ${i} ${'x'.repeat(i % 50)}\nsecond ${i}${i % 7 ? '\n' : ''}`;
      stream += `commit refs/heads/main\ncommitter T <t@example.com> ${1700000000 + i} +0000\ndata 2\nc\n`;
      stream += `M 100644 inline f${i % 13}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
    many.git(['fast-import', '--quiet'], { input: stream });
    const out = record(many, commitLogArgs(ALL));
    const whole = await history(many, null, 'sync');
    expect((JSON.parse(whole) as unknown[]).length).toBe(150);
    for (let seed = 1; seed <= 4; seed++) {
      const pieces = own(cut(out, randomCuts(out.length, seed, [40, 700, 5000][seed % 3])));
      expect(await history(many, pieces, seed % 2 ? 'slow' : 'async', seed % 2 === 0)).toBe(whole);
      if (seed % 2) expect(paused).toBeGreaterThan(0);
    }
    // (A pause never resumed leaves git blocked: the test then runs out of time.)
  }, 20_000);
});
