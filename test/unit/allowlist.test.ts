import { compileAllowlist } from '../../src/allowlist/apply';
import { fingerprint, FINGERPRINT_RE } from '../../src/allowlist/fingerprint';
import { inlineAllows } from '../../src/allowlist/inline';
import { validateConfig } from '../../src/config/validate';
import { maskSecret } from '../../src/report/mask';
import { KeyGen } from '../helpers/keygen';

const gen = new KeyGen(42);

describe('fingerprint', () => {
  test('depends on rule and secret only, never contains the secret', () => {
    const s = gen.akSecret();
    const a = fingerprint('alibaba-access-key-secret', s, 'key');
    expect(a).toMatch(FINGERPRINT_RE);
    expect(fingerprint('alibaba-access-key-secret', s, 'key')).toBe(a);
    expect(fingerprint('other-rule', s, 'key')).not.toBe(a);
    expect(fingerprint('alibaba-access-key-secret', gen.akSecret(), 'key')).not.toBe(a);
    expect(a).not.toContain(s);
  });
  test('password fingerprints use a different (slow) construction', () => {
    expect(fingerprint('r', 'hunter2', 'password')).not.toBe(fingerprint('r', 'hunter2', 'key'));
    expect(fingerprint('r', 'hunter2', 'password')).toMatch(FINGERPRINT_RE);
  });
});

describe('maskSecret', () => {
  test('keeps the ends of long keys, nothing of passwords', () => {
    const id = gen.akId();
    expect(maskSecret(id)).toBe(`LTAI…${id.slice(-4)}`);
    expect(maskSecret('abcdefghijklmnop')).toBe('ab…op');
    expect(maskSecret('short')).toBe('***** (5 chars)');
    expect(maskSecret('a-long-password-here', 'password')).toBe('******** (20 chars)');
  });
});

describe('inline marker', () => {
  test.each([
    ['x = 1 // ak-hook-allow', 'any-rule', true],
    ['x = 1 # ak-hook-allow alibaba-access-key-id', 'alibaba-access-key-id', true],
    ['x = 1 # ak-hook-allow alibaba-access-key-id', 'alibaba-access-key-secret', false],
    ['x = 1 /* ak-hook-allow: rule-a, rule-b */', 'rule-b', true],
    ['<!-- ak-hook-allow test fixture -->', 'rule-b', true],
    ['x = 1', 'rule', false],
    [undefined, 'rule', false],
  ])('%s (%s) -> %s', (text, rule, expected) => {
    expect(inlineAllows(text, rule)).toBe(expected);
  });
});

describe('validateConfig', () => {
  test('accepts a good config', () => {
    const fp = fingerprint('r', 'x', 'key');
    const v = validateConfig({
      allow: [
        { fingerprint: fp, reason: 'r' },
        { path: 'test/**', expires: '2030-01-01' },
      ],
    });
    expect(v.ok).toBe(true);
  });
  test('reports every problem at once', () => {
    const v = validateConfig({
      allow: [{ fingerprint: 'nope' }, { reason: 'x' }, { path: 'a', expires: 'soon', colour: 1 }, 5],
      extra: true,
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.map((p) => p.at)).toEqual([
      'extra',
      'allow[0].fingerprint',
      'allow[1]',
      'allow[2].colour',
      'allow[2].expires',
      'allow[3]',
    ]);
  });
});

describe('compileAllowlist', () => {
  const fp = fingerprint('rule-a', 'secret-value-1234567890', 'key');
  const list = (expires?: string) =>
    compileAllowlist(
      {
        allow: [
          { fingerprint: fp, expires },
          { path: 'fixtures/**', rule: 'rule-b' },
        ],
      },
      '2026-11-28',
    );
  test('fingerprint and path entries', () => {
    expect(list().match({ ruleId: 'rule-a', file: 'x', fingerprint: fp })).toEqual({ by: 'fingerprint', entry: 0, reason: undefined });
    expect(list().match({ ruleId: 'rule-b', file: 'fixtures/.env', fingerprint: 'akfp1:00' })).toMatchObject({ by: 'path', entry: 1 });
    expect(list().match({ ruleId: 'rule-a', file: 'fixtures/.env', fingerprint: 'akfp1:00' })).toBeNull();
  });
  test('expired entries stop suppressing and are reported', () => {
    const l = list('2026-11-28');
    expect(l.match({ ruleId: 'rule-a', file: 'x', fingerprint: fp })).toBeNull();
    expect(l.expiredHits()).toEqual([{ fingerprint: fp, expires: '2026-11-28', index: 0 }]);
    expect(list('2026-11-29').match({ ruleId: 'rule-a', file: 'x', fingerprint: fp })).not.toBeNull();
  });
});
