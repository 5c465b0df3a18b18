import type { Rule } from './detect/types';
import type { GitBackend } from './git/backend';
import { pickBackend } from './git/pick-backend';
import { findRepoRoot } from './git/repo';
import { localFirst } from './git/worktree-blob';
import { configChange } from './scan/config-change';
import { scanStaged } from './scan/scan-staged';
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
  const opening = openSession({ ...opts, root, openBlobs: (r) => localFirst(backend.openBlobReader({ root: r, env }), r, env) }).then(
    (s) => (session = s),
  );
  try {
    // Each file is scanned as soon as git has given all its lines (issue 11: git and the scan overlap).
    const got = await scanStaged({ backend, root, env, cwd: opts.cwd, paths: opts.paths, maxFileSize: opts.maxFileSize, opening });
    const s = await opening;
    // A config change in this commit applies, and what it suppresses is reported (issue 9).
    const change = await configChange({
      session: s,
      staged: got.staged,
      changed: got.changed,
      result: got.result,
      rules: opts.rules,
      now: opts.now,
      head: got.head,
    });
    return {
      root,
      config: s.config,
      baseline: s.baseline,
      largeSkipped: got.largeSkipped,
      ...got.result,
      ...(change ? { configChange: change } : {}),
    };
  } finally {
    await opening.catch(() => undefined);
    (session as ScanSession | null)?.close();
  }
}
