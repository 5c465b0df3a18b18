import { isAkHookError } from './errors';
import { dropLargeFiles } from './git/drop-large-files';
import { trackedFiles } from './git/tracked-files';
import { readHeadTree, type TreeSource } from './git/tree';
import type { StagedFile } from './git/types';
import { emptyStats, scanFiles } from './scan/scan-files';
import { openSession } from './scan/session';
import type { SessionOptions } from './scan/session';
import type { ExpiredEntry } from './config/types';
import type { CheckResult, ScanResult } from './scan/types';

export type { TreeSource };

export interface ScanTreeOptions extends SessionOptions {
  /** HEAD's tree (default) or the index. */
  source?: TreeSource;
}

export interface TreeScanResult extends CheckResult {
  /** Allow entries that matched nothing in the tracked files (stale). */
  unusedEntries: ExpiredEntry[];
  /** Baselined fingerprints that no tracked file holds any more. */
  unusedBaseline: number;
  /** Tracked files whose object could not be read (`path (object id)`): the scan is incomplete. */
  unreadableFiles: string[];
}

/** Scans every line of every tracked file, with the config and baseline applied. Never prints, never exits. */
export async function scanTree(opts: ScanTreeOptions): Promise<TreeScanResult> {
  const s = await openSession(opts);
  try {
    const env = opts.env;
    const largeSkipped: string[] = [];
    const unreadableFiles: string[] = [];
    const batches: AsyncIterable<StagedFile[]> =
      opts.source === 'index'
        ? trackedFiles({ root: s.root, env, include: s.include ?? undefined, maxFileSize: s.maxFileSize }, largeSkipped, unreadableFiles)
        : headBatch(s.root, env, s.include, s.maxFileSize, largeSkipped, unreadableFiles);
    const total: ScanResult = {
      findings: [],
      suppressed: [],
      expiredEntries: [],
      stats: emptyStats(),
    };
    for await (const files of batches) {
      const r = await scanFiles(files, { compiled: s.compiled, allowlist: s.allowlist, blobs: s.blobs, lfs: s.lfs });
      total.findings.push(...r.findings);
      total.suppressed.push(...r.suppressed);
      for (const k of ['filesChanged', 'filesScanned', 'linesScanned', 'otherSkipped'] as const) total.stats[k] += r.stats[k];
      total.stats.textRuns.push(...r.stats.textRuns);
      total.stats.unscanned.push(...r.stats.unscanned);
    }
    total.expiredEntries = s.allowlist.expiredHits();
    total.stats.unscanned.push(...largeSkipped.map((path) => ({ path, reason: 'too-large' as const })));
    const baselinedSeen = new Set(total.suppressed.filter((f) => f.suppressedBy?.by === 'baseline').map((f) => f.fingerprint));
    return {
      root: s.root,
      config: s.config,
      baseline: s.baseline,
      largeSkipped,
      ...total,
      unusedEntries: s.allowlist.unused(),
      unusedBaseline: [...s.baselined].filter((fp) => !baselinedSeen.has(fp)).length,
      unreadableFiles,
    };
  } finally {
    s.close();
  }
}

/** HEAD's tree in one batch (read as one patch against the empty tree). */
async function* headBatch(
  root: string,
  env: NodeJS.ProcessEnv,
  include: ((path: string) => boolean) | null,
  maxFileSize: number | undefined,
  largeSkipped: string[],
  unreadable: string[],
): AsyncGenerator<StagedFile[]> {
  let files: StagedFile[];
  try {
    files = await readHeadTree({ root, env });
  } catch (e) {
    // A missing object (a partial or damaged clone) stops the one patch: read the tree's blobs
    // one by one instead, and name the ones that cannot be read (issue 9).
    if (!isAkHookError(e) || e.code !== 'E_GIT_FAILED') throw e;
    yield* trackedFiles({ root, env, include: include ?? undefined, maxFileSize, tree: 'HEAD' }, largeSkipped, unreadable);
    return;
  }
  if (include) files = files.filter((f) => include(f.path));
  if (maxFileSize !== undefined) {
    const r = await dropLargeFiles(files, maxFileSize, { root, env });
    largeSkipped.push(...r.tooLarge);
    files = r.kept;
  }
  yield files;
}
