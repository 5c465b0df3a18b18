import { AkHookError } from '../errors';
import { DIFF_FLAGS, EMPTY_TREE } from './native';
import { readPatch } from './read-patch';
import type { StagedFile } from './types';

/** What `ak-hook scan` reads: HEAD's tree, or the index (git/tracked-files.ts). */
export type TreeSource = 'head' | 'index';

/**
 * Every file of HEAD's tree, as if the whole tree were added at once: HEAD diffed against
 * the empty tree, so every line is an added line and the scan pipeline is the same as for
 * a commit. No commit yet: nothing.
 */
export async function readHeadTree(opts: { root: string; env: NodeJS.ProcessEnv }): Promise<StagedFile[]> {
  try {
    return await readPatch(['diff-tree', '-r', ...DIFF_FLAGS, EMPTY_TREE, 'HEAD', '--'], opts);
  } catch (e) {
    if (e instanceof AkHookError && /bad revision 'HEAD'|ambiguous argument 'HEAD'/.test(String(e.data.stderr ?? ''))) return [];
    throw e;
  }
}
