import { createHash, scryptSync } from 'node:crypto';
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

/** A password repeated across files (compose, .env, CI) is hashed once per run. */
const slowCache = new Map<string, string>();

export function fingerprint(ruleId: string, secret: string, kind: SecretKind): string {
  const input = `ak-hook/fp/v1\0${ruleId}\0${secret}`;
  if (kind === 'password') {
    let fp = slowCache.get(input);
    if (fp === undefined) slowCache.set(input, (fp = compute(ruleId, input, kind)));
    return fp;
  }
  return compute(ruleId, input, kind);
}

function compute(ruleId: string, input: string, kind: SecretKind): string {
  const digest =
    kind === 'password'
      ? scryptSync(input, `ak-hook/salt/v1/${ruleId}`, 16, { N: 1 << 12, r: 8, p: 1 })
      : createHash('sha256').update(input, 'utf8').digest().subarray(0, 16);
  return `${FINGERPRINT_PREFIX}:${digest.toString('hex')}`;
}

export const FINGERPRINT_RE = /^akfp1:[0-9a-f]{32}$/;
