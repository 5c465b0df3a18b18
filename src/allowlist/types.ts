export interface AllowEntry {
  /** Content-addressed fingerprint (akfp1:…) of exactly one secret under one rule. */
  fingerprint?: string;
  /** picomatch glob on the repository-relative path (forward slashes, dot files included). */
  path?: string;
  /** Restrict a path entry to one rule. */
  rule?: string;
  reason?: string;
  /** ISO date (YYYY-MM-DD); from that day on the entry no longer suppresses. */
  expires?: string;
}

export interface Config {
  allow: AllowEntry[];
}

export interface ConfigProblem {
  /** JSON path of the bad value, e.g. `allow[2].fingerprint`. */
  at: string;
  message: string;
  hint?: string;
}

export type ConfigSource = 'index' | 'disk' | 'explicit' | 'none';

export interface LoadedConfig {
  config: Config;
  source: ConfigSource;
  /** Repository-relative (or as given) file the config came from. */
  file?: string;
}
