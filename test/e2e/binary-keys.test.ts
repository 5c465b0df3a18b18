/**
 * Private keys in binary form, written at run time by the real tools (openssl, gpg, puttygen,
 * dropbearkey, ktutil): DER keys, PKCS#12 stores, binary OpenPGP secret keys, SSH-1 keys, gpg-agent
 * canonical key files, Dropbear keys, Kerberos keytabs. Each blocks a real `git commit` (through the node
 * hook and through the shell fast path `dist/pre-commit.sh`), once, at line 1 of its file; public
 * keys, certificates and public keyrings do not; a store whose contents are all encrypted is
 * named as not scanned. Java keystores and Microsoft key blobs (no tool here writes them) are
 * built by hand in test/unit/key-file.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { json, makeRepo, PROJECT, tmpDir, type Repo } from '../helpers/repo';
import { requireTools } from '../corpus/realtools/tools';

interface KeyFileCase {
  name: string;
  private: boolean;
  data: Buffer;
}

const PASS = 'bin-pass-' + process.pid;

/** Key files as the tools write them (nothing is checked in). */
function makeKeyFiles(): KeyFileCase[] {
  requireTools();
  const dir = tmpDir('akh-binkeys-');
  mkdirSync(dir, { recursive: true });
  const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    execFileSync(cmd, args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ossl = (...args: string[]) => run('openssl', args);
  const out: KeyFileCase[] = [];
  const add = (name: string, priv: boolean, file = name) => out.push({ name, private: priv, data: readFileSync(path.join(dir, file)) });

  ossl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa.pem');
  ossl('pkey', '-in', 'rsa.pem', '-outform', 'DER', '-out', 'rsa-pkcs8.der');
  add('rsa-pkcs8.der', true);
  ossl('rsa', '-in', 'rsa.pem', '-traditional', '-outform', 'DER', '-out', 'rsa-pkcs1.der');
  add('rsa-pkcs1.der', true);
  ossl('pkcs8', '-topk8', '-in', 'rsa.pem', '-v2', 'aes-256-cbc', '-outform', 'DER', '-passout', `pass:${PASS}`, '-out', 'rsa-enc.der');
  add('rsa-enc.der', true);
  ossl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.pem');
  ossl('ec', '-in', 'ec.pem', '-outform', 'DER', '-out', 'ec-sec1.key');
  add('ec-sec1.key', true);
  // Without its public half an SEC1 key usually holds no NUL byte: git reads it as text.
  for (let i = 0; i < 40; i++) {
    ossl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'np.pem');
    ossl('ec', '-in', 'np.pem', '-no_public', '-outform', 'DER', '-out', 'ec-nopub.der');
    if (!readFileSync(path.join(dir, 'ec-nopub.der')).includes(0)) break;
  }
  add('ec-nopub.der', true);
  ossl('genpkey', '-algorithm', 'ed25519', '-outform', 'DER', '-out', 'ed25519.der');
  add('ed25519.der', true);
  ossl('dsaparam', '-noout', '-genkey', '-out', 'dsa.pem', '1024');
  ossl('dsa', '-in', 'dsa.pem', '-outform', 'DER', '-out', 'dsa.der');
  add('dsa.der', true);
  // Public halves and a certificate: the hard negatives.
  ossl('pkey', '-in', 'rsa.pem', '-pubout', '-outform', 'DER', '-out', 'rsa-pub.der');
  add('rsa-pub.der', false);
  ossl('ec', '-in', 'ec.pem', '-pubout', '-outform', 'DER', '-out', 'ec-pub.der');
  add('ec-pub.der', false);
  ossl('req', '-x509', '-key', 'rsa.pem', '-subj', '/CN=dev.example.com', '-days', '2', '-out', 'cert.pem');
  ossl('x509', '-in', 'cert.pem', '-outform', 'DER', '-out', 'cert.der');
  add('cert.der', false);
  // PKCS#12: the default (AES, key in a shrouded bag), no password, legacy (RC2/3DES), and no encryption at all.
  ossl('pkcs12', '-export', '-inkey', 'rsa.pem', '-in', 'cert.pem', '-out', 'store.p12', '-passout', `pass:${PASS}`);
  add('store.p12', true);
  ossl('req', '-x509', '-key', 'ec.pem', '-subj', '/CN=ec.example.com', '-days', '2', '-out', 'ec-cert.pem');
  ossl('pkcs12', '-export', '-inkey', 'ec.pem', '-in', 'ec-cert.pem', '-out', 'nopass.pfx', '-passout', 'pass:', '-nomac');
  add('nopass.pfx', true);
  ossl('pkcs12', '-export', '-legacy', '-inkey', 'rsa.pem', '-in', 'cert.pem', '-out', 'legacy.p12', '-passout', `pass:${PASS}`);
  add('legacy.p12', true);
  ossl(
    'pkcs12',
    '-export',
    '-keypbe',
    'NONE',
    '-certpbe',
    'NONE',
    '-inkey',
    'rsa.pem',
    '-in',
    'cert.pem',
    '-out',
    'plain.p12',
    '-passout',
    'pass:',
  );
  add('plain.p12', true);
  // Certificates only, in clear: a truststore with no key.
  ossl('pkcs12', '-export', '-nokeys', '-certpbe', 'NONE', '-in', 'cert.pem', '-out', 'trust.p12', '-passout', 'pass:');
  add('trust.p12', false);

  // gpg: a binary secret key export (and of the subkeys only); the public export is no secret.
  const home = path.join(dir, 'gnupg');
  mkdirSync(home, { mode: 0o700 });
  const gpg = (...args: string[]) =>
    run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { GNUPGHOME: home });
  gpg('--quick-gen-key', 'Dev <dev@example.com>', 'ed25519', 'default', 'never');
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(gpg('--with-colons', '--list-secret-keys').toString())![1];
  gpg('--quick-add-key', fpr, 'cv25519', 'encr', 'never');
  gpg('--output', 'secret.gpg', '--export-secret-keys');
  add('secret.gpg', true);
  gpg('--output', 'subkeys.gpg', '--export-secret-subkeys');
  add('subkeys.gpg', true);
  gpg('--output', 'public.gpg', '--export');
  add('public.gpg', false);

  // DH in PKCS#8 (a named group), DER.
  ossl('genpkey', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-outform', 'DER', '-out', 'dh.der');
  add('dh.der', true);
  // puttygen's SSH-1 keys, plain and encrypted.
  writeFileSync(path.join(dir, 'none.txt'), '');
  writeFileSync(path.join(dir, 'pass.txt'), PASS + '\n');
  run('puttygen', ['-t', 'rsa1', '-b', '1024', '-o', 'identity', '--new-passphrase', 'none.txt', '-q']);
  add('identity', true);
  run('puttygen', ['-t', 'rsa1', '-b', '1024', '-o', 'identity-enc', '--new-passphrase', 'pass.txt', '-q']);
  add('identity-enc', true);
  // gpg-agent key files in the canonical form (one plain, one protected), and a smartcard stub.
  const canon = path.join(dir, 'gnupg-canon');
  mkdirSync(canon, { mode: 0o700 });
  writeFileSync(path.join(canon, 'gpg-agent.conf'), 'disable-extended-key-format\n');
  const cgpg = (pass: string, ...args: string[]) =>
    run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', pass, ...args], { GNUPGHOME: canon });
  cgpg('', '--quick-gen-key', 'Plain <plain@example.com>', 'ed25519', 'sign', 'never');
  cgpg(PASS, '--quick-gen-key', 'Pass <pass@example.com>', 'nistp256', 'sign', 'never');
  const keysDir = path.join(canon, 'private-keys-v1.d');
  for (const f of readdirSync(keysDir)) {
    const name = readFileSync(path.join(keysDir, f)).subarray(0, 4).toString('latin1') === '(21:' ? 'protected.key' : 'plain.key';
    writeFileSync(path.join(dir, name), readFileSync(path.join(keysDir, f)));
    add(name, true);
  }
  const tool = path.join(run('gpgconf', ['--list-dirs', 'libexecdir']).toString().trim(), 'gpg-protect-tool');
  const grip = /^grp:+([0-9A-F]{40}):/m.exec(
    cgpg('', '--with-colons', '--with-keygrip', '--list-secret-keys', 'plain@example.com').toString(),
  )![1];
  const readKey = run('gpg-connect-agent', [`READKEY ${grip}`, '/bye'], { GNUPGHOME: canon }).toString('latin1');
  const pub = readKey
    .split('\n')
    .filter((l) => l.startsWith('D '))
    .map((l) => l.slice(2).replace(/%([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))))
    .join('');
  writeFileSync(path.join(dir, 'pub.sexp'), Buffer.from(pub, 'latin1'));
  writeFileSync(path.join(dir, 'card-stub.key'), run(tool, ['--shadow', path.join(dir, 'pub.sexp')]));
  add('card-stub.key', false);
  spawnSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: canon } });
  // dropbearkey: private keys in SSH wire format; the public blob (from `-y`) is no secret.
  for (const type of ['ed25519', 'rsa', 'ecdsa']) {
    run('dropbearkey', ['-t', type, '-f', `dropbear_${type}`]);
    add(`dropbear_${type}`, true);
  }
  const pubLine = run('dropbearkey', ['-y', '-f', 'dropbear_rsa'])
    .toString()
    .split('\n')
    .find((l) => l.startsWith('ssh-rsa '))!;
  out.push({ name: 'dropbear_rsa.pub.bin', private: false, data: Buffer.from(pubLine.split(' ')[1], 'base64') });
  // ktutil: a keytab with one AES key (the password read from stdin, no terminal).
  execFileSync('setsid', ['-w', 'ktutil'], {
    cwd: dir,
    input: `addent -password -p svc@EXAMPLE.TEST -k 1 -e aes256-cts-hmac-sha1-96\n${PASS}\nwkt svc.keytab\n`,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  add('svc.keytab', true);
  return out;
}

const cases = makeKeyFiles();

function seeded(hook: string): Repo {
  const repo = makeRepo();
  execFileSync(process.execPath, [path.join(PROJECT, 'node_modules/husky/bin.js')], { cwd: repo.dir, env: repo.env, stdio: 'pipe' });
  repo.write('.husky/pre-commit', hook + '\n');
  repo.write('README.md', '# demo\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'init']);
  return repo;
}

const HOOKS: Array<[string, string]> = [
  ['node', `node ${JSON.stringify(path.join(PROJECT, 'dist/cli.js'))} check`],
  ['the shell fast path', `sh ${JSON.stringify(path.join(PROJECT, 'dist/pre-commit.sh'))}`],
];

describe.each(HOOKS)('binary key files through git commit (%s)', (_, hook) => {
  test.each(cases.filter((c) => c.private).map((c) => [c.name, c] as const))('%s blocks the commit, once, at line 1, masked', (_n, c) => {
    const repo = seeded(hook);
    repo.write(`keys/${c.name}`, c.data);
    repo.git(['add', '.']);
    const head = repo.git(['rev-parse', 'HEAD']);
    const r = repo.gitRaw(['commit', '-q', '-m', 'add key']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`keys/${c.name}:1:1  Private key`);
    // A keytab's key is shared with the KDC, not the private half of a pair: its advice says so.
    expect(r.stderr).toContain(c.name.endsWith('.keytab') ? 'A shared secret key' : 'A private key lets anyone');
    // A file cannot hold an inline comment: only the allow command is offered.
    expect(r.stderr).not.toContain('ak-hook-allow private-key');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    const found = json(repo.cli(['check', '--format', 'json'])).findings;
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([`keys/${c.name}:1:1 private-key`]);
  });
});

test('public keys, certificates, a clear truststore and a public keyring pass; a sealed store is named as not scanned', () => {
  const repo = seeded(`node ${JSON.stringify(path.join(PROJECT, 'dist/cli.js'))} check`);
  for (const c of cases.filter((k) => !k.private)) repo.write(`pub/${c.name}`, c.data);
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  expect(json(r).findings).toEqual([]);
  expect(r.status).toBe(0);
  expect(repo.gitRaw(['commit', '-q', '-m', 'public']).status).toBe(0);
  // A certificates-only store with its contents encrypted cannot be told from one holding a key.
  const dir = tmpDir('akh-sealed-');
  const pem = path.join(dir, 'c.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      path.join(dir, 'k.pem'),
      '-subj',
      '/CN=x',
      '-days',
      '2',
      '-out',
      pem,
    ],
    { stdio: 'pipe' },
  );
  execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', pem, '-out', path.join(dir, 's.p12'), '-passout', `pass:${PASS}`], {
    stdio: 'pipe',
  });
  repo.write('sealed.p12', readFileSync(path.join(dir, 's.p12')));
  repo.git(['add', 'sealed.p12']);
  const s = repo.gitRaw(['commit', '-q', '-m', 'sealed']);
  expect(s.status).toBe(0);
  expect(s.stderr).toContain('Not scanned (1 file): sealed.p12 (pkcs12, encrypted).');
});

test('a key file changed to hold the same key adds nothing; to hold another key, blocks; allow by fingerprint works', () => {
  const repo = seeded(`node ${JSON.stringify(path.join(PROJECT, 'dist/cli.js'))} check`);
  const der = cases.find((c) => c.name === 'rsa-pkcs8.der')!;
  repo.write('k.der', der.data);
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'key']);
  // Same bytes plus a trailing line break: the same key.
  repo.write('k.der', Buffer.concat([der.data, Buffer.from('\n')]));
  repo.git(['add', '.']);
  expect(json(repo.cli(['check', '--format', 'json'])).findings).toEqual([]);
  repo.write('k.der', cases.find((c) => c.name === 'ed25519.der')!.data);
  repo.git(['add', '.']);
  const found = json(repo.cli(['check', '--format', 'json'])).findings;
  expect(found.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual(['k.der:1 private-key']);
  const allow = repo.cli(['allow', String(found[0].fingerprint), '--reason', 'throwaway test key']);
  expect(allow.status).toBe(0);
  repo.git(['add', '.']);
  expect(repo.gitRaw(['commit', '-q', '-m', 'allowed']).status).toBe(0);
});
