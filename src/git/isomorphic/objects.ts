import * as fs from 'node:fs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../../errors';
import type { GitLayout } from './locate';

type IsoGit = typeof import('isomorphic-git');
let iso: IsoGit | null = null;
/**
 * isomorphic-git is loaded only when this backend is used (it stays out of the bundle). It is
 * an optional peer dependency: needed only where there is no git binary.
 */
function git(): IsoGit {
  if (iso) return iso;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (iso = require('isomorphic-git') as IsoGit);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    throw new AkHookError('E_GIT_MISSING', 'no git binary on PATH, and isomorphic-git (the pure-JavaScript reader) is not installed', {
      missing: 'isomorphic-git',
      text: { id: 'isomorphicMissing', args: {} },
    });
  }
}

export interface TreeEntry {
  mode: string;
  oid: string;
}

function wrap(e: unknown, what: string): AkHookError {
  if (e instanceof AkHookError) return e;
  const err = e as { code?: string; message?: string };
  return new AkHookError('E_GIT_FAILED', `cannot read ${what}: ${String(err.message ?? e).split('\n')[0]}`, { cause: err.code });
}

/** Object reads over the common dir, with one pack cache for the whole run. */
export class ObjectStore {
  private readonly cache = {};
  constructor(private readonly layout: GitLayout) {}

  /** HEAD's commit tree, or null on an unborn branch. HEAD is per worktree; refs are shared. */
  async headTree(): Promise<string | null> {
    const headFile = path.join(this.layout.gitdir, 'HEAD');
    let head: string;
    try {
      head = readFileSync(headFile, 'utf8').trim();
    } catch (e) {
      throw wrap(e, 'HEAD');
    }
    let oid: string;
    if (head.startsWith('ref: ')) {
      const ref = head.slice(5);
      try {
        oid = await git().resolveRef({ fs, gitdir: this.layout.commondir, ref });
      } catch (e) {
        if ((e as { code?: string }).code === 'NotFoundError') return null;
        throw wrap(e, ref);
      }
    } else if (/^[0-9a-f]{40}$/.test(head)) oid = head;
    else throw new AkHookError('E_GIT_FAILED', `cannot read HEAD: unexpected content`);
    try {
      const c = await git().readCommit({ fs, gitdir: this.layout.commondir, oid, cache: this.cache });
      return c.commit.tree;
    } catch (e) {
      throw wrap(e, `commit ${oid}`);
    }
  }

  /** A tree's entries, parsed here (isomorphic-git's readTree refuses some legal names, e.g. with a backslash). */
  async tree(oid: string): Promise<Array<{ path: string; mode: string; oid: string; type: string }>> {
    let data: Buffer;
    try {
      const r = await git().readObject({ fs, gitdir: this.layout.commondir, oid, format: 'content', cache: this.cache });
      if (r.type !== 'tree') throw new AkHookError('E_GIT_FAILED', `object ${oid} is a ${r.type}, not a tree`);
      const u = r.object as Uint8Array;
      data = Buffer.from(u.buffer, u.byteOffset, u.byteLength);
    } catch (e) {
      throw wrap(e, `tree ${oid}`);
    }
    const out: Array<{ path: string; mode: string; oid: string; type: string }> = [];
    let pos = 0;
    while (pos < data.length) {
      const sp = data.indexOf(0x20, pos);
      const nul = data.indexOf(0, sp);
      if (sp < 0 || nul < 0 || nul + 21 > data.length) throw new AkHookError('E_GIT_FAILED', `corrupt tree ${oid}`);
      const mode = data.toString('latin1', pos, sp).padStart(6, '0');
      const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
      out.push({ mode, path: data.toString('utf8', sp + 1, nul), oid: data.toString('hex', nul + 1, nul + 21), type });
      pos = nul + 21;
    }
    return out;
  }

  async blob(oid: string): Promise<Buffer | null> {
    try {
      const r = await git().readBlob({ fs, gitdir: this.layout.commondir, oid, cache: this.cache });
      return Buffer.from(r.blob.buffer, r.blob.byteOffset, r.blob.byteLength);
    } catch (e) {
      if ((e as { code?: string }).code === 'NotFoundError') return null;
      throw wrap(e, `blob ${oid}`);
    }
  }

  /**
   * HEAD's files (path -> mode, oid), skipping every folder whose tree the index's cache-tree
   * says is unchanged; those folders are returned so the index side skips them too.
   */
  async headFiles(root: string | null, cacheTree: Map<string, string>): Promise<{ files: Map<string, TreeEntry>; same: Set<string> }> {
    const files = new Map<string, TreeEntry>();
    const same = new Set<string>();
    const walk = async (oid: string, prefix: string): Promise<void> => {
      if (cacheTree.get(prefix) === oid) {
        same.add(prefix);
        return;
      }
      for (const e of await this.tree(oid)) {
        const p = prefix === '' ? e.path : `${prefix}/${e.path}`;
        if (e.type === 'tree') await walk(e.oid, p);
        else files.set(p, { mode: e.mode.padStart(6, '0'), oid: e.oid });
      }
    };
    if (root) await walk(root, '');
    return { files, same };
  }
}

/** True when `p` lies in one of the folders in `same` ('' is the root). */
export function inSameFolder(p: string, same: Set<string>): boolean {
  if (same.size === 0) return false;
  if (same.has('')) return true;
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) if (same.has(p.slice(0, i))) return true;
  return false;
}
