import { scanTree, type TreeScanResult } from '../scan-tree';
import type { CommandInput } from './command';

/** The tracked files as the index holds them, with the command's --config: what baseline and stale read. */
export function scanIndex({ values, ctx }: CommandInput, useBaseline: boolean): Promise<TreeScanResult> {
  return scanTree({ cwd: ctx.cwd, env: ctx.env, configPath: values.config as string | undefined, useBaseline, source: 'index' });
}
