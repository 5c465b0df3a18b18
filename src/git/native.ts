import type { GitBackend, StagedChangesOptions } from './backend';
import { readPatch } from './read-patch';
import { BlobReader } from './cat-file';
import type { StagedChanges } from './types';
import { AkHookError } from '../errors';

/** The empty tree: what an unborn HEAD (first commit) is compared against. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Flags that fix every output choice git would otherwise take from config or defaults. */
export function stagedDiffArgs(base: string): string[] {
  return ['diff-index', '--cached', ...DIFF_FLAGS, base, '--'];
}

/** The diff output flags every reader uses (staged changes, commits, trees). */
export const DIFF_FLAGS: readonly string[] = [
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
];

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

async function readDiff(base: string, opts: StagedChangesOptions): Promise<StagedChanges> {
  return { files: await readPatch(stagedDiffArgs(base), opts) };
}
