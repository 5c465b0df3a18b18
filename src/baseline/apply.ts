import type { Allowlist } from '../allowlist/apply';

/** The allowlist, then the baseline: a finding whose fingerprint is baselined is ignored wherever it moved. */
export function withBaseline(allowlist: Allowlist, fingerprints: ReadonlySet<string>): Allowlist {
  if (fingerprints.size === 0) return allowlist;
  return {
    ...allowlist,
    match(f, secret) {
      return allowlist.match(f, secret) ?? (fingerprints.has(f.fingerprint) ? { by: 'baseline' } : null);
    },
  };
}
