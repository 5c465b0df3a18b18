import { compileAllowlist } from './allowlist/apply';
import { loadConfig } from './allowlist/load';
import { compileRules } from './detect/engine';
import { RULES } from './detect/rules';
import type { Rule } from './detect/types';
import type { BlobSource, GitBackend } from './git/backend';
import { pickBackend } from './git/pick-backend';
import { findRepoRoot } from './git/repo';
import { selectPaths } from './git/select-paths';
import { scanFiles } from './scan/scan-files';
import type { CheckResult } from './scan/types';

/** Above this many added bytes a file is skipped with a note (memory stays bounded; see README). */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

export type { CheckResult, Finding, ScanStats as CheckStats } from './scan/types';

export interface CheckOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Only these files' staged changes (absolute or relative to cwd). */
  paths?: readonly string[];
  /** Explicit config file (overrides discovery). */
  configPath?: string;
  backend?: GitBackend;
  /** Which git reader when `backend` is not given: native, isomorphic or auto (default: native when git is on PATH). */
  gitBackend?: string;
  rules?: readonly Rule[];
  /** Files adding more bytes than this are not scanned, and reported (default 64 MiB). */
  maxFileSize?: number;
  /** Today's date, for allow entries that expire. */
  now?: Date;
}

/** Reads what the commit will contain, detects, applies the allowlist. Never prints, never exits. */
export async function check(opts: CheckOptions): Promise<CheckResult> {
  const env = opts.env;
  const root = await findRepoRoot(opts.cwd, env);
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const backend = opts.backend ?? pickBackend(opts.gitBackend, env);
  let blobSource: BlobSource | null = null;
  const blobs = (): BlobSource => (blobSource ??= backend.openBlobReader({ root, env }));
  try {
    const [changes, loaded] = await Promise.all([
      backend.stagedChanges({ root, env, maxFileBytes: maxFileSize }),
      loadConfig({ root, explicit: opts.configPath, blobs, cwd: opts.cwd }),
    ]);
    const files = opts.paths && opts.paths.length > 0 ? selectPaths(changes.files, opts.paths, opts.cwd, root) : changes.files;
    const compiled = compileRules(opts.rules ?? RULES);
    const allowlist = compileAllowlist(loaded.config, (opts.now ?? new Date()).toISOString().slice(0, 10));
    const result = await scanFiles(files, { compiled, allowlist, blobs });
    return { root, config: { source: loaded.source, file: loaded.file }, maxFileSize, ...result };
  } finally {
    (blobSource as BlobSource | null)?.close();
  }
}
