import { AkHookError } from '../errors';
import { DIFF_FLAGS, EMPTY_TREE, stagedDiffArgs } from './native';
import { readPatch } from './read-patch';
import type { StagedFile } from './types';

export type TreeSource = 'head' | 'index';

/**
 * Every tracked file, as if the whole tree were added at once: HEAD's tree (or the index)
 * diffed against the empty tree, so every line is an added line and the scan pipeline is
 * the same as for a commit.
 */
export async function readTree(source: TreeSource, opts: { root: string; env: NodeJS.ProcessEnv }): Promise<StagedFile[]> {
  const args = source === 'index' ? stagedDiffArgs(EMPTY_TREE) : ['diff-tree', '-r', ...DIFF_FLAGS, EMPTY_TREE, 'HEAD', '--'];
  try {
    return await readPatch(args, opts);
  } catch (e) {
    // No commit yet: HEAD's tree is empty.
    if (source === 'head' && e instanceof AkHookError && /bad revision 'HEAD'|ambiguous argument 'HEAD'/.test(String(e.data.stderr ?? '')))
      return [];
    throw e;
  }
}
