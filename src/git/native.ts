import type { GitBackend, StagedChangesOptions } from './backend';
import { DiffParser } from './parse-diff';
import { RangeSplitter } from './range-splitter';
import { runGit } from './run';
import { BlobReader } from './cat-file';
import type { StagedChanges } from './types';
import { AkHookError } from '../errors';
import { readAddedFiles } from './native-new-files';
import type { StagedFile } from './types';

/** The empty tree: what an unborn HEAD (first commit) is compared against. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Flags that fix every output choice git would otherwise take from config or defaults. */
export function stagedDiffArgs(base: string, filter?: string): string[] {
  return [
    'diff-index',
    '--cached',
    '--patch',
    '--unified=0',
    '--inter-hunk-context=0',
    '--full-index',
    '--text',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--find-renames',
    '--diff-algorithm=myers',
    '--no-indent-heuristic',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--submodule=short',
    '--ignore-submodules=none',
    ...(filter ? [`--diff-filter=${filter}`] : []),
    base,
    '--',
  ];
}

/** The primary backend: the git binary that runs the hook, read through hardened plumbing. */
export function nativeBackend(): GitBackend {
  return {
    name: 'native',
    async stagedChanges(opts: StagedChangesOptions): Promise<StagedChanges> {
      try {
        return await readDiff('HEAD', opts);
      } catch (e) {
        // An unborn branch (the first commit) has no HEAD: compare with the empty tree.
        if (!(e instanceof AkHookError) || !/bad revision 'HEAD'/.test(String(e.data.stderr ?? ''))) throw e;
        return readDiff(EMPTY_TREE, opts);
      }
    },
    openBlobReader(opts) {
      return new BlobReader(opts.root, opts.env);
    },
  };
}

/**
 * Two git processes at once: the patch of everything but new files, and the list of new files
 * (read whole from the object store: faster than git's diff of them). Files come back in git's
 * order (by path bytes).
 */
async function readDiff(base: string, opts: StagedChangesOptions): Promise<StagedChanges> {
  const parser = new DiffParser({ maxFileBytes: opts.maxFileBytes });
  const splitter = new RangeSplitter((buf, start, end, clean) => parser.lineAt(buf, start, end, clean));
  const [, added] = await Promise.all([
    runGit(stagedDiffArgs(base, 'a'), { cwd: opts.root, env: opts.env, onStdout: (c) => splitter.push(c) }),
    readAddedFiles(base, stagedDiffArgs(base), opts),
  ]);
  splitter.end();
  const patched = parser.finish();
  if (added.length === 0) return { files: patched };
  const key = (f: StagedFile) => Buffer.from(f.path, 'utf8');
  return { files: [...patched, ...added].sort((x, y) => Buffer.compare(key(x), key(y))) };
}
