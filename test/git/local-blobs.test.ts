/**
 * A blocked commit whose finding needs the line above it (an `ak-hook-allow` comment) reads the
 * staged blob from the working tree when the file there is that blob, else from git's loose
 * objects, and only then starts `git cat-file`. Each way must give git's bytes, or nothing.
 */
import { appendFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readLooseBlob } from '../../src/git/loose-object';
import { objectsDirWithoutGit } from '../../src/git/repo';
import { readWorktreeBlob, streamWorktreeBlob } from '../../src/git/worktree-blob';
import { KeyGen } from '../helpers/keygen';
import { commitAll } from '../helpers/project';
import { makeRepo, type Repo } from '../helpers/repo';

const stagedOid = (repo: Repo, file: string): string => repo.git(['rev-parse', `:${file}`]).trim();
const gitBytes = (repo: Repo, oid: string): Buffer => Buffer.from(repo.gitRaw(['cat-file', 'blob', oid], { env: {} }).stdout, 'utf8');

describe('readWorktreeBlob', () => {
  test('the file on disk when it is the staged blob; null when it differs, is a symlink or is missing', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\ntwo\n');
    repo.git(['add', 'a.txt']);
    const oid = stagedOid(repo, 'a.txt');
    expect(readWorktreeBlob(repo.dir, 'a.txt', oid)?.data.toString()).toBe('one\ntwo\n');
    // Half-staged: the unstaged edit is not what the commit holds.
    appendFileSync(path.join(repo.dir, 'a.txt'), 'three\n');
    expect(readWorktreeBlob(repo.dir, 'a.txt', oid)).toBeNull();
    writeFileSync(path.join(repo.dir, 'b.txt'), 'one\ntwo\n');
    symlinkSync('b.txt', path.join(repo.dir, 'link.txt'));
    expect(readWorktreeBlob(repo.dir, 'link.txt', oid)).toBeNull();
    expect(readWorktreeBlob(repo.dir, 'missing.txt', oid)).toBeNull();
    expect(readWorktreeBlob(repo.dir, '../a.txt', oid)).toBeNull();
  });

  test('a SHA-256 repository', () => {
    const repo = makeRepo({ init: false });
    repo.git(['init', '-q', '--object-format=sha256', '-b', 'main']);
    repo.write('a.txt', 'x\n');
    repo.git(['add', 'a.txt']);
    const oid = stagedOid(repo, 'a.txt');
    expect(oid).toHaveLength(64);
    expect(readWorktreeBlob(repo.dir, 'a.txt', oid)?.data.toString()).toBe('x\n');
    expect(readLooseBlob(objectsDirWithoutGit(repo.dir, repo.env)!, oid)?.data.toString()).toBe('x\n');
  });
});

describe('streamWorktreeBlob', () => {
  test.each(['sha1', 'sha256'])(
    "files shorter than a piece, of exactly one, and longer: git's bytes in pieces, or null when they differ (%s)",
    (format) => {
      const repo = makeRepo({ init: false });
      repo.git(['init', '-q', `--object-format=${format}`, '-b', 'main']);
      const piece = 16;
      const sizes = [0, 1, piece - 1, piece, piece + 1, 3 * piece + 5];
      for (const n of sizes) repo.write(`f${n}.bin`, Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)));
      repo.git(['add', '.']);
      for (const n of sizes) {
        const file = `f${n}.bin`;
        const oid = stagedOid(repo, file);
        const pieces: Buffer[] = [];
        expect(streamWorktreeBlob(repo.dir, file, oid, Infinity, (p) => void pieces.push(Buffer.from(p)), piece)).toBe(n);
        expect(Buffer.concat(pieces).equals(repo.read(file))).toBe(true);
        expect(pieces.every((p) => p.length > 0 && p.length <= piece)).toBe(true);
        // Over the size limit, or another blob's id (a file of one byte more or less): null.
        expect(streamWorktreeBlob(repo.dir, file, oid, n - 1, () => undefined, piece)).toBeNull();
        const other = stagedOid(repo, `f${sizes[(sizes.indexOf(n) + 1) % sizes.length]}.bin`);
        expect(streamWorktreeBlob(repo.dir, file, other, Infinity, () => undefined, piece)).toBeNull();
      }
      // Edited after staging (one byte more, one byte less, same length): not the staged blob.
      const oid = stagedOid(repo, `f${piece - 1}.bin`);
      for (const edit of [Buffer.alloc(piece, 1), Buffer.alloc(piece - 2, 1), Buffer.alloc(piece - 1, 1)]) {
        writeFileSync(path.join(repo.dir, `f${piece - 1}.bin`), edit);
        expect(streamWorktreeBlob(repo.dir, `f${piece - 1}.bin`, oid, Infinity, () => undefined, piece)).toBeNull();
      }
    },
  );

  test('pieces lie one after the other in one buffer; a piece not kept is read into again', () => {
    const repo = makeRepo();
    const text = Array.from({ length: 3000 }, (_, i) => `${i}=task.disk(second);`).join('') + '\n';
    repo.write('long.js', text);
    repo.git(['add', 'long.js']);
    const oid = stagedOid(repo, 'long.js');
    const kept: Buffer[] = [];
    expect(streamWorktreeBlob(repo.dir, 'long.js', oid, Infinity, (p) => void kept.push(p), 4096)).toBe(text.length);
    expect(kept.length).toBe(Math.ceil(text.length / 4096));
    kept.forEach((p, k) => {
      expect(p.buffer).toBe(kept[0].buffer);
      expect(p.byteOffset).toBe(kept[0].byteOffset + 4096 * k);
    });
    expect(Buffer.concat(kept).toString()).toBe(text);
    // Pieces not kept (true): each read into the same bytes; the hash still covers them all.
    const offsets = new Set<number>();
    let bytes = '';
    expect(
      streamWorktreeBlob(repo.dir, 'long.js', oid, Infinity, (p) => ((bytes += p.toString()), offsets.add(p.byteOffset), true), 4096),
    ).toBe(text.length);
    expect(bytes).toBe(text);
    expect(offsets.size).toBe(1);
  });
});

describe('readLooseBlob', () => {
  test("a loose blob is git's bytes; a packed one, a tree, a damaged one and a bad id are null", () => {
    const repo = makeRepo();
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}`).join('\n');
    repo.write('a.txt', text);
    repo.git(['add', 'a.txt']);
    const oid = stagedOid(repo, 'a.txt');
    const objects = objectsDirWithoutGit(repo.dir, repo.env)!;
    expect(readLooseBlob(objects, oid)?.data.equals(gitBytes(repo, oid))).toBe(true);
    expect(readLooseBlob(objects, 'zz' + oid.slice(2))).toBeNull();
    commitAll(repo);
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    expect(readLooseBlob(objects, tree)).toBeNull();
    // Damaged: another object's bytes under this id.
    repo.write('b.txt', 'other\n');
    repo.git(['add', 'b.txt']);
    const other = path.join(objects, stagedOid(repo, 'b.txt').slice(0, 2), stagedOid(repo, 'b.txt').slice(2));
    const fake = path.join(objects, 'ab', 'c'.repeat(38));
    repo.write(path.relative(repo.dir, fake), repo.read(path.relative(repo.dir, other)));
    expect(readLooseBlob(objects, 'ab' + 'c'.repeat(38))).toBeNull();
    repo.git(['gc', '-q', '--prune=now']);
    expect(readLooseBlob(objects, oid)).toBeNull();
  });
});

describe('an ak-hook-allow comment on the line above, in a file that is not new', () => {
  const gen = new KeyGen(0x10ca1);
  // The same verdict whichever way the line above is read: the work tree, a loose object, git.
  test.each([
    ['the work tree holds the staged file', (_r: Repo) => undefined],
    ['the work tree differs (a loose object)', (r: Repo) => appendFileSync(path.join(r.dir, 'src/a.py'), 'x = 1\n')],
    [
      'the work tree differs and the blob is packed (git cat-file)',
      (r: Repo) => {
        appendFileSync(path.join(r.dir, 'src/a.py'), 'x = 1\n');
        r.git(['gc', '-q']);
      },
    ],
  ])('%s', (_name, after) => {
    const repo = makeRepo();
    const head = Array.from({ length: 8 }, (_, i) => `v${i} = ${i}`).join('\n') + '\n';
    repo.write('src/a.py', head);
    commitAll(repo);
    const allowed = gen.akId();
    const blocked = gen.akId();
    const lines = head.split('\n');
    lines.splice(3, 0, '# ak-hook-allow alibaba-access-key-id');
    repo.write('src/a.py', lines.join('\n'));
    repo.git(['add', 'src/a.py']);
    repo.git(['commit', '-q', '-m', 'marker']);
    // The key goes under the committed marker (line 4), the other one far from it.
    const next = repo.read('src/a.py').toString().split('\n');
    next.splice(4, 0, `ID = "${allowed}"`);
    next.splice(8, 0, `KEY = "${blocked}"`);
    repo.write('src/a.py', next.join('\n'));
    repo.git(['add', 'src/a.py']);
    after(repo);
    const r = repo.cli(['check', '--format', 'json']);
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ line: number }>; stats: { allowed?: number } };
    expect(doc.findings.map((f) => f.line)).toEqual([9]);
  });
});
