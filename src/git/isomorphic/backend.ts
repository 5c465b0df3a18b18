import { readFileSync } from 'node:fs';
import { AkHookError } from '../../errors';
import type { Blob, BlobSource, GitBackend, StagedChangesOptions } from '../backend';
import type { FileKind, StagedChanges, StagedFile } from '../types';
import { addedLineIndexes, LineInterner } from './line-diff';
import { locateGit, type GitLayout } from './locate';
import { inSameFolder, ObjectStore, type TreeEntry } from './objects';
import { parseIndex, type GitIndex, type IndexEntry } from './read-index';
import { findRenames } from './renames';

function kindOf(mode: string): FileKind {
  if (mode === '160000') return 'submodule';
  if (mode === '120000') return 'symlink';
  return 'file';
}

function readIndex(layout: GitLayout): GitIndex {
  let data: Buffer;
  try {
    data = readFileSync(layout.indexFile);
  } catch (e) {
    // No index yet (a fresh repository): nothing is staged.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: new Map(), cacheTree: new Map() };
    throw new AkHookError('E_GIT_FAILED', `cannot read the index ${layout.indexFile}: ${(e as Error).message}`);
  }
  return parseIndex(data, layout.indexFile);
}

/** Sets the added lines of `f` (`next` against `prev`), or marks it too large to keep. */
function setAdded(f: StagedFile, prev: Buffer | null, next: Buffer, max: number | undefined): void {
  if (max !== undefined && next.length > max) {
    const added = addedLines(prev, next);
    if (added.reduce((n, l) => n + l.bytes.length + 1, 0) > max) {
      f.tooLarge = true;
      return;
    }
    f.added = added;
    return;
  }
  f.added = addedLines(prev, next);
}

/** The added lines of `next` against `prev` (all of them when there is no `prev`). */
function addedLines(prev: Buffer | null, next: Buffer): StagedFile['added'] {
  const interner = new LineInterner();
  const lines: Buffer[] = [];
  const b = interner.intern(next, lines);
  const idx = prev ? addedLineIndexes(interner.intern(prev), b) : b.map((_, i) => i);
  return idx.map((i) => ({ line: i + 1, bytes: lines[i] }));
}

/**
 * The pure-JavaScript reader (isomorphic-git for objects, our own strict index reader):
 * for machines without a git binary, and as the differential oracle of the native reader.
 */
export function isomorphicBackend(): GitBackend {
  return {
    name: 'isomorphic',
    async stagedChanges(opts: StagedChangesOptions): Promise<StagedChanges> {
      const layout = locateGit(opts.root, opts.env);
      const index = readIndex(layout);
      const store = new ObjectStore(layout);
      const { files: head, same } = await store.headFiles(await store.headTree(), index.cacheTree);
      const blob = async (oid: string): Promise<Buffer> => {
        const b = await store.blob(oid);
        if (!b) throw new AkHookError('E_GIT_FAILED', `missing object ${oid}`);
        return b;
      };
      const deleted: Array<{ path: string; e: TreeEntry }> = [];
      const added: IndexEntry[] = [];
      const out: StagedFile[] = [];
      for (const [p, e] of head) {
        const n = index.entries.get(p);
        if (!n) deleted.push({ path: p, e });
        else if (kindOf(n.mode) !== kindOf(e.mode)) {
          // A type change is a deletion plus an addition, as git shows it.
          deleted.push({ path: p, e });
          added.push(n);
        } else if (n.oid !== e.oid || n.mode !== e.mode) {
          const f: StagedFile = {
            path: p,
            status: 'modified',
            kind: kindOf(n.mode),
            oldOid: e.oid,
            newOid: n.oid,
            binary: false,
            added: [],
          };
          if (f.kind === 'file' && n.oid !== e.oid) setAdded(f, await blob(e.oid), await blob(n.oid), opts.maxFileBytes);
          out.push(f);
        }
      }
      for (const [p, n] of index.entries) if (!head.has(p) && !inSameFolder(p, same)) added.push(n);
      const renames = await findRenames(
        deleted.filter((d) => kindOf(d.e.mode) === 'file').map((d) => ({ path: d.path, oid: d.e.oid })),
        added.filter((a) => kindOf(a.mode) === 'file').map((a) => ({ path: a.path, oid: a.oid })),
        (oid) => store.blob(oid),
      );
      const renamedFrom = new Set(renames.values());
      const headOf = new Map(deleted.map((d) => [d.path, d.e]));
      for (const d of deleted) {
        if (!renamedFrom.has(d.path))
          out.push({ path: d.path, status: 'deleted', kind: kindOf(d.e.mode), oldOid: d.e.oid, binary: false, added: [] });
      }
      for (const a of added) {
        const from = renames.get(a.path);
        const f: StagedFile = {
          path: a.path,
          status: from ? 'renamed' : 'added',
          kind: kindOf(a.mode),
          newOid: a.oid,
          binary: false,
          added: [],
        };
        if (from) {
          f.oldPath = from;
          f.oldOid = headOf.get(from)!.oid;
        }
        if (f.kind === 'file') setAdded(f, from ? await blob(f.oldOid!) : null, await blob(a.oid), opts.maxFileBytes);
        out.push(f);
      }
      for (const f of out) f.binary = f.added.some((l) => l.bytes.includes(0));
      out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
      return { files: out };
    },
    openBlobReader(opts: StagedChangesOptions): BlobSource {
      let layout: GitLayout | null = null;
      let store: ObjectStore | null = null;
      let index: GitIndex | null = null;
      return {
        async read(spec: string): Promise<Blob | null> {
          layout ??= locateGit(opts.root, opts.env);
          store ??= new ObjectStore(layout);
          let oid = spec;
          if (spec.startsWith(':')) {
            index ??= readIndex(layout);
            const e = index.entries.get(spec.slice(1));
            if (!e) return null;
            oid = e.oid;
          }
          if (!/^[0-9a-f]{40}$/.test(oid)) return null;
          const data = await store.blob(oid);
          return data ? { oid, data } : null;
        },
        close() {},
      };
    },
  };
}
