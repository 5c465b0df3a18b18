import { createHash, scryptSync } from '../text/crypto';
import type { SecretKind } from '../detect/types';

/**
 * Content-addressed fingerprint of a finding: derived from the rule and the secret only,
 * so it survives moved lines and renamed files, changes when the secret changes, and
 * needs no commit. It never holds the secret.
 *
 * - `key` secrets (long random strings) use SHA-256 over a domain-separated input,
 *   truncated to 128 bits: a random 30-character secret cannot be recovered from it.
 * - `password` secrets may be guessable, so they go through scrypt (N=2^12, r=8: 4 MiB of
 *   memory and ~5 ms per guess on one core), salted with the rule id. Measured: N=2^14 cost
 *   ~25–35 ms per finding, 5 s for a commit with 200 passwords (a dump, a fixture file);
 *   N=2^12 makes that ~1 s while a dictionary attack still pays a memory-hard hash per guess.
 *   (An allowed password sits in the repository next to its entry anyway: the slow hash
 *   protects entries that outlive or travel without their secret.)
 */
export const FINGERPRINT_PREFIX = 'akfp1';

/**
 * One way of making fingerprints. The prefix names it, so a stored fingerprint says which
 * scheme made it: a future scheme is appended to SCHEMES (and becomes the one new findings
 * get), and entries and baselines written with an older one keep matching, because the
 * finding is then fingerprinted the old way too and compared (see fingerprintMatches).
 * Never change a published scheme: test/unit/fingerprint-stable.test.ts pins its values.
 */
export interface FingerprintScheme {
  prefix: string;
  /** The digest (without the prefix). */
  digest(ruleId: string, secret: string, kind: SecretKind): Buffer;
}

const V1: FingerprintScheme = {
  prefix: FINGERPRINT_PREFIX,
  digest(ruleId, secret, kind) {
    const input = `ak-hook/fp/v1\0${ruleId}\0${secret}`;
    return kind === 'password'
      ? scryptSync(input, `ak-hook/salt/v1/${ruleId}`, 16, { N: 1 << 12, r: 8, p: 1 })
      : createHash('sha256').update(input, 'utf8').digest().subarray(0, 16);
  },
};

/** Every scheme ever published, oldest first; the last one makes new fingerprints. */
export const SCHEMES: readonly FingerprintScheme[] = [V1];

/** A password repeated across files (compose, .env, CI) is hashed once per run. */
const slowCache = new Map<string, string>();

export function fingerprint(ruleId: string, secret: string, kind: SecretKind, schemes: readonly FingerprintScheme[] = SCHEMES): string {
  return fingerprintWith(schemes[schemes.length - 1], ruleId, secret, kind);
}

function fingerprintWith(scheme: FingerprintScheme, ruleId: string, secret: string, kind: SecretKind): string {
  const compute = () => `${scheme.prefix}:${scheme.digest(ruleId, secret, kind).toString('hex')}`;
  if (kind !== 'password') return compute();
  const key = `${scheme.prefix}\0${ruleId}\0${secret}`;
  let fp = slowCache.get(key);
  if (fp === undefined) slowCache.set(key, (fp = compute()));
  return fp;
}

/** The scheme prefix of a stored fingerprint (`akfp1`). */
export function schemeOf(stored: string): string {
  return stored.slice(0, Math.max(0, stored.indexOf(':')));
}

/**
 * Whether a stored fingerprint (an allow entry, a baseline line) is this finding's: equal to
 * its current fingerprint, or made from the same secret by the older scheme it names.
 */
export function fingerprintMatches(
  stored: string,
  f: { ruleId: string; fingerprint: string },
  secret: string | undefined,
  kind: SecretKind | undefined,
  schemes: readonly FingerprintScheme[] = SCHEMES,
): boolean {
  const current = schemes[schemes.length - 1];
  if (schemeOf(stored) === current.prefix) return stored === f.fingerprint;
  const old = schemes.find((s) => s.prefix === schemeOf(stored));
  if (!old || secret === undefined || kind === undefined) return false;
  return fingerprintWith(old, f.ruleId, secret, kind) === stored;
}

/** A fingerprint of any published scheme. */
export const FINGERPRINT_RE = new RegExp(`^(?:${SCHEMES.map((s) => s.prefix).join('|')}):[0-9a-f]{32}$`);
