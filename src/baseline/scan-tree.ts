import type { ExpiredEntry, LoadedConfig } from '../allowlist/types';
import { loadConfig } from '../allowlist/load';
import { prepareScan } from '../allowlist/prepare';
import { BlobReader } from '../git/cat-file';
import { findRepoRoot } from '../git/repo';
import { trackedFiles } from '../git/tracked-files';
import { scanFiles } from '../scan/scan-files';
import type { Finding } from '../scan/types';
import { loadBaseline, type LoadedBaseline } from './file';

export interface TreeScan {
  root: string;
  config: LoadedConfig;
  baseline: LoadedBaseline | null;
  findings: Finding[];
  suppressed: Finding[];
  tooLarge: string[];
  /** Allow entries that matched nothing in the tracked files. */
  unusedEntries: ExpiredEntry[];
  /** Baselined fingerprints that no tracked file holds any more. */
  unusedBaseline: number;
}

/**
 * Scans every tracked file as the index holds it, with the config applied (and the baseline
 * when `useBaseline`), through the same pipeline as the staged check.
 */
export async function scanTrackedTree(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  configPath?: string;
  useBaseline: boolean;
  now?: Date;
}): Promise<TreeScan> {
  const root = await findRepoRoot(opts.cwd, opts.env);
  let reader: BlobReader | null = null;
  const blobs = (): BlobReader => (reader ??= new BlobReader(root, opts.env));
  try {
    const config = await loadConfig({ root, explicit: opts.configPath, blobs, cwd: opts.cwd });
    const baseline = opts.useBaseline ? await loadBaseline(root, blobs) : null;
    const prep = prepareScan(config.config, { now: opts.now, baseline: baseline?.fingerprints });
    const out: TreeScan = { root, config, baseline, findings: [], suppressed: [], tooLarge: [], unusedEntries: [], unusedBaseline: 0 };
    const batches = trackedFiles({ root, env: opts.env, include: prep.include ?? undefined, maxFileSize: prep.maxFileSize }, out.tooLarge);
    for await (const files of batches) {
      const r = await scanFiles(files, { compiled: prep.compiled, allowlist: prep.allowlist, blobs });
      out.findings.push(...r.findings);
      out.suppressed.push(...r.suppressed);
    }
    out.unusedEntries = prep.allowlist.unused();
    if (baseline) {
      const seen = new Set(out.suppressed.filter((f) => f.suppressedBy?.by === 'baseline').map((f) => f.fingerprint));
      out.unusedBaseline = [...baseline.fingerprints].filter((fp) => !seen.has(fp)).length;
    }
    return out;
  } finally {
    (reader as BlobReader | null)?.close();
  }
}
