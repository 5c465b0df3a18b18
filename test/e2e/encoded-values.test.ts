/**
 * Base64-encoded values, through real git: a Kubernetes Secret's `data:` and a docker
 * config.json "auth" are decoded and judged, and each finding stays on the encoded line.
 */
import { KeyGen } from '../helpers/keygen';
import { json, makeRepo } from '../helpers/repo';

const gen = new KeyGen(0xb64);
const b64 = (s: string) => Buffer.from(s).toString('base64');

test('a Kubernetes Secret: encoded id, secret and password are reported at their lines; encoded stand-ins are not', () => {
  const repo = makeRepo();
  const text = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: oss-sync',
    'data:',
    `  ALIBABA_CLOUD_ACCESS_KEY_ID: ${b64(gen.akId())}`,
    `  ALIBABA_CLOUD_ACCESS_KEY_SECRET: ${b64(gen.akSecret())}`,
    `  DB_PASSWORD: ${b64(gen.password())}`,
    `  REDIS_PASSWORD: ${b64('changeme')}`,
    `  SMTP_PASSWORD: ${b64('${SMTP_PASSWORD}')}`,
    '',
  ].join('\n');
  repo.write('k8s/secret.yaml', text);
  repo.git(['add', 'k8s/secret.yaml']);
  const r = repo.cli(['check', '--format', 'json']);
  expect(r.status).toBe(1);
  const found = json(r).findings.map((f) => [f.ruleId, f.line, f.column]);
  expect(found).toEqual([
    ['alibaba-access-key-id', 6, 32],
    ['alibaba-access-key-secret', 7, 36],
    ['password-assignment', 8, 16],
  ]);
});

test('a docker config.json "auth" that decodes to user:password is reported; a JWT under Basic is not', () => {
  const repo = makeRepo();
  const jwt = gen.expand('{{jwt}}');
  repo.write(
    '.docker/config.json',
    `{\n  "auths": {\n    "registry.corp.internal": { "auth": "${b64('ci:' + gen.password())}" }\n  }\n}\n`,
  );
  repo.write('ping.sh', `curl -H "Authorization: Basic ${jwt}" https://legacy.corp.internal/ping\n`);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  expect(json(r).findings.map((f) => [f.file, f.ruleId, f.line])).toEqual([['.docker/config.json', 'http-basic-auth', 3]]);
});
