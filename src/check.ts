import type { Rule } from './detect/types';
import type { GitBackend } from './git/backend';
import { dropLargeFiles } from './git/drop-large-files';
import { pickBackend } from './git/pick-backend';
import { findRepoRoot } from './git/repo';
import { selectPaths } from './git/select-paths';
import { configChange } from './scan/config-change';
import { scanFiles } from './scan/scan-files';
import { openSession, type ScanSession } from './scan/session';
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
  let session: ScanSession | null = null;
  const opening = openSession({ ...opts, root, openBlobs: (r) => backend.openBlobReader({ root: r, env }) }).then((s) => (session = s));
  try {
    const [changes, s] = await Promise.all([
      // A limit given as an option is known before the diff is read: the reader keeps no lines of larger files.
      backend.stagedChanges({ root, env, maxFileBytes: opts.maxFileSize }),
      opening,
    ]);
    const staged = opts.paths && opts.paths.length > 0 ? selectPaths(changes.files, opts.paths, opts.cwd, root) : changes.files;
    let files = staged;
    if (s.include) files = files.filter((f) => s.include!(f.path));
    const readerSkipped = files.filter((f) => f.tooLarge).map((f) => f.path);
    const large = s.maxFileSize !== undefined ? await dropLargeFiles(files, s.maxFileSize, { root, env }) : { kept: files, tooLarge: [] };
    // Files over the limit stay in the list without their lines: their names are still scanned,
    // and the scan lists them as not scanned.
    const dropped = new Set(large.tooLarge);
    for (const f of files) {
      if (!dropped.has(f.path)) continue;
      f.added = [];
      f.tooLarge = true;
    }
    const result = await scanFiles(files, { compiled: s.compiled, allowlist: s.allowlist, blobs: s.blobs });
    // A config change in this commit applies, and what it suppresses is reported (issue 9).
    const change = await configChange({ session: s, staged, changed: changes.files, result, rules: opts.rules, now: opts.now });
    return {
      root,
      config: s.config,
      baseline: s.baseline,
      largeSkipped: [...readerSkipped, ...large.tooLarge],
      ...result,
      ...(change ? { configChange: change } : {}),
    };
  } finally {
    await opening.catch(() => undefined);
    (session as ScanSession | null)?.close();
  }
}
