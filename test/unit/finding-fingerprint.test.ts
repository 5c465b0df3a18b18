import { fingerprint, FINGERPRINT_RE } from '../../src/allowlist/fingerprint';
import { RULES } from '../../src/detect/rules';
import { toFinding } from '../../src/scan/scan-files';

const rule = (id: string) => RULES.find((r) => r.id === id)!;

describe('finding fingerprints', () => {
  test('are computed on first read, equal the direct computation, and appear in JSON', () => {
    const raw = { ruleId: 'password-assignment', line: 3, column: 12, secret: 'Zq8!mWv2#kLp' };
    const f = toFinding(raw, rule('password-assignment'), 'a.env');
    const expected = fingerprint('password-assignment', raw.secret, 'password');
    expect(expected).toMatch(FINGERPRINT_RE);
    expect(f.fingerprint).toBe(expected);
    expect(JSON.parse(JSON.stringify(f)).fingerprint).toBe(expected);
    expect({ ...f }.fingerprint).toBe(expected);
  });

  test('password fingerprints are salted per rule and differ from the fast key construction', () => {
    const s = 'Zq8!mWv2#kLp';
    expect(fingerprint('password-assignment', s, 'password')).not.toBe(fingerprint('connection-string-password', s, 'password'));
    expect(fingerprint('password-assignment', s, 'password')).not.toBe(fingerprint('password-assignment', s, 'key'));
    expect(fingerprint('password-assignment', s, 'password')).toBe(fingerprint('password-assignment', s, 'password'));
  });
});
