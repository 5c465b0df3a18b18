/**
 * New files read from the working tree (issue 11): the reader takes a new file's bytes from disk
 * only when the file there is a regular file whose bytes hash to the staged blob; anything else
 * (an edit after staging, a line-ending filter, a symlink, a FIFO or a file as its folder in its
 * place, a deleted file, a file over the size limit) is read through git. Every way of reading gives exactly the staged
 * content: one patch, the split read (from disk, else git) and `auto` (which splits on ~1 MB of
 * new files on disk). Real git; with git made unusable, what still reads came from disk.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../src/check';
import { heldView } from '../../src/git/added-lines';
import type { BlobTap, StagedChangesOptions } from '../../src/git/backend';
import { readDiff, stagedDiffArgs, streamDiff } from '../../src/git/native';
import { listAddedFiles, streamAddedFiles } from '../../src/git/native-new-files';
import type { StagedChanges, StagedFile } from '../../src/git/types';
import { KeyGen } from '../helpers/keygen';
import { commitAll } from '../helpers/project';
import { makeRepo, type Repo } from '../helpers/repo';
import { rng } from '../helpers/rng';

const gen = new KeyGen(20261203);

function bytes(r: () => number, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => (r() < 0.2 ? 0 : r() < 0.1 ? 0x0a : Math.floor(r() * 256))));
}

/**
 * Everything a reader says about a file: names, kind, flags, and each added line's number and
 * bytes (a new symbolic link's target is a line of the patch only: the scan reads its blob).
 */
function view(files: readonly StagedFile[]): unknown[] {
  return files.map((f) => [
    f.path,
    f.status,
    f.kind,
    f.newOid,
    f.binary,
    f.tooLarge ?? false,
    f.kind === 'file' ? f.added.map((a) => `${a.line}:${a.bytes.toString('hex')}`) : null,
  ]);
}

/** Taps that keep what they are given, by object id; one per blob (as binaryTaps gives them). */
function taps(): { got: Map<string, Buffer[]>; newBinaryTap: (oid: string) => BlobTap | null } {
  const got = new Map<string, Buffer[]>();
  return {
    got,
    newBinaryTap: (oid) => {
      if (got.has(oid)) return null;
      const into: Buffer[] = [];
      got.set(oid, into);
      return {
        write: (b, s, e) => void into.push(Buffer.from(b.subarray(s, e))),
        end: () => ({ view: into, bytes: 0 }),
        drop: () => void got.delete(oid),
      };
    },
  };
}

const LIMIT = 1_500_000;
const text = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `${tag} line ${i} ${'abcdefghij'.repeat(i % 9)}`).join('\n') + '\n';

/** A commit adding files the working tree holds as staged, and files it holds otherwise (or not at all). */
function tricky(): { repo: Repo; onDisk: string[]; notOnDisk: string[] } {
  const r = rng(9);
  const repo = makeRepo();
  repo.write('mod.txt', 'one\n');
  commitAll(repo);
  repo.write('mod.txt', 'one\ntwo\n');
  // The same on disk as staged.
  repo.write('a-same.txt', 'first\nsecond\r\nno final newline');
  repo.write('big/j-big.txt', text(20_000, 'big')); // ~1.2 MB: lines cross the 64 kB pieces; `auto` splits
  repo.write('f-binary.bin', bytes(r, 150_000));
  repo.write('f-copy.bin', repo.read('f-binary.bin')); // the same blob at a second path
  repo.write('h-gbk.txt', Buffer.from([0xc3, 0xdc, 0xc2, 0xeb, 0x3d, 0x31, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0d, 0x0a])); // GBK 密码=1, 你好 (CRLF)
  repo.write('l-empty.txt', '');
  // Exactly the limit: with a final LF it fits; without, the patch reader counts one more (over).
  const edge = 'x'.repeat(99) + '\n';
  repo.write('i-edge-lf.txt', edge.repeat(LIMIT / 100));
  repo.write('i-edge-nolf.txt', edge.repeat(LIMIT / 100 - 1) + 'x'.repeat(100));
  repo.write('n-nul-late.txt', text(3000, 'before a NUL') + '\0 and after\n');
  // Long lines across many 64 kB pieces (joined as views of the buffer read into): plain ASCII,
  // one with a character outside ASCII far in, one ending in CRLF, the last without a final LF.
  const long = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}=task.disk(second);`).join('');
  repo.write(
    'o-long-lines.txt',
    `${long(12_000, 'a')}\n${long(9_000, 'b')}é${long(9_000, 'c')}\n${long(15_000, 'd')}\r\nshort\n${long(11_000, 'e')}`,
  );
  // Staged, then not what the working tree holds.
  repo.write('b-partial.txt', 'staged one\nstaged two\n');
  repo.write('g-binary-edited.bin', bytes(r, 5000));
  repo.write('d-link.txt', 'same bytes as the target\n');
  repo.write('e-deleted.txt', 'deleted after staging\n');
  repo.write('0-notdir/r.txt', 'its folder is a file on disk now\n');
  repo.write('k-fifo.txt', 'replaced by a FIFO\n');
  repo.write('i-large.txt', text(25_000, 'over the limit'));
  repo.write('m-symlink-target.txt', 'target\n');
  symlinkSync('m-symlink-target.txt', path.join(repo.dir, 'm-symlink'));
  repo.git(['add', '-A']);
  // autocrlf: the blob has LF, the working tree CRLF.
  repo.git(['config', 'core.autocrlf', 'true']);
  repo.write('c-crlf.txt', 'one\r\ntwo\r\n');
  repo.git(['add', 'c-crlf.txt']);
  repo.git(['config', 'core.autocrlf', 'false']);
  // A later mtime, so that the file is not stat-clean in the index: git would otherwise reuse the
  // working tree's bytes for the staged blob when the entry is clean (and, being racily clean
  // on a loaded machine, only sometimes), converted under the new autocrlf.
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(repo.dir, 'c-crlf.txt'), later, later);
  // `git add -p` style: staged, then edited (same length, and longer).
  repo.write('b-partial.txt', 'STAGED one\nstaged two\n');
  repo.write('g-binary-edited.bin', Buffer.concat([repo.read('g-binary-edited.bin'), Buffer.from('\0more')]));
  writeFileSync(path.join(repo.dir, 'target.txt'), 'same bytes as the target\n');
  unlinkSync(path.join(repo.dir, 'd-link.txt'));
  symlinkSync('target.txt', path.join(repo.dir, 'd-link.txt'));
  rmSync(path.join(repo.dir, 'e-deleted.txt'));
  // A file where the new file's folder was: looking at the path fails with ENOTDIR (first in order).
  rmSync(path.join(repo.dir, '0-notdir'), { recursive: true });
  writeFileSync(path.join(repo.dir, '0-notdir'), 'a file\n');
  // k-fifo.txt is replaced by a FIFO in the tests (repo.snapshot would block reading it).
  return {
    repo,
    onDisk: [
      'a-same.txt',
      'i-edge-lf.txt',
      'i-edge-nolf.txt',
      'big/j-big.txt',
      'f-binary.bin',
      'f-copy.bin',
      'h-gbk.txt',
      'l-empty.txt',
      'n-nul-late.txt',
      'o-long-lines.txt',
    ],
    notOnDisk: [
      '0-notdir/r.txt',
      'b-partial.txt',
      'c-crlf.txt',
      'd-link.txt',
      'e-deleted.txt',
      'g-binary-edited.bin',
      'i-large.txt',
      'k-fifo.txt',
    ],
  };
}

describe('new files read from the working tree', () => {
  const { repo, onDisk, notOnDisk } = tricky();
  const base: StagedChangesOptions = { root: repo.dir, env: repo.env, firstBinaryLine: true, maxFileBytes: LIMIT };
  const staged = (p: string) => repo.git(['rev-parse', `:${p}`]).trim();
  /** A FIFO where a staged file was (opening it to read would block until something writes). */
  const fifo = () => {
    const p = path.join(repo.dir, 'k-fifo.txt');
    if (!lstatSync(p).isFIFO()) {
      unlinkSync(p);
      execFileSync('mkfifo', [p]);
    }
  };
  const blob = (oid: string) => execFileSync('git', ['cat-file', 'blob', oid], { cwd: repo.dir, env: repo.env });

  test('every way of reading gives the staged content, the same files in the same order', async () => {
    const before = repo.snapshot(true);
    await everyWay();
    expect(repo.snapshot(true)).toBe(before);
    fifo();
    await everyWay();
  });

  async function everyWay(): Promise<void> {
    const ways: Record<string, { c: StagedChanges; t: ReturnType<typeof taps> }> = {};
    for (const split of ['never', 'always', 'auto'] as const) {
      const t = taps();
      ways[split] = { c: await readDiff('HEAD', { ...base, newBinaryTap: t.newBinaryTap }, split), t };
    }
    const whole = ways.never.c.files;
    expect(view(ways.always.c.files)).toEqual(view(whole));
    expect(view(ways.auto.c.files)).toEqual(view(whole));
    // The staged bytes, not the working tree's.
    const lines = (p: string) => whole.find((f) => f.path === p)!.added.map((a) => a.bytes.toString('latin1'));
    expect(lines('b-partial.txt')).toEqual(['staged one', 'staged two']);
    expect(lines('c-crlf.txt')).toEqual(['one', 'two']);
    expect(lines('d-link.txt')).toEqual(['same bytes as the target']);
    expect(lines('a-same.txt')).toEqual(['first', 'second\r', 'no final newline']);
    const longLines = lines('o-long-lines.txt');
    expect(longLines).toHaveLength(5);
    expect(longLines[0].length).toBeGreaterThan(4 * 65536);
    expect(longLines[3]).toBe('short');
    expect(longLines[1]).toContain('b8999=task.disk(second);\xc3\xa9c0=');
    expect(longLines[2].endsWith('d14999=task.disk(second);\r')).toBe(true);
    expect(longLines[4].endsWith('e10999=task.disk(second);')).toBe(true);
    expect(lines('h-gbk.txt')).toEqual([Buffer.from([0xc3, 0xdc, 0xc2, 0xeb, 0x3d, 0x31]).toString('latin1'), '\xc4\xe3\xba\xc3\r']);
    expect(whole.find((f) => f.path === 'i-large.txt')?.tooLarge).toBe(true);
    expect(whole.find((f) => f.path === 'i-edge-nolf.txt')?.tooLarge).toBe(true);
    expect(whole.find((f) => f.path === 'i-edge-lf.txt')?.tooLarge).toBeUndefined();
    expect(whole.find((f) => f.path === 'm-symlink')?.kind).toBe('symlink');
    for (const p of ['f-binary.bin', 'g-binary-edited.bin', 'n-nul-late.txt']) expect(whole.find((f) => f.path === p)?.binary).toBe(true);
    // Each new binary blob reached a tap whole (once: the copy at a second path is not tapped again).
    for (const { c, t } of Object.values(ways)) {
      for (const p of ['f-binary.bin', 'g-binary-edited.bin', 'n-nul-late.txt']) {
        const f = c.files.find((x) => x.path === p)!;
        expect(heldView(f)).toBe(t.got.get(staged(p)));
        expect(Buffer.concat(t.got.get(staged(p))!).equals(blob(staged(p)))).toBe(true);
      }
      expect(heldView(c.files.find((x) => x.path === 'f-copy.bin')!)).toBeNull();
    }
  }

  test('what the working tree holds as staged is read from disk (git unusable); anything else needs git', async () => {
    const listed = await listAddedFiles('HEAD', stagedDiffArgs('HEAD'), base);
    const pick = (ps: string[]) => listed.filter((l) => ps.includes(l.path));
    const read = async (ps: string[], env: NodeJS.ProcessEnv) => {
      const got: StagedFile[] = [];
      await streamAddedFiles(pick(ps), { ...base, env }, { add: (f) => got.push(f), wait: () => null });
      return got;
    };
    fifo();
    const broken = { ...repo.env, GIT_DIR: path.join(repo.dir, 'no-such-git-dir') };
    const viaGit = await read(onDisk, repo.env);
    expect(view(await read(onDisk, broken))).toEqual(view(viaGit));
    for (const p of notOnDisk) await expect(read([p], broken)).rejects.toThrow(/git/);
    // Through git (fromTree off): the same files.
    const all = listed.map((l) => l.path);
    const gitOnly: StagedFile[] = [];
    await streamAddedFiles(listed, base, { add: (f) => gitOnly.push(f), wait: () => null }, 0, false);
    expect(view(await read(all, repo.env))).toEqual(view(gitOnly));
  });

  test('`auto` splits when 1 MB of new files is on disk, and keeps the one patch below that', async () => {
    fifo();
    const order = async (env: NodeJS.ProcessEnv) =>
      (await streamDiff('HEAD', { root: repo.dir, env }, { add: () => undefined, wait: () => null }, 'auto')).order;
    expect(await order(repo.env)).toBe('path');
    // The same commit without the large file (a second index): one patch.
    const alt = path.join(repo.dir, '.git', 'small-index');
    execFileSync('cp', [path.join(repo.dir, '.git', 'index'), alt]);
    repo.git(['rm', '-q', '--cached', 'big/j-big.txt', 'i-large.txt', 'i-edge-lf.txt', 'i-edge-nolf.txt', 'o-long-lines.txt'], {
      env: { GIT_INDEX_FILE: alt },
    });
    expect(await order({ ...repo.env, GIT_INDEX_FILE: alt })).toBe('git');
  });
});

describe('a check reads what is staged, not what is on disk', () => {
  test('a key staged and then edited away still blocks; a key only on disk does not', async () => {
    const repo = makeRepo();
    repo.write('README.md', '# demo\n');
    commitAll(repo);
    repo.write('vendor/bundle.js', text(20_000, 'vendored')); // enough on disk for the split read
    const id = gen.akId();
    repo.write('src/staged-key.js', `const a = 1;\nconst id = "${id}";\n`);
    repo.write('src/disk-key.js', 'const b = 2;\n');
    repo.git(['add', '-A']);
    repo.write('src/staged-key.js', `const a = 1;\nconst id = "";\n`);
    repo.write('src/disk-key.js', `const b = 2;\nconst id = "${gen.akId()}";\n`);
    const r = await check({ cwd: repo.dir, env: repo.env });
    expect(r.findings.map((f) => [f.file, f.line])).toEqual([['src/staged-key.js', 2]]);
  });
});
