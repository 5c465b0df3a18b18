import { satisfies } from '../../src/doctor/semver';
import { attachSecret, keepSecret, secretOf } from '../../src/scan/secret-handle';
import { credentialFromText, targetsFromFindings } from '../../src/verify/credentials';
import { OFFICIAL, resolveEndpoints } from '../../src/verify/endpoint';
import type { Finding } from '../../src/scan/types';
import { KeyGen } from '../helpers/keygen';

const gen = new KeyGen(4242);

describe('endpoints', () => {
  test('official HTTPS endpoints by default', () => {
    const r = resolveEndpoints({});
    expect(r.ok && Object.fromEntries(Object.entries(r.endpoints).map(([k, u]) => [k, u.href.replace(/\/$/, '')]))).toEqual(OFFICIAL);
  });
  test('overrides: https anywhere, http only to a loopback IP, no user/query/fragment; all problems at once', () => {
    expect(resolveEndpoints({ AK_HOOK_ALIBABA_STS_ENDPOINT: 'https://sts.example.internal/base' }).ok).toBe(true);
    expect(resolveEndpoints({ AK_HOOK_AWS_STS_ENDPOINT: 'http://127.0.0.1:8080' }).ok).toBe(true);
    expect(resolveEndpoints({ AK_HOOK_AWS_STS_ENDPOINT: 'http://[::1]:8080' }).ok).toBe(true);
    const bad = resolveEndpoints({
      AK_HOOK_ALIBABA_STS_ENDPOINT: 'http://localhost:1',
      AK_HOOK_TENCENT_STS_ENDPOINT: 'http://10.0.0.1',
      AK_HOOK_AWS_STS_ENDPOINT: 'https://sts.example.com/?x=1',
      AK_HOOK_GITHUB_API_ENDPOINT: 'ftp://x',
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toHaveLength(4);
  });
});

describe('one credential from standard input', () => {
  test('told apart by shape', () => {
    const id = gen.akId();
    const secret = gen.akSecret();
    expect(credentialFromText(`${id}\n${secret}\n`)).toEqual({
      credential: { provider: 'alibaba', id, secret },
      masked: `${id.slice(0, 4)}…${id.slice(-4)}`,
    });
    const sts = gen.stsId();
    const token = gen.stsToken();
    expect(credentialFromText(`${sts} ${secret} ${token}`)?.credential).toEqual({ provider: 'alibaba', id: sts, secret, token });
    expect(credentialFromText(`${sts} ${secret}`)).toBeNull(); // an STS key needs its token
    expect(credentialFromText(`AKID${gen.alnum(32)} ${secret}`)?.credential.provider).toBe('tencent');
    expect(credentialFromText(`${gen.awsId('AKIA')},${gen.b64(40)}`)?.credential.provider).toBe('aws');
    expect(credentialFromText(gen.crcToken('ghp_'))?.credential).toEqual({ provider: 'github', secret: expect.any(String) });
    expect(credentialFromText('')).toBeNull();
    expect(credentialFromText('password123')).toBeNull();
  });
});

describe('the whole secret stays out of every output', () => {
  test('a finding holds it out of sight: not in JSON, not enumerable, kept across a commit copy', () => {
    const secret = gen.akSecret();
    const f = { ruleId: 'x', secret: 'mask' };
    attachSecret(f, secret);
    expect(JSON.stringify(f)).not.toContain(secret);
    expect(Object.keys(f)).toEqual(['ruleId', 'secret']);
    expect(secretOf({ ...f })).toBeUndefined();
    expect(secretOf(keepSecret(f, { ...f, commit: 1 }))).toBe(secret);
  });
  test('targets: a secret with its linked id; an id alone and an unsupported finding are listed as such', () => {
    const mk = (ruleId: string, line: number, raw: string, related?: Finding['related']): Finding => {
      const f = { ruleId, file: 'a.env', line, column: 1, secret: 'masked', related } as unknown as Finding;
      attachSecret(f, raw);
      return f;
    };
    const id = gen.akId();
    const secret = gen.akSecret();
    const fs = [
      mk('alibaba-access-key-id', 1, id, [{ ruleId: 'alibaba-access-key-secret', line: 2, column: 1 }]),
      mk('alibaba-access-key-secret', 2, secret, [{ ruleId: 'alibaba-access-key-id', line: 1, column: 1 }]),
      mk('aws-access-key-id', 3, gen.awsId('AKIA')),
      mk('slack-webhook', 4, 'x'),
    ];
    const t = targetsFromFindings(fs);
    expect(t.map((x) => [x.ruleId, x.credential?.provider ?? x.reason])).toEqual([
      ['alibaba-access-key-secret', 'alibaba'],
      ['aws-access-key-id', 'no-secret'],
      ['slack-webhook', 'unsupported'],
    ]);
    expect(t[0].credential).toEqual({ provider: 'alibaba', id, secret });
  });
});

test('semver ranges doctor understands', () => {
  expect(satisfies('0.1.3', '^0.1.0')).toBe(true);
  expect(satisfies('0.2.0', '^0.1.0')).toBe(false);
  expect(satisfies('1.4.0', '^1.2.3')).toBe(true);
  expect(satisfies('2.0.0', '^1.2.3')).toBe(false);
  expect(satisfies('1.2.9', '~1.2.3')).toBe(true);
  expect(satisfies('1.3.0', '~1.2.3')).toBe(false);
  expect(satisfies('3.0.0', '>=2.0.0')).toBe(true);
  expect(satisfies('1.2.3', '1.2.3')).toBe(true);
  expect(satisfies('1.2.3', '1.x')).toBe(true);
  expect(satisfies('1.2.3', '*')).toBe(true);
  expect(satisfies('1.2.3', 'github:o/r')).toBeNull();
});
