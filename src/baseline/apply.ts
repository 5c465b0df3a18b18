import type { Allowlist } from '../allowlist/apply';
import { fingerprintMatches, schemeOf, SCHEMES, type FingerprintScheme } from '../allowlist/fingerprint';

/**
 * The allowlist, then the baseline: a finding whose fingerprint is baselined is ignored wherever
 * it moved. A baseline written with an older fingerprint scheme keeps working.
 */
export function withBaseline(
  allowlist: Allowlist,
  fingerprints: ReadonlySet<string>,
  schemes: readonly FingerprintScheme[] = SCHEMES,
): Allowlist {
  if (fingerprints.size === 0) return allowlist;
  const current = schemes[schemes.length - 1].prefix;
  const older = [...fingerprints].filter((fp) => schemeOf(fp) !== current);
  const baselined = (f: Parameters<Allowlist['match']>[0], secret?: string, kind?: Parameters<Allowlist['match']>[2]): boolean =>
    fingerprints.has(f.fingerprint) || older.some((fp) => fingerprintMatches(fp, f, secret, kind, schemes));
  return {
    ...allowlist,
    match(f, secret, kind) {
      return allowlist.match(f, secret, kind) ?? (baselined(f, secret, kind) ? { by: 'baseline' } : null);
    },
  };
}
