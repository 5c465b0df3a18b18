/**
 * `ak-hook verify` end to end: real git repositories, the built CLI, and local servers that
 * check each request's signature the way each provider documents it. No real network.
 */
import { KeyGen } from '../helpers/keygen';
import { commitLivePair, FakeProviders, type Kind } from '../helpers/fake-providers';
import { makeRepo, type Repo } from '../helpers/repo';
import { cliAsync } from '../helpers/run-async';

const gen = new KeyGen(1313);
let fake: FakeProviders;
beforeAll(async () => {
  fake = await new FakeProviders().start();
});
afterAll(() => fake.stop());

interface Planted {
  file: string;
  kind: Kind | 'missing';
}

/** One credential per file, of each provider and each answer kind. */
function plant(repo: Repo): Planted[] {
  const out: Planted[] = [];
  const kinds: Array<Kind | 'missing'> = ['user', 'root', 'role', 'missing', 'timeout'];
  for (const kind of kinds) {
    const reg = (k: { id?: string; secret: string; token?: string }) => {
      if (kind !== 'missing') fake.add({ ...k, kind });
    };
    // Alibaba: an AccessKey pair, or (role) an STS triple.
    if (kind === 'role') {
      const id = gen.stsId();
      const secret = gen.alnum(44);
      const token = gen.stsToken();
      reg({ id, secret, token });
      repo.write(
        `ali-${kind}.env`,
        `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\nALIBABA_CLOUD_SECURITY_TOKEN=${token}\n`,
      );
    } else {
      const id = gen.akId();
      const secret = gen.akSecret();
      reg({ id, secret });
      repo.write(`ali-${kind}.env`, `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`);
    }
    out.push({ file: `ali-${kind}.env`, kind });
    const tid = 'AKID' + gen.alnum(32);
    const tkey = gen.alnum(32);
    reg({ id: tid, secret: tkey });
    repo.write(`tc-${kind}.env`, `TENCENTCLOUD_SECRET_ID=${tid}\nTENCENTCLOUD_SECRET_KEY=${tkey}\n`);
    out.push({ file: `tc-${kind}.env`, kind });
    const aid = gen.awsId('AKIA');
    const asec = gen.b64(40);
    reg({ id: aid, secret: asec });
    repo.write(`aws-${kind}.ini`, `[default]\naws_access_key_id = ${aid}\naws_secret_access_key = ${asec}\n`);
    out.push({ file: `aws-${kind}.ini`, kind });
    if (kind !== 'root') {
      const token = gen.crcToken('ghp_');
      reg({ secret: token });
      repo.write(`gh-${kind}.env`, `GITHUB_TOKEN=${token}\n`);
      out.push({ file: `gh-${kind}.env`, kind });
    }
  }
  return out;
}

const env = (repo: Repo, extra: NodeJS.ProcessEnv = {}) => ({ ...repo.env, ...fake.env(), AK_HOOK_VERIFY_TIMEOUT_MS: '700', ...extra });

describe('verify against signature-checking local providers', () => {
  let repo: Repo;
  let planted: Planted[];
  beforeAll(() => {
    repo = makeRepo();
    planted = plant(repo);
    repo.git(['add', '.']);
  });

  test('every provider and every answer kind, staged changes, JSON contract', async () => {
    const before = fake.seen.length;
    const r = await cliAsync(['verify', '--format', 'json'], { cwd: repo.dir, env: env(repo) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout).results as Array<Record<string, unknown>>;
    const byFile = new Map(results.map((x) => [x.file as string, x]));
    expect(results).toHaveLength(planted.length);
    for (const p of planted) {
      const x = byFile.get(p.file)!;
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['ruleId', 'file', 'line', 'status', 'identity', 'root']));
      const want = p.kind === 'missing' ? 'invalid' : p.kind === 'timeout' ? 'unknown' : 'live';
      expect({ file: p.file, status: x.status }).toEqual({ file: p.file, status: want });
      if (want === 'live') expect(x.identity).toEqual({ type: expect.any(String), accountId: expect.any(String), arn: expect.any(String) });
      else expect(x.identity).toBeNull();
      if (p.kind === 'timeout') expect(x.reason).toBe('timeout');
    }
    // Root-account keys, and the provider's own identity types.
    expect(byFile.get('ali-root.env')).toMatchObject({ root: true, identity: { type: 'Account', accountId: '1234567890123456' } });
    expect(byFile.get('ali-user.env')).toMatchObject({
      root: false,
      identity: { type: 'RAMUser', arn: expect.stringContaining(':user/alice') },
    });
    expect(byFile.get('ali-role.env')).toMatchObject({
      root: false,
      identity: { type: 'AssumedRoleUser' },
      ruleId: 'alibaba-sts-access-key-secret',
    });
    expect(byFile.get('ali-missing.env')).toMatchObject({ status: 'invalid', reason: 'InvalidAccessKeyId.NotFound' });
    expect(byFile.get('aws-root.ini')).toMatchObject({ root: true, identity: { type: 'Root', accountId: '123456789012' } });
    expect(byFile.get('aws-missing.ini')).toMatchObject({ reason: 'InvalidClientTokenId' });
    expect(byFile.get('tc-root.env')).toMatchObject({ root: true, identity: { type: 'RootAccount' } });
    expect(byFile.get('tc-missing.env')).toMatchObject({ reason: 'AuthFailure.SecretIdNotFound' });
    expect(byFile.get('gh-user.env')).toMatchObject({ identity: { type: 'User', arn: 'octocat' } });
    expect(byFile.get('gh-missing.env')).toMatchObject({ status: 'invalid', reason: 'http-401' });
    // Every request for a known key carried a valid signature, made the way the provider documents it.
    const calls = fake.seen.slice(before);
    expect(calls).toHaveLength(planted.length);
    const known = calls.filter((c) => c.signatureOk);
    expect(known).toHaveLength(planted.filter((p) => p.kind !== 'missing').length);
  });

  test('text report, en and zh: the live check is announced, root keys get the strongest message', async () => {
    const en = await cliAsync(['verify'], { cwd: repo.dir, env: env(repo) });
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('live check made');
    expect(en.stdout).toContain('127.0.0.1');
    expect(en.stdout).toContain('ROOT ACCOUNT KEY');
    expect(en.stdout).toContain('create a RAM user with least privilege');
    expect(en.stdout).toMatch(/Rotate it now.*\n.*create a RAM user with least privilege.*\n.*Never use root keys in code/);
    expect(en.stdout).toMatch(/LIVE\s+ali-user\.env:2 {2}\[alibaba-access-key-secret\] LTAI…/);
    expect(en.stdout).toMatch(/invalid\s+ali-missing\.env/);
    expect(en.stdout).toMatch(/unknown\s+tc-timeout\.env.*no answer within the time limit/);
    const zh = await cliAsync(['verify', '--lang', 'zh'], { cwd: repo.dir, env: env(repo) });
    expect(zh.stdout).toContain('已进行在线验证');
    expect(zh.stdout).toContain('主账号密钥');
    expect(zh.stdout).toContain('最小权限原则');
  });
});

describe('sources: --range, --scan, --history, --stdin', () => {
  test('a committed pair is found by --range, --scan and --history', async () => {
    const { repo } = commitLivePair(fake, gen, 'conf/app.env');
    const ranged = await cliAsync(['check', '--range', 'HEAD~1..HEAD', '--verify'], { cwd: repo.dir, env: env(repo) });
    expect(ranged.status).toBe(1);
    expect(ranged.stderr).toMatch(/live check made[^]*LIVE\s+[0-9a-f]{12} conf\/app\.env:2/);
    for (const args of [['--range', 'HEAD~1..HEAD'], ['--scan'], ['--history']]) {
      const r = await cliAsync(['verify', ...args, '--format', 'json'], { cwd: repo.dir, env: env(repo) });
      expect({ args, status: r.status }).toEqual({ args, status: 1 });
      expect(JSON.parse(r.stdout).results).toEqual([
        expect.objectContaining({ file: 'conf/app.env', line: 2, status: 'live', root: false }),
      ]);
    }
    // Nothing staged: nothing to verify, nothing sent.
    const before = fake.seen.length;
    const none = await cliAsync(['verify'], { cwd: repo.dir, env: env(repo) });
    expect(none).toMatchObject({ status: 0, stdout: 'ak-hook: no credentials to verify.\n' });
    expect(fake.seen.length).toBe(before);
  });

  test('one credential on standard input', async () => {
    const repo = makeRepo();
    const id = gen.akId();
    const secret = gen.akSecret();
    fake.add({ id, secret, kind: 'root' });
    const r = await cliAsync(['verify', '--stdin', '--format', 'json'], { cwd: repo.dir, env: env(repo), input: `${id} ${secret}\n` });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).results).toEqual([
      expect.objectContaining({ status: 'live', root: true, identity: expect.objectContaining({ type: 'Account' }) }),
    ]);
    const token = gen.crcToken('ghp_');
    const bad = await cliAsync(['verify', '--stdin'], { cwd: repo.dir, env: env(repo), input: token + '\n' });
    expect(bad.status).toBe(0);
    expect(bad.stdout).toMatch(/invalid\s+-:1/);
    const junk = await cliAsync(['verify', '--stdin'], { cwd: repo.dir, env: env(repo), input: 'hello world\n' });
    expect(junk.status).toBe(2);
  });
});

describe('network rules', () => {
  test('an http:// override to a non-loopback host, a bad timeout, or two sources are usage errors (exit 2), and nothing is sent', async () => {
    const repo = makeRepo();
    const before = fake.seen.length;
    for (const [args, extra] of [
      [['verify'], { AK_HOOK_ALIBABA_STS_ENDPOINT: 'http://sts.example.com' }],
      [['verify'], { AK_HOOK_GITHUB_API_ENDPOINT: 'not a url' }],
      [['verify'], { AK_HOOK_AWS_STS_ENDPOINT: 'https://user:pw@sts.example.com' }],
      [['verify'], { AK_HOOK_VERIFY_TIMEOUT_MS: '0' }],
      [['verify', '--scan', '--history'], {}],
      [['verify', '--format', 'sarif'], {}],
    ] as Array<[string[], NodeJS.ProcessEnv]>) {
      const r = await cliAsync(args, { cwd: repo.dir, env: env(repo, extra) });
      expect({ args, extra, status: r.status }).toEqual({ args, extra, status: 2 });
    }
    expect(fake.seen.length).toBe(before);
  });

  test('check makes no live check unless asked; check --verify says it made one; unknown and invalid still block', async () => {
    const repo = makeRepo();
    const id = gen.akId();
    const secret = gen.akSecret();
    repo.write('a.env', `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`);
    repo.git(['add', '.']);
    const before = fake.seen.length;
    const plain = await cliAsync(['check'], { cwd: repo.dir, env: env(repo) });
    expect(plain.status).toBe(1);
    expect(plain.stderr).not.toContain('live check');
    expect(fake.seen.length).toBe(before);
    const v = await cliAsync(['check', '--verify'], { cwd: repo.dir, env: env(repo) });
    expect(v.status).toBe(1);
    expect(v.stderr).toContain('live check made');
    expect(v.stderr).toMatch(/invalid\s+a\.env/);
    expect(v.stderr).toContain('An invalid key still blocks the commit');
    expect(fake.seen.length).toBe(before + 1);
  });

  test('check --verify with only a password: nothing is sent, the commit stays blocked', async () => {
    const repo = makeRepo();
    repo.write('db.env', `DB_PASSWORD=${gen.password()}\n`);
    repo.git(['add', '.']);
    const before = fake.seen.length;
    const r = await cliAsync(['check', '--verify'], { cwd: repo.dir, env: env(repo) });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing was sent');
    expect(r.stderr).toMatch(/unknown\s+db\.env:1 {2}\[password-assignment\].*cannot verify this kind of secret/);
    expect(fake.seen.length).toBe(before);
  });

  test('the config switch turns the live check on, and may downgrade invalid keys to a warning (the message says so)', async () => {
    const repo = makeRepo();
    const id = gen.akId();
    const secret = gen.akSecret();
    repo.write('.akhookrc.json', JSON.stringify({ verify: { check: true, invalid: 'warn' } }));
    repo.write('a.env', `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`);
    repo.git(['add', '.']);
    const r = await cliAsync(['check'], { cwd: repo.dir, env: env(repo) });
    expect(r.stderr).toContain('live check made');
    expect(r.stderr).toContain('"invalid": "warn"');
    expect(r.status).toBe(0);
    // A live key still blocks, whatever the switch says.
    fake.add({ id, secret, kind: 'user' });
    const live = await cliAsync(['check'], { cwd: repo.dir, env: env(repo) });
    expect(live.status).toBe(1);
    expect(live.stderr).toMatch(/LIVE\s+a\.env/);
  });

  test('an unknown result never unblocks, even with invalid: warn', async () => {
    const repo = makeRepo();
    const id = gen.akId();
    const secret = gen.akSecret();
    fake.add({ id, secret, kind: 'timeout' });
    repo.write('.akhookrc.json', JSON.stringify({ verify: { check: true, invalid: 'warn' } }));
    repo.write('a.env', `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`);
    repo.git(['add', '.']);
    const r = await cliAsync(['check'], { cwd: repo.dir, env: env(repo) });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('An unknown result never unblocks a commit.');
  });
});

describe('no network in CI', () => {
  test('with every network call made to fail, verify reports unknown (network) and unblocks nothing', async () => {
    const repo = makeRepo();
    repo.write('a.env', `ALIBABA_CLOUD_ACCESS_KEY_ID=${gen.akId()}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${gen.akSecret()}\n`);
    repo.git(['add', '.']);
    const noNet = { ...repo.env, NODE_OPTIONS: `--require ${require.resolve('../helpers/no-network.cjs')}` };
    const r = await cliAsync(['verify', '--format', 'json'], { cwd: repo.dir, env: noNet });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results).toEqual([expect.objectContaining({ status: 'unknown', reason: 'network', root: false })]);
    const c = await cliAsync(['check', '--verify'], { cwd: repo.dir, env: noNet });
    expect(c.status).toBe(1);
  });
});
