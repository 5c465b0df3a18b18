import type { Allowlist } from '../allowlist/apply';
import { loadConfig } from '../allowlist/load';
import { prepareScan } from '../allowlist/prepare';
import { loadBaseline } from '../baseline/file';
import type { CompiledRules } from '../detect/engine';
import type { Rule } from '../detect/types';
import type { BlobSource } from '../git/backend';
import { BlobReader } from '../git/cat-file';
import { findRepoRoot } from '../git/repo';
import type { CheckResult } from './types';

export interface SessionOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Explicit config file (overrides discovery). */
  configPath?: string;
  rules?: readonly Rule[];
  /** Today's date, for allow entries that expire. */
  now?: Date;
}

/** Everything a scan of commits or trees needs besides the files: rules, allowlist, a blob reader. */
export interface ScanSession {
  root: string;
  config: CheckResult['config'];
  baseline: NonNullable<CheckResult['baseline']>;
  compiled: CompiledRules;
  allowlist: Allowlist;
  /** Paths the config wants checked (null: all). */
  include: ((path: string) => boolean) | null;
  maxFileSize?: number;
  blobs: () => BlobSource;
  close(): void;
}

/**
 * Opens a session with the config and baseline applied exactly as `check` applies them;
 * the caller must close() it (the blob reader is a git process).
 */
export async function openSession(opts: SessionOptions): Promise<ScanSession> {
  const root = await findRepoRoot(opts.cwd, opts.env);
  let reader: BlobSource | null = null;
  const blobs = (): BlobSource => (reader ??= new BlobReader(root, opts.env));
  try {
    const [loaded, baseline] = await Promise.all([
      loadConfig({ root, explicit: opts.configPath, blobs, cwd: opts.cwd }),
      loadBaseline(root, blobs),
    ]);
    const prep = prepareScan(loaded.config, { rules: opts.rules, now: opts.now, baseline: baseline.fingerprints });
    return {
      root,
      config: { source: loaded.source, file: loaded.file, lang: loaded.config.lang, maxFileSize: prep.maxFileSize },
      baseline: { source: baseline.source, file: baseline.file, entries: baseline.entries.length },
      ...prep,
      blobs,
      close: () => (reader as BlobSource | null)?.close(),
    };
  } catch (e) {
    (reader as BlobSource | null)?.close();
    throw e;
  }
}
