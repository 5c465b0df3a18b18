import { readTree, type TreeSource } from './git/tree';
import { scanFiles } from './scan/scan-files';
import { openSession, type SessionOptions } from './scan/session';
import type { CheckResult } from './scan/types';

export type { TreeSource };

export interface ScanTreeOptions extends SessionOptions {
  /** HEAD's tree (default) or the index. */
  source?: TreeSource;
}

/** Scans every line of every tracked file. Never prints, never exits. */
export async function scanTree(opts: ScanTreeOptions): Promise<CheckResult> {
  const s = await openSession(opts);
  try {
    const files = await readTree(opts.source ?? 'head', { root: s.root, env: opts.env });
    const r = await scanFiles(files, { compiled: s.compiled, allowlist: s.allowlist, blobs: s.blobs });
    return { root: s.root, config: s.config, ...r };
  } finally {
    s.close();
  }
}
