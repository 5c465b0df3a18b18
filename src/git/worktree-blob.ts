import { createHash, hash } from '../text/crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import type { Blob, BlobSource } from './backend';
import { readLooseBlob } from './loose-object';
import { objectsDirWithoutGit } from './repo';

/** Files larger than this are read through git (a mismatch would cost a second read). */
const MAX_BYTES = 8 << 20;

/** The hash of an object id (SHA-1 or SHA-256 by its length), or null for anything else. */
function algoOf(oid: string): 'sha1' | 'sha256' | null {
  const algo = oid.length === 40 ? 'sha1' : oid.length === 64 ? 'sha256' : null;
  return algo && /^[0-9a-f]+$/.test(oid) ? algo : null;
}

/** A path part that is empty, `.` or `..` (or the whole path absolute). */
const ODD_PATH = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** The work-tree path of `file` when it is a plain relative path (no empty, `.` or `..` part), else null. */
function worktreePath(root: string, file: string): string | null {
  // perf: a test and a concatenation (path.join normalizes; this runs once per new file).
  return file === '' || ODD_PATH.test(file) ? null : root.endsWith('/') ? root + file : `${root}/${file}`;
}

/** The size of `file` in the working tree when it is a regular file there (not a symlink, a plain path), else null. */
export function worktreeFileSize(root: string, file: string): number | null {
  const p = worktreePath(root, file);
  try {
    const st = p === null ? undefined : lstatSync(p, { throwIfNoEntry: false });
    return st?.isFile() ? st.size : null;
  } catch {
    // a file where a folder was (ENOTDIR), a folder we may not read, a name too long
    return null;
  }
}

/** Opens `file` in the working tree when it is a regular file of at most `max` bytes (never follows a final symlink, never blocks on a FIFO). */
function openRegular(root: string, file: string, max: number): { fd: number; size: number } | null {
  const p = worktreePath(root, file);
  if (p === null) return null;
  let fd = -1;
  try {
    fd = openSync(p, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isFile() && st.size <= max) return { fd, size: st.size };
  } catch {
    // missing, a symlink, unreadable: the caller asks git
  }
  if (fd >= 0) closeSync(fd);
  return null;
}

/**
 * perf: a blob read from the working tree when the file there is exactly the staged blob: its
 * bytes hash to the object id (git's own `blob <size>\0` header, SHA-1 or SHA-256 by the id's
 * length), the way git itself reuses a work-tree file for a diff. Saves starting `git cat-file`
 * on a blocked commit whose finding needs the line above it. Anything else (a half-staged file,
 * a line-ending filter, a symlink, a missing or odd file) is null: the caller asks git.
 */
export function readWorktreeBlob(root: string, file: string, oid: string): Blob | null {
  // One piece: the whole file.
  const pieces: Buffer[] = [];
  const size = streamWorktreeBlob(root, file, oid, MAX_BYTES, (piece) => void pieces.push(piece), Infinity);
  return size === null ? null : { oid, data: pieces[0] ?? Buffer.alloc(0) };
}

/** Most bytes of a file read into one buffer (its pieces are views of it, one after the other). */
const SLAB_BYTES = 64 << 20;

/**
 * The staged blob `oid` read from the working tree in pieces of `pieceBytes` (each a view of a
 * new part of one buffer of the file's size, up to SLAB_BYTES: a line across pieces is joined
 * without a copy, see RangeSplitter; unless `onPiece` returned true for the last one: it kept
 * nothing of it, and the next piece is read into the same bytes; handed to `onPiece` as read,
 * hashed on the way): returns its size when the file there was a regular file of at most `max`
 * bytes whose bytes hash to `oid`, else null; on null the pieces already handed over were not
 * that blob and must be dropped (the caller asks git). Memory: the pieces `onPiece` keeps, and
 * the piece being read.
 */
export function streamWorktreeBlob(
  root: string,
  file: string,
  oid: string,
  max: number,
  onPiece: (piece: Buffer) => boolean | void,
  pieceBytes = 64 << 10,
): number | null {
  const algo = algoOf(oid);
  const open = algo ? openRegular(root, file, max) : null;
  if (!open) return null;
  const { fd, size } = open;
  try {
    if (size < pieceBytes) return smallWorktreeBlob(fd, size, oid, algo!, onPiece);
    const hash = createHash(algo!).update(`blob ${size}\0`);
    let got = 0;
    // perf: the pieces lie one after the other in a slab (allocated, not written: its pages are
    // taken as they are read into); a piece `onPiece` says it did not keep (true) is read into
    // again (a binary's bytes after its first line are only copied into its tap: no garbage of
    // the file's size).
    let slab: Buffer | null = null;
    let at = 0;
    while (got < size) {
      const want = Math.min(pieceBytes, size - got);
      if (slab === null || at + want > slab.length) {
        slab = Buffer.allocUnsafe(Math.max(want, Math.min(size - got, SLAB_BYTES)));
        at = 0;
      }
      const piece = slab.subarray(at, at + want);
      let filled = 0;
      while (filled < piece.length) {
        const n = readSync(fd, piece, filled, piece.length - filled, got + filled);
        if (n === 0) return null; // it shrank while read
        filled += n;
      }
      got += filled;
      hash.update(piece);
      if (onPiece(piece) !== true) at += want;
    }
    if (readSync(fd, Buffer.allocUnsafe(1), 0, 1, got) !== 0) return null; // it grew while read
    return hash.digest('hex') === oid ? size : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * streamWorktreeBlob of a file shorter than one piece. perf: one buffer holds git's header and
 * the bytes, hashed in one call, and one read asks for a byte more than the file has, so a file
 * that grew shows without a read of its own (most new files of real code are this small).
 */
function smallWorktreeBlob(
  fd: number,
  size: number,
  oid: string,
  algo: 'sha1' | 'sha256',
  onPiece: (piece: Buffer) => boolean | void,
): number | null {
  const header = `blob ${size}\0`;
  const at = header.length;
  const buf = Buffer.allocUnsafe(at + size + 1);
  buf.write(header, 0, 'latin1');
  let filled = 0;
  for (;;) {
    const n = readSync(fd, buf, at + filled, size + 1 - filled, filled);
    if (n === 0) break;
    filled += n;
    if (filled > size) return null; // it grew while read
  }
  if (filled < size) return null; // it shrank while read
  if (hash(algo, buf.subarray(0, at + size), 'hex') !== oid) return null;
  if (size > 0) onPiece(buf.subarray(at, at + size));
  return size;
}

/**
 * A blob source whose `readAt(oid, path)` takes the blob from the working tree when the file
 * there is that blob, else from git's loose objects, and only then asks `source` (git).
 */
export function localFirst(source: BlobSource, root: string, env: NodeJS.ProcessEnv): BlobSource {
  let objects: string | null | undefined;
  return {
    read: (spec) => source.read(spec),
    readAt: async (oid, file) => {
      const here = readWorktreeBlob(root, file, oid);
      if (here) return here;
      if (objects === undefined) objects = objectsDirWithoutGit(root, env);
      return (objects !== null ? readLooseBlob(objects, oid) : null) ?? source.read(oid);
    },
    close: () => source.close(),
  };
}
