import { compileAllowlist, type Allowlist } from '../allowlist/apply';
import { loadConfig } from '../allowlist/load';
import type { ConfigSource } from '../allowlist/types';
import { compileRules, type CompiledRules } from '../detect/engine';
import { RULES } from '../detect/rules';
import type { Rule } from '../detect/types';
import type { BlobSource } from '../git/backend';
import { BlobReader } from '../git/cat-file';
import { findRepoRoot } from '../git/repo';

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
  config: { source: ConfigSource; file?: string };
  compiled: CompiledRules;
  allowlist: Allowlist;
  blobs: () => BlobSource;
  close(): void;
}

/** Opens a session; the caller must close() it (the blob reader is a git process). */
export async function openSession(opts: SessionOptions): Promise<ScanSession> {
  const root = await findRepoRoot(opts.cwd, opts.env);
  let reader: BlobSource | null = null;
  const blobs = (): BlobSource => (reader ??= new BlobReader(root, opts.env));
  try {
    const loaded = await loadConfig({ root, explicit: opts.configPath, blobs, cwd: opts.cwd });
    return {
      root,
      config: { source: loaded.source, file: loaded.file },
      compiled: compileRules(opts.rules ?? RULES),
      allowlist: compileAllowlist(loaded.config, (opts.now ?? new Date()).toISOString().slice(0, 10)),
      blobs,
      close: () => (reader as BlobSource | null)?.close(),
    };
  } catch (e) {
    (reader as BlobSource | null)?.close();
    throw e;
  }
}
