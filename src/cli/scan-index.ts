import { AkHookError } from '../errors';
import { scanTree, type TreeScanResult } from '../scan-tree';
import type { CommandInput } from './command';

/**
 * The tracked files as the index holds them, with the command's --config: what baseline and
 * stale read. A file that cannot be read (a partial or damaged clone) fails the run: a baseline
 * or a stale list written from part of the files would be wrong.
 */
export async function scanIndex({ values, ctx }: CommandInput, useBaseline: boolean): Promise<TreeScanResult> {
  const r = await scanTree({ cwd: ctx.cwd, env: ctx.env, configPath: values.config as string | undefined, useBaseline, source: 'index' });
  if (r.unreadableFiles.length > 0) {
    const list = r.unreadableFiles.slice(0, 5).join(', ') + (r.unreadableFiles.length > 5 ? ` (+${r.unreadableFiles.length - 5})` : '');
    throw new AkHookError('E_GIT_FAILED', `cannot read ${r.unreadableFiles.length} tracked file(s): ${list}`, { files: r.unreadableFiles });
  }
  return r;
}
