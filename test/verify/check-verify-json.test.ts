/**
 * `check --verify --format json` (issue 13): the live check's results are in the JSON document,
 * as `verify --format json` has them, masked. Local signature-checking providers, no network.
 */
import { KeyGen } from '../helpers/keygen';
import { commitLivePair, FakeProviders } from '../helpers/fake-providers';
import { makeRepo } from '../helpers/repo';
import { cliAsync } from '../helpers/run-async';

const gen = new KeyGen(131313);
let fake: FakeProviders;
beforeAll(async () => {
  fake = await new FakeProviders().start();
});
afterAll(() => fake.stop());

test('check --verify --format json carries verify.results; plain check --format json has none and sends nothing', async () => {
  const repo = makeRepo();
  const env = { ...repo.env, ...fake.env(), AK_HOOK_VERIFY_TIMEOUT_MS: '700' };
  const id = gen.akId();
  const secret = gen.akSecret();
  fake.add({ id, secret, kind: 'root' });
  const tid = 'AKID' + gen.alnum(32);
  const tkey = gen.alnum(32);
  repo.write('conf/app.env', `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`);
  repo.write('tc.env', `TENCENTCLOUD_SECRET_ID=${tid}\nTENCENTCLOUD_SECRET_KEY=${tkey}\n`);
  repo.git(['add', '.']);

  const before = fake.seen.length;
  const plain = await cliAsync(['check', '--format', 'json'], { cwd: repo.dir, env });
  expect(plain.status).toBe(1);
  expect(JSON.parse(plain.stdout)).not.toHaveProperty('verify');
  expect(fake.seen.length).toBe(before);

  const r = await cliAsync(['check', '--verify', '--format', 'json'], { cwd: repo.dir, env });
  expect(r.status).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.findings.length).toBeGreaterThan(0);
  expect(doc.verify.results).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        file: 'conf/app.env',
        status: 'live',
        root: true,
        identity: expect.objectContaining({ type: 'Account' }),
      }),
      expect.objectContaining({ file: 'tc.env', status: 'invalid', root: false, identity: null }),
    ]),
  );
  for (const v of doc.verify.results)
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['ruleId', 'file', 'line', 'status', 'identity', 'root']));
  // Masked: no secret (nor a full key id) anywhere in the document.
  for (const s of [id, secret, tid, tkey]) expect(r.stdout).not.toContain(s);
  expect(r.stderr).toContain('live check made');
});

test('check --range … --verify --format json carries verify.results too', async () => {
  const { repo, id, secret } = commitLivePair(fake, gen, 'b.env');
  const env = { ...repo.env, ...fake.env(), AK_HOOK_VERIFY_TIMEOUT_MS: '700' };
  const r = await cliAsync(['check', '--range', 'HEAD~1..HEAD', '--verify', '--format', 'json'], { cwd: repo.dir, env });
  expect(r.status).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.verify.results).toEqual([
    expect.objectContaining({ file: 'b.env', line: 2, status: 'live', root: false, commit: expect.any(String) }),
  ]);
  for (const s of [id, secret]) expect(r.stdout).not.toContain(s);
});
