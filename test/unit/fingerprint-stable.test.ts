/**
 * Fingerprints are stored by users (allow entries, baselines): their values must never change
 * by accident, and a deliberate new scheme must keep every stored one matching (issue 9).
 */
import { createHash } from 'node:crypto';
import { compileAllowlist } from '../../src/allowlist/apply';
import { fingerprint, fingerprintMatches, FINGERPRINT_RE, SCHEMES, type FingerprintScheme } from '../../src/allowlist/fingerprint';
import { withBaseline } from '../../src/baseline/apply';

describe('published fingerprints are pinned to exact values', () => {
  // Fixed inputs that are not key-shaped: the construction does not look at the shape.
  test.each([
    ['alibaba-access-key-id', 'fixed-input-one', 'akfp1:a3c140dfce51d2060aec035d9ec3a6ec'],
    ['alibaba-access-key-secret', 'fixed input: two, with spaces', 'akfp1:57789d2aae338b4fa4a98abb3d6f8fe0'],
    ['github-token', '中文 unicode ✓', 'akfp1:d8aa4adf983660a9c8e03c407e4a958f'],
  ])('key: %s %j', (rule, secret, expected) => {
    expect(fingerprint(rule, secret, 'key')).toBe(expected);
  });

  test.each([
    ['password-assignment', 'fixed password input', 'akfp1:0d1884a32a94a0c1e3ebe57fcd8f1479'],
    ['connection-string-password', 'p@ss w0rd: ünïcode', 'akfp1:9d7e629aa6cb6ac63c70fba439750c13'],
  ])('password: %s %j', (rule, secret, expected) => {
    expect(fingerprint(rule, secret, 'password')).toBe(expected);
  });

  test('the current scheme is akfp1, and stored fingerprints are validated against the published schemes', () => {
    expect(SCHEMES.map((s) => s.prefix)).toEqual(['akfp1']);
    expect(FINGERPRINT_RE.test('akfp1:a3c140dfce51d2060aec035d9ec3a6ec')).toBe(true);
    expect(FINGERPRINT_RE.test('akfp9:a3c140dfce51d2060aec035d9ec3a6ec')).toBe(false);
  });
});

describe('a future scheme keeps old entries working', () => {
  // A stand-in for a later scheme: appended, never replacing the published one.
  const V2: FingerprintScheme = {
    prefix: 'akfp2',
    digest: (ruleId, secret) => createHash('sha512').update(`v2\0${ruleId}\0${secret}`).digest().subarray(0, 16),
  };
  const schemes = [...SCHEMES, V2];
  const rule = 'alibaba-access-key-secret';
  const secret = 'fixed-input-three';
  const old = fingerprint(rule, secret, 'key'); // what users stored under akfp1
  const now = fingerprint(rule, secret, 'key', schemes);
  const finding = { ruleId: rule, file: 'a.env', fingerprint: now };

  test('new findings get the new scheme', () => {
    expect(now).toMatch(/^akfp2:[0-9a-f]{32}$/);
    expect(now).not.toBe(old);
  });

  test('an akfp1 allow entry still allows the finding; another secret is not allowed by it', () => {
    const allow = compileAllowlist({ allow: [{ fingerprint: old, reason: 'test' }] }, '2026-01-01', schemes);
    expect(allow.match(finding, secret, 'key')).toMatchObject({ by: 'fingerprint', entry: 0 });
    const other = { ...finding, fingerprint: fingerprint(rule, 'another', 'key', schemes) };
    expect(allow.match(other, 'another', 'key')).toBeNull();
    expect(fingerprintMatches(now, finding, secret, 'key', schemes)).toBe(true);
  });

  test('an akfp1 baseline still baselines the finding, passwords included', () => {
    const base = withBaseline(compileAllowlist({ allow: [] }, '2026-01-01', schemes), new Set([old]), schemes);
    expect(base.match(finding, secret, 'key')).toEqual({ by: 'baseline' });
    const pw = 'fixed password input';
    const pwFinding = {
      ruleId: 'password-assignment',
      file: 'a.env',
      fingerprint: fingerprint('password-assignment', pw, 'password', schemes),
    };
    const pwBase = withBaseline(
      compileAllowlist({ allow: [] }, '2026-01-01', schemes),
      new Set(['akfp1:0d1884a32a94a0c1e3ebe57fcd8f1479']),
      schemes,
    );
    expect(pwBase.match(pwFinding, pw, 'password')).toEqual({ by: 'baseline' });
  });
});
