import type { Allowlist } from '../allowlist/apply';
import { loadConfig } from '../config/load';
import { customRulesOf, prepareScan } from '../config/prepare';
import { loadBaseline, type LoadedBaseline } from '../baseline/file';
import type { CompiledRules } from '../detect/engine';
import type { Rule } from '../detect/types';
import type { Config } from '../config/types';
import type { BlobSource } from '../git/backend';
import { BlobReader } from '../git/cat-file';
import { lfsStore, type LfsStore } from '../git/lfs';
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
  /** Skip files larger than this many bytes (overrides the config's maxFileSize). */
  maxFileSize?: number;
  /** Apply the baseline file (default: yes; `ak-hook baseline` itself scans without it). */
  useBaseline?: boolean;
  /** The work-tree root, when the caller already knows it. */
  root?: string;
  /** How blobs are read (default: `git cat-file --batch`); a backend passes its own reader. */
  openBlobs?: (root: string) => BlobSource;
}

/** Everything a scan needs besides the files: rules, allowlist (with the baseline), a blob reader. */
export interface ScanSession {
  root: string;
  config: CheckResult['config'];
  baseline: NonNullable<CheckResult['baseline']>;
  /** Fingerprints in the baseline (empty when not used). */
  baselined: ReadonlySet<string>;
  /** The config as loaded (to compare it with the one at HEAD). */
  settings: Config;
  compiled: CompiledRules;
  allowlist: Allowlist;
  /** Paths the config wants checked (null: all). */
  include: ((path: string) => boolean) | null;
  maxFileSize?: number;
  blobs: () => BlobSource;
  /** Git LFS objects, read when a pointer file is met. */
  lfs: LfsStore;
  close(): void;
}

const NO_BASELINE: LoadedBaseline = { entries: [], fingerprints: new Set(), source: 'none' };

/**
 * Opens a session with the config and baseline applied the same way for every scan (check,
 * ranges, history, tree, baseline, stale); the caller must close() it (the blob reader is a
 * git process, started only when something is read).
 */
export async function openSession(opts: SessionOptions): Promise<ScanSession> {
  const root = opts.root ?? (await findRepoRoot(opts.cwd, opts.env));
  const open = opts.openBlobs ?? ((r: string) => new BlobReader(r, opts.env));
  let reader: BlobSource | null = null;
  const blobs = (): BlobSource => (reader ??= open(root));
  try {
    const [loaded, baseline] = await Promise.all([
      loadConfig({ root, explicit: opts.configPath, blobs, cwd: opts.cwd }),
      opts.useBaseline === false ? NO_BASELINE : loadBaseline(root, blobs),
    ]);
    const prep = prepareScan(loaded.config, {
      rules: opts.rules,
      now: opts.now,
      maxFileSize: opts.maxFileSize,
      baseline: baseline.fingerprints,
    });
    return {
      root,
      config: {
        source: loaded.source,
        file: loaded.file,
        lang: loaded.config.lang,
        maxFileSize: prep.maxFileSize,
        ...(loaded.config.customRules?.length ? { customRules: customRulesOf(loaded.config) } : {}),
        verify: loaded.config.verify,
      },
      baseline: { source: baseline.source, file: baseline.file, entries: baseline.entries.length },
      baselined: baseline.fingerprints,
      settings: loaded.config,
      ...prep,
      blobs,
      lfs: lfsStore(root, opts.env),
      close: () => (reader as BlobSource | null)?.close(),
    };
  } catch (e) {
    (reader as BlobSource | null)?.close();
    throw e;
  }
}
