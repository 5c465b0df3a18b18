import picomatch from 'picomatch';
import type { AllowEntry, Config } from './types';

export type Suppression = { by: 'fingerprint' | 'path'; entry: number; reason?: string } | { by: 'inline' };

export interface Allowlist {
  /** The entry that suppresses this finding, if any (expired entries never do). */
  match(f: { ruleId: string; file: string; fingerprint: string }): Suppression | null;
  /** Entries that had expired and would otherwise have matched a finding. */
  expiredHits(): AllowEntry[];
}

/** Compiles the config's allow entries once per run. `today` is YYYY-MM-DD. */
export function compileAllowlist(config: Config, today: string): Allowlist {
  const compiled = config.allow.map((entry, index) => ({
    entry,
    index,
    expired: entry.expires !== undefined && entry.expires <= today,
    path: entry.path ? picomatch(entry.path, { dot: true }) : null,
  }));
  const expired = new Set<number>();
  return {
    match(f) {
      for (const c of compiled) {
        const e = c.entry;
        if (e.rule && e.rule !== f.ruleId) continue;
        if (e.fingerprint && e.fingerprint !== f.fingerprint) continue;
        if (c.path && !c.path(f.file)) continue;
        if (c.expired) {
          expired.add(c.index);
          continue;
        }
        return { by: e.fingerprint ? 'fingerprint' : 'path', entry: c.index, reason: e.reason };
      }
      return null;
    },
    expiredHits() {
      return [...expired].sort((a, b) => a - b).map((i) => config.allow[i]);
    },
  };
}
