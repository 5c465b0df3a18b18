export interface AllowEntry {
  /** Content-addressed fingerprint (akfp1:…) of exactly one secret under one rule. */
  fingerprint?: string;
  /** picomatch glob on the repository-relative path (forward slashes, dot files included). */
  path?: string;
  /** JavaScript regular expression tested against the secret (never stored in output). */
  regex?: string;
  /** Case-insensitive word; a secret containing it is allowed (e.g. "example"). */
  stopword?: string;
  /** Restrict the entry to one rule. */
  rule?: string;
  reason?: string;
  /** ISO date (YYYY-MM-DD); from that day on the entry no longer suppresses. */
  expires?: string;
}

/** Per-rule settings: `false` disables a rule; an object changes its options. */
export interface RuleSettings {
  enabled?: boolean;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  minEntropy?: number;
  /** Minimum number of character classes (upper, lower, digit). */
  minClasses?: number;
}

export type Lang = 'en' | 'zh';

/** A team's own rule (see config/custom-rules.ts and the README's "Custom rules"). */
export interface CustomRuleSpec {
  /** Lower-case words joined by "-", not a built-in id. */
  id: string;
  name?: string;
  description?: string;
  /** A line is tried only when it holds one of these (any case). */
  keywords: string[];
  /** RE2 syntax (linear time); the named group `secret` is the secret. */
  pattern: string;
  minEntropy?: number;
  minClasses?: number;
  severity?: 'critical' | 'high' | 'medium';
  /** `password` gives a slow, salted fingerprint (default `key`). */
  kind?: 'key' | 'password';
  /** Lines the rule must report and must not report; `{{alnum:32}}` tokens are filled at load. */
  examples: { positive: string[]; negative?: string[] };
}

export interface Config {
  allow: AllowEntry[];
  rules?: Record<string, boolean | RuleSettings>;
  customRules?: CustomRuleSpec[];
  /** Only files matching one of these globs are checked (default: all). */
  paths?: string[];
  /** Files matching one of these globs are never checked. */
  exclude?: string[];
  /** Files whose staged blob is larger (bytes) are skipped, with a note. */
  maxFileSize?: number;
  lang?: Lang;
  /** Live checks (issue 13): off unless turned on. */
  verify?: import('../verify/config').VerifyConfig;
}

export interface ConfigProblem {
  /** JSON path of the bad value, e.g. `allow[2].fingerprint`. */
  at: string;
  /** The English words (the CLI renders `id` + `args` in the user's language). */
  message: string;
  hint?: string;
  /** Stable id of the words (src/report/messages/config-en.ts), e.g. `unknownKey`. */
  id?: string;
  /** The data the words are built from (values already shown as JSON). */
  args?: Record<string, string | number>;
}

export type ConfigSource = 'index' | 'HEAD' | 'disk' | 'explicit' | 'none';

export interface LoadedConfig {
  config: Config;
  source: ConfigSource;
  /** Repository-relative (or as given) file the config came from. */
  file?: string;
}

/** An allow entry that had expired and would otherwise have allowed a finding. */
export interface ExpiredEntry extends AllowEntry {
  /** Position in the config's `allow` list (0-based), shown as `allow[N]`. */
  index: number;
}
