import { loadConfig } from './allowlist/load';
import { prepareScan } from './allowlist/prepare';
import { loadBaseline } from './baseline/file';
import type { Rule } from './detect/types';
import type { BlobSource, GitBackend } from './git/backend';
import { dropLargeFiles } from './git/drop-large-files';
import { pickBackend } from './git/pick-backend';
import { findRepoRoot } from './git/repo';
import { selectPaths } from './git/select-paths';
import { scanFiles } from './scan/scan-files';
import type { CheckResult } from './scan/types';

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
  /** Today's date, for allow entries that expire. */
  now?: Date;
  /** Skip files whose staged blob is larger than this many bytes (overrides the config's maxFileSize). */
  maxFileSize?: number;
}

/** Reads what the commit will contain, detects, applies the allowlist. Never prints, never exits. */
export async function check(opts: CheckOptions): Promise<CheckResult> {
  const env = opts.env;
  const root = await findRepoRoot(opts.cwd, env);
  const backend = opts.backend ?? pickBackend(opts.gitBackend, env);
  let blobSource: BlobSource | null = null;
  const blobs = (): BlobSource => (blobSource ??= backend.openBlobReader({ root, env }));
  try {
    const [changes, loaded, baseline] = await Promise.all([
      // perf: a limit given as an option is known before the diff is read: the reader keeps no lines of larger files.
      backend.stagedChanges({ root, env, maxFileBytes: opts.maxFileSize }),
      loadConfig({ root, explicit: opts.configPath, blobs, cwd: opts.cwd }),
      loadBaseline(root, blobs),
    ]);
    let files = opts.paths && opts.paths.length > 0 ? selectPaths(changes.files, opts.paths, opts.cwd, root) : changes.files;
    const prep = prepareScan(loaded.config, {
      rules: opts.rules,
      now: opts.now,
      maxFileSize: opts.maxFileSize,
      baseline: baseline.fingerprints,
    });
    if (prep.include) files = files.filter((f) => prep.include!(f.path));
    const large =
      prep.maxFileSize !== undefined ? await dropLargeFiles(files, prep.maxFileSize, { root, env }) : { kept: files, tooLarge: [] };
    // perf: files the reader already found too large (their lines were not kept)
    const readerSkipped = files.filter((f) => f.tooLarge).map((f) => f.path);
    const result = await scanFiles(large.kept, { compiled: prep.compiled, allowlist: prep.allowlist, blobs });
    return {
      root,
      config: { source: loaded.source, file: loaded.file, lang: loaded.config.lang, maxFileSize: prep.maxFileSize },
      baseline: { source: baseline.source, file: baseline.file, entries: baseline.entries.length },
      largeSkipped: [...readerSkipped, ...large.tooLarge],
      ...result,
    };
  } finally {
    (blobSource as BlobSource | null)?.close();
  }
}
