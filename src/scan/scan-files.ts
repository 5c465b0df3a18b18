import type { Allowlist } from '../allowlist/apply';
import type { CompiledRules } from '../detect/engine';
import type { LfsStore } from '../git/lfs';
import type { BlobSource } from '../git/backend';
import type { StagedFile } from '../git/types';
import { FileScanner } from './file-scanner';
import type { ScanResult } from './types';

export { FileScanner } from './file-scanner';
export { emptyStats, toFinding } from './to-finding';

export interface ScanFilesOptions {
  compiled: CompiledRules;
  allowlist: Allowlist;
  /** Reads blobs by object id (for context and UTF-16 files); opened on first use. */
  blobs: () => BlobSource;
  /** Reads Git LFS objects (a pointer file is scanned as the object it names); none: pointers are read as they are. */
  lfs?: LfsStore;
}

/**
 * Scans a set of changed files, wherever they came from (the staged diff, a commit range,
 * the tracked tree), and sorts findings into blocking and suppressed ones. A reader that
 * hands files over one at a time uses FileScanner directly (add each, then finish).
 */
export async function scanFiles(files: readonly StagedFile[], opts: ScanFilesOptions): Promise<ScanResult> {
  const scanner = new FileScanner(opts);
  for (const file of files) await scanner.add(file);
  return scanner.finish();
}
