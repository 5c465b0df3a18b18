import type { Rule } from '../detect/types';
import type { Suppression } from '../allowlist/apply';
import type { ConfigSource, ExpiredEntry } from '../config/types';
import type { Advice, Severity } from '../detect/types';
import type { Unscanned } from './unscannable';

/** One finding as the outside world sees it: the secret is masked, never whole. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  provider: string;
  severity: Severity;
  advice: Advice;
  file: string;
  line: number;
  column: number;
  /** Masked secret, e.g. `LTAI…Q9xZ`. */
  secret: string;
  fingerprint: string;
  /** The finding is the whole file (a private key file in binary form): no line of it can take an inline comment. */
  wholeFile?: true;
  suppressedBy?: Suppression;
  /** The other half of the same credential in this file (an id for a secret, a secret for an id). */
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  ruleId: string;
  line: number;
  column: number;
}

export interface ScanStats {
  filesChanged: number;
  filesScanned: number;
  linesScanned: number;
  /** Files git calls binary, scanned through their text runs (as `strings` finds them). */
  textRuns: string[];
  /** What could not be read, on every run: compressed or encrypted content, files over maxFileSize. */
  unscanned: Unscanned[];
  otherSkipped: number;
}

export interface ScanResult {
  findings: Finding[];
  suppressed: Finding[];
  expiredEntries: ExpiredEntry[];
  stats: ScanStats;
}

export interface CheckResult extends ScanResult {
  root: string;
  config: {
    source: ConfigSource;
    file?: string;
    lang?: 'en' | 'zh';
    maxFileSize?: number;
    /** The config's custom rules (for SARIF rule metadata); absent when it has none. */
    customRules?: readonly Rule[];
    verify?: import('../verify/config').VerifyConfig;
  };
  // allowlist / baseline area:
  /** Where the baseline came from and how many findings it holds. */
  baseline?: { source: 'index' | 'disk' | 'none'; file?: string; entries: number };
  /** Files skipped because their staged blob is larger than maxFileSize. */
  largeSkipped?: string[];
  /** What a config or baseline change in this commit suppresses, compared with HEAD's (issue 9). */
  configChange?: ConfigChange;
}

/** A finding the config at HEAD would block and the staged config lets through, and why. */
export interface UnblockedFinding extends Finding {
  unblockedBy: Suppression | { by: 'excluded' | 'rule-off' | 'rule-settings' };
}

export interface ConfigChange {
  /** The config files (and baseline) this commit adds, changes or deletes, or that apply untracked. */
  files: string[];
  /** Files of this commit the config at HEAD checked and the staged config does not. */
  excluded: string[];
  /** Rules the config at HEAD ran that the staged config turns off. */
  rulesOff: string[];
  /** Findings (masked) the config at HEAD would block that now pass. */
  allowed: UnblockedFinding[];
  /**
   * Commits mode (`check --range`, `--pre-push`): the commit whose config was compared with
   * (the parent of the oldest selected commit), null when that commit has no parent. Absent
   * for a commit's own check (compared with HEAD).
   */
  base?: string | null;
}
