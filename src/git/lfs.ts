import { createHash } from '../text/crypto';
import * as path from 'node:path';
import { addedCount, addedStore, addedText } from './added-lines';
import { gitCommonDir } from './repo';
import type { StagedFile } from './types';
import { runGit } from './run';

/**
 * Git LFS: a file tracked by LFS is staged as a small pointer (`version …/spec/v1`, `oid
 * sha256:…`, `size …`) while its bytes wait in `.git/lfs/objects` to be pushed. Scanning only the
 * pointer would let a key in such a file pass without a word, so the scanner reads the object.
 */
export interface LfsPointer {
  oid: string;
  size: number;
}

/** A pointer file as git-lfs writes it (any extension lines), and nothing else. */
const POINTER =
  /^version https:\/\/(?:git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\n(?:ext-[0-9]-[a-z0-9]+ sha256:[0-9a-f]{64}\n)*oid sha256:([0-9a-f]{64})\nsize ([0-9]{1,15})\n$/;

/** Largest pointer file git-lfs reads as one. */
export const POINTER_MAX_BYTES = 1024;

/** The pointer the blob is, or null. */
export function parsePointer(data: Buffer): LfsPointer | null {
  if (data.length > POINTER_MAX_BYTES) return null;
  const m = POINTER.exec(data.toString('latin1'));
  return m ? { oid: m[1], size: Number(m[2]) } : null;
}

/** A line an added pointer holds (its object id): the cheap test before the blob is read. */
export const POINTER_OID_LINE = /^oid sha256:[0-9a-f]{64}$/;
const OID_LINE_BYTES = 'oid sha256:'.length + 64;

/** Added lines that may be a pointer's (a few, one naming an object): then its blob is read. */
export function mayBePointer(file: StagedFile): boolean {
  const n = addedCount(file);
  if (n > 6 || file.newOid === undefined) return false;
  const store = addedStore(file);
  for (let i = 0; i < n; i++) {
    // perf: only a line of the oid line's length becomes a string (a huge one-line file is not copied).
    const len = store ? store.endOf(i) - store.startOf(i) : file.added[i].bytes.length;
    if (len >= OID_LINE_BYTES && len <= OID_LINE_BYTES + 1 && POINTER_OID_LINE.test(addedText(file, i).replace(/\r$/, ''))) return true;
  }
  return false;
}

export type LfsRead = { data: Buffer } | { missing: true } | { tooLarge: true };

/** Reads LFS objects of one repository. */
export interface LfsStore {
  read(p: LfsPointer, maxBytes: number): Promise<LfsRead>;
}

/**
 * The objects under `lfs.storage` (git config; relative to the common git directory) or
 * `<common git dir>/lfs`. The directory is looked up only when a pointer is met. An object is
 * used only when it has the pointer's size and hashes to its id; else it counts as missing.
 */
export function lfsStore(root: string, env: NodeJS.ProcessEnv): LfsStore {
  let dir: Promise<string> | null = null;
  const lookUp = async (): Promise<string> => {
    const common = await gitCommonDir(root, env);
    let storage = '';
    try {
      storage = (await runGit(['config', '--get', 'lfs.storage'], { cwd: root, env })).toString('utf8').trim();
    } catch {
      // Not set (git exits 1).
    }
    return storage ? path.resolve(common, storage) : path.join(common, 'lfs');
  };
  return {
    async read(p, maxBytes) {
      if (p.size > maxBytes) return { tooLarge: true };
      dir ??= lookUp();
      const file = path.join(await dir, 'objects', p.oid.slice(0, 2), p.oid.slice(2, 4), p.oid);
      let data: Buffer;
      try {
        // perf: node:fs/promises (and what it loads) only when an LFS object is read.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const h = await (require('node:fs/promises') as typeof import('node:fs/promises')).open(file, 'r');
        try {
          const st = await h.stat();
          if (!st.isFile() || st.size !== p.size) return { missing: true };
          data = Buffer.alloc(p.size);
          let at = 0;
          while (at < p.size) {
            const { bytesRead } = await h.read(data, at, p.size - at, at);
            if (bytesRead === 0) return { missing: true };
            at += bytesRead;
          }
        } finally {
          await h.close();
        }
      } catch {
        return { missing: true };
      }
      return createHash('sha256').update(data).digest('hex') === p.oid ? { data } : { missing: true };
    },
  };
}
