/**
 * Key files base64-encoded into one value or a few lines, as CI variables and configs hold them,
 * made by openssl, ssh-keygen and puttygen at test time: a PKCS#12 store (`P12_BASE64=MIIK…`,
 * `base64 cert.p12`), an OpenSSH key's body without its armour (`SSH_KEY=b3BlbnNzaC1rZXktdjE…`),
 * a PuTTY key file; each also inside PHP json_encode output. Each passed without a word before. A
 * truststore of certificates only, a public key and an OpenSSH key's first body line must not be
 * reported. A binary gpg secret key (ECC: Ed25519, NIST P-256) base64-encoded on one line or over
 * lines is found too.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { json, makeRepo, tmpDir } from '../helpers/repo';

const dir = tmpDir('akh-encfiles-');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
const b64 = (name: string) => readFileSync(path.join(dir, name)).toString('base64');
const php = (value: string) => `${JSON.stringify({ id: 1, key: value }).replace(/\//g, '\\/')}\n`;

test('a PKCS#12 store, an OpenSSH key body and a PuTTY key file, base64-encoded, are found once each; a truststore is not', () => {
  run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'k.pem']);
  run('openssl', ['req', '-x509', '-key', 'k.pem', '-subj', '/CN=ci.example.test', '-days', '1', '-out', 'c.pem']);
  run('openssl', ['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-passout', 'pass:ci-secret', '-out', 's.p12']);
  run('openssl', ['pkcs12', '-export', '-nokeys', '-certpbe', 'NONE', '-in', 'c.pem', '-passout', 'pass:', '-out', 't.p12']);
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'id']);
  run('puttygen', ['id', '-O', 'private', '-o', 'id.ppk']);
  const body = readFileSync(path.join(dir, 'id'), 'utf8').trim().split('\n').slice(1, -1);
  const repo = makeRepo();
  const expected: string[] = [];
  const values: Record<string, string> = { p12: b64('s.p12'), ssh: body.join(''), ppk: b64('id.ppk') };
  for (const [name, value] of Object.entries(values)) {
    repo.write(`${name}.env`, `CI=true\n${name.toUpperCase()}_BASE64=${value}\n`);
    expected.push(`${name}.env:2`);
    if (value.includes('/')) {
      repo.write(`${name}.json`, php(value));
      expected.push(`${name}.json:1`);
    }
  }
  repo.write('p12.b64', run('base64', ['s.p12']).toString());
  expected.push('p12.b64:1');
  // Nothing: a truststore, a public key, the first body line of a key alone.
  repo.write('trust.env', `TRUSTSTORE=${b64('t.p12')}\n`);
  repo.write('id.pub.env', `PUB=${readFileSync(path.join(dir, 'id.pub'), 'utf8').split(' ')[1]}\n`);
  repo.write('first-line.env', `PART=${body[0]}\n`);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  const found = json(r).findings as Array<{ file: string; line: number; ruleId: string }>;
  expect(found.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual(expected.map((e) => `${e} private-key`).sort());
});

test('a binary gpg secret key base64-encoded (Gradle signingInMemoryKey, `| base64` lines) is found once; the armoured block once; the public key not', () => {
  const home = tmpDir('akh-encgpg-');
  const gpg = (args: string[]) =>
    execFileSync('gpg', ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    gpg(['--quick-gen-key', 'Release <release@example.test>', 'future-default', 'default', '1y']);
    gpg(['--quick-gen-key', 'Ops <ops@example.test>', 'nistp256', 'sign', '1y']);
    const repo = makeRepo();
    const expected: string[] = [];
    for (const who of ['release', 'ops']) {
      const bin = gpg(['--export-secret-keys', `${who}@example.test`]);
      const armoured = gpg(['--armor', '--export-secret-keys', `${who}@example.test`]).toString();
      repo.write(`${who}/gradle.properties`, `signing.keyId=ABCDEF12\n\nsigningInMemoryKey=${bin.toString('base64')}\n`);
      expected.push(`${who}/gradle.properties:3`);
      repo.write(`${who}/key.b64`, execFileSync('base64', [], { input: bin }).toString());
      expected.push(`${who}/key.b64:1`);
      repo.write(`${who}/key.asc`, armoured);
      expected.push(`${who}/key.asc:1`);
      repo.write(`${who}/public.env`, `PUBLIC=${gpg(['--export', `${who}@example.test`]).toString('base64')}\n`);
    }
    repo.git(['add', '.']);
    const found = json(repo.cli(['check', '--format', 'json'])).findings as Array<{ file: string; line: number; ruleId: string }>;
    expect(found.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual(expected.map((e) => `${e} private-key`).sort());
  } finally {
    execFileSync('gpgconf', ['--homedir', home, '--kill', 'all'], { stdio: 'ignore' });
  }
});
