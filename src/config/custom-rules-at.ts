import type { Rule } from '../detect/types';
import { isAkHookError } from '../errors';
import { BlobReader } from '../git/cat-file';
import { findRepoRoot } from '../git/repo';
import { loadConfig } from './load';
import { customRulesOf } from './prepare';

/**
 * The custom rules of the config that applies here (for `ak-hook rules`): none outside a
 * repository unless `--config` names a file. An invalid config throws (exit 2), as for a scan.
 */
export async function customRulesHere(cwd: string, env: NodeJS.ProcessEnv, explicit?: string): Promise<Rule[]> {
  let root: string;
  try {
    root = await findRepoRoot(cwd, env);
  } catch (e) {
    if (!explicit && isAkHookError(e) && e.code === 'E_NOT_A_REPO') return [];
    if (!explicit) throw e;
    root = cwd;
  }
  let reader: BlobReader | null = null;
  try {
    const loaded = await loadConfig({ root, explicit, cwd, blobs: () => (reader ??= new BlobReader(root, env)) });
    return customRulesOf(loaded.config);
  } finally {
    (reader as BlobReader | null)?.close();
  }
}
