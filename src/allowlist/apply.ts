import { glob } from './glob';
import type { SecretKind } from '../detect/types';
import { fingerprintMatches, SCHEMES, type FingerprintScheme } from './fingerprint';
import type { AllowEntry, Config, ExpiredEntry } from '../config/types';
import { userRegexTest } from '../config/user-regex';

export type Suppression =
  { by: 'fingerprint' | 'path' | 'regex' | 'stopword'; entry: number; reason?: string } | { by: 'inline' } | { by: 'baseline' };

export interface AllowTarget {
  ruleId: string;
  file: string;
  fingerprint: string;
  /** For a file read inside an archive (`<archive>!/<entry>`): the archive's path. A `path` entry that matches it covers its entries. */
  archive?: string;
}

export interface Allowlist {
  /**
   * The entry that suppresses this finding, if any (expired entries never do). `secret` is
   * the raw secret, for regex and stopword entries (and, with `kind`, for fingerprints of an
   * older scheme); it is tested, never kept.
   */
  match(f: AllowTarget, secret?: string, kind?: SecretKind): Suppression | null;
  /** Entries that had expired and would otherwise have allowed a finding. */
  expiredHits(): ExpiredEntry[];
  /** Entries that matched no finding so far (for stale-entry reports). */
  unused(): ExpiredEntry[];
}

interface Compiled {
  entry: AllowEntry;
  index: number;
  expired: boolean;
  path: ((p: string) => boolean) | null;
  /** Run on re2js (linear time): see config/user-regex. */
  regex: string | null;
  stopword: string | null;
}

function matches(
  c: Compiled,
  f: AllowTarget,
  secret: string | undefined,
  kind: SecretKind | undefined,
  schemes: readonly FingerprintScheme[],
): boolean {
  const e = c.entry;
  if (e.rule && e.rule !== f.ruleId) return false;
  if (e.fingerprint && !fingerprintMatches(e.fingerprint, f, secret, kind, schemes)) return false;
  if (c.path && !c.path(f.file) && !(f.archive !== undefined && c.path(f.archive))) return false;
  if (c.regex && (secret === undefined || !userRegexTest(c.regex, secret))) return false;
  if (c.stopword && (secret === undefined || !secret.toLowerCase().includes(c.stopword))) return false;
  return true;
}

function kindOf(e: AllowEntry): 'fingerprint' | 'path' | 'regex' | 'stopword' {
  return e.fingerprint ? 'fingerprint' : e.regex ? 'regex' : e.stopword ? 'stopword' : 'path';
}

/** Compiles the config's allow entries once per run. `today` is YYYY-MM-DD. */
export function compileAllowlist(config: Config, today: string, schemes: readonly FingerprintScheme[] = SCHEMES): Allowlist {
  const compiled: Compiled[] = config.allow.map((entry, index) => ({
    entry,
    index,
    expired: entry.expires !== undefined && entry.expires <= today,
    path: entry.path ? glob(entry.path, { dot: true }) : null,
    regex: entry.regex ? entry.regex : null,
    stopword: entry.stopword ? entry.stopword.toLowerCase() : null,
  }));
  const expired = new Set<number>();
  const used = new Set<number>();
  const list = (ids: Iterable<number>): ExpiredEntry[] => [...ids].sort((a, b) => a - b).map((i) => ({ ...config.allow[i], index: i }));
  return {
    match(f, secret, kind) {
      const stale: number[] = [];
      for (const c of compiled) {
        if (!matches(c, f, secret, kind, schemes)) continue;
        if (c.expired) {
          stale.push(c.index);
          continue;
        }
        used.add(c.index);
        return { by: kindOf(c.entry), entry: c.index, ...(c.entry.reason !== undefined ? { reason: c.entry.reason } : {}) };
      }
      for (const i of stale) expired.add(i);
      return null;
    },
    expiredHits: () => list(expired),
    unused: () => list(compiled.filter((c) => !used.has(c.index) && !expired.has(c.index)).map((c) => c.index)),
  };
}
