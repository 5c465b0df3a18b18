import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ToolKey } from './tools';

/**
 * The option matrix of openssl, puttygen and gpg beyond the common formats (tools.ts): other
 * algorithms (DH, DHX, DSA groups, X448, Ed448, SM2, explicit and compressed EC, brainpool),
 * other encryptions (PBES1 3DES, scrypt, -des3), DER files, PKCS#12 stores and their PEM dumps,
 * puttygen's SSH-1 keys, Argon2 variants and exports, gpg's exports for every algorithm and the
 * agent's own key files (extended text, canonical S-expression, the advanced form). Slow
 * parameter searches are avoided: DH groups are named ones (ffdhe, RFC 5114).
 */
type Run = (cmd: string, args: string[], input?: string, env?: NodeJS.ProcessEnv) => string;
type Add = (kind: string, priv: boolean, text: string, shape?: ToolKey['shape']) => void;
type AddFile = (kind: string, priv: boolean, name: string) => void;

const PASS = 'matrix-pass-' + process.pid;

export function opensslMatrix(dir: string, ossl: (args: string[]) => string, add: Add, addFile: AddFile): void {
  const pass = [`pass:${PASS}`];
  const out = (name: string, [cmd, ...args]: string[]) => ossl([cmd, '-out', name, ...args]);
  // genrsa: PKCS#8 by default, -traditional, -aes256, -des3.
  out('genrsa.pem', ['genrsa', '1024']);
  add('openssl genrsa (PKCS#8)', true, read(dir, 'genrsa.pem'));
  add('openssl genrsa -traditional', true, ossl(['genrsa', '-traditional', '1024']));
  add('openssl genrsa -aes256', true, ossl(['genrsa', '-aes256', '-passout', ...pass, '1024']));
  add('openssl genrsa -traditional -des3', true, ossl(['genrsa', '-traditional', '-des3', '-passout', ...pass, '1024']));
  // genpkey: X448, Ed448, SM2, RSA-PSS; DH and X9.42 DHX in named groups; DSA from parameters.
  for (const alg of ['X448', 'ED448', 'SM2', 'RSA-PSS']) {
    out(`${alg}.pem`, ['genpkey', '-algorithm', alg, ...(alg === 'RSA-PSS' ? ['-pkeyopt', 'rsa_keygen_bits:1024'] : [])]);
    add(`openssl genpkey ${alg}`, true, read(dir, `${alg}.pem`));
    ossl(['pkey', '-in', `${alg}.pem`, '-outform', 'DER', '-out', `${alg}.der`]);
    addFile(`openssl genpkey ${alg} DER file`, true, `${alg}.der`);
    add(`openssl ${alg} public key`, false, ossl(['pkey', '-in', `${alg}.pem`, '-pubout']));
  }
  out('dh.pem', ['genpkey', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048']);
  add('openssl genpkey DH (ffdhe2048)', true, read(dir, 'dh.pem'));
  ossl(['pkey', '-in', 'dh.pem', '-outform', 'DER', '-out', 'dh.der']);
  addFile('openssl genpkey DH DER file', true, 'dh.der');
  add('openssl DH public key', false, ossl(['pkey', '-in', 'dh.pem', '-pubout']));
  add('openssl pkey -text -noout (DH)', true, ossl(['pkey', '-in', 'dh.pem', '-text', '-noout']), 'dump');
  add('openssl DH encrypted PKCS#8', true, ossl(['pkey', '-in', 'dh.pem', '-aes256', '-passout', ...pass]));
  out('dhx-params.pem', ['genpkey', '-genparam', '-algorithm', 'DHX', '-pkeyopt', 'dh_rfc5114:2']);
  add('openssl DHX PARAMETERS', false, read(dir, 'dhx-params.pem'));
  out('dhx.pem', ['genpkey', '-paramfile', 'dhx-params.pem']);
  add('openssl genpkey -paramfile DHX (X9.42)', true, read(dir, 'dhx.pem'));
  ossl(['pkey', '-in', 'dhx.pem', '-outform', 'DER', '-out', 'dhx.der']);
  addFile('openssl DHX DER file', true, 'dhx.der');
  add(
    'openssl genpkey -genparam (DH PARAMETERS)',
    false,
    ossl(['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048']),
  );
  out('dsa-params.pem', ['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048']);
  out('dsa.pem', ['genpkey', '-paramfile', 'dsa-params.pem']);
  add('openssl genpkey DSA 2048 (PKCS#8)', true, read(dir, 'dsa.pem'));
  add('openssl DSA 2048 traditional', true, ossl(['pkey', '-in', 'dsa.pem', '-traditional']));
  ossl(['pkey', '-in', 'dsa.pem', '-outform', 'DER', '-out', 'dsa.der']);
  addFile('openssl DSA 2048 DER file', true, 'dsa.der');
  add('openssl DSA PARAMETERS', false, read(dir, 'dsa-params.pem'));
  // `-text` without `-noout`: the PEM block, then its dump (one key).
  add(
    'openssl genpkey -text (PEM, then its dump)',
    true,
    ossl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-text']),
  );
  // ecparam: explicit parameters, compressed points, brainpool, P-521; their PKCS#8 and DER forms.
  out('ec-explicit.pem', ['ecparam', '-name', 'secp384r1', '-genkey', '-noout', '-param_enc', 'explicit']);
  add('openssl ecparam -param_enc explicit', true, read(dir, 'ec-explicit.pem'));
  add('openssl PKCS#8 EC explicit parameters', true, ossl(['pkcs8', '-topk8', '-nocrypt', '-in', 'ec-explicit.pem']));
  ossl(['ec', '-in', 'ec-explicit.pem', '-outform', 'DER', '-out', 'ec-explicit.der']);
  addFile('openssl EC explicit DER file', true, 'ec-explicit.der');
  add(
    'openssl ecparam -conv_form compressed',
    true,
    ossl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-conv_form', 'compressed']),
  );
  out('bp.pem', ['ecparam', '-name', 'brainpoolP512r1', '-genkey', '-noout']);
  add('openssl ecparam brainpoolP512r1', true, read(dir, 'bp.pem'));
  add('openssl EC -no_public', true, ossl(['ec', '-in', 'bp.pem', '-no_public']));
  add('openssl EC PARAMETERS explicit', false, ossl(['ecparam', '-name', 'secp521r1', '-param_enc', 'explicit']));
  out('p521.pem', ['ecparam', '-name', 'secp521r1', '-genkey', '-noout']);
  ossl(['ec', '-in', 'p521.pem', '-outform', 'DER', '-out', 'p521.der']);
  addFile('openssl SEC1 P-521 DER file', true, 'p521.der');
  ossl(['ec', '-in', 'p521.pem', '-pubout', '-outform', 'DER', '-out', 'p521-pub.der']);
  addFile('openssl EC public key DER file', false, 'p521-pub.der');
  // pkcs8: PBES1 3DES, scrypt, PBES2 with SHA-512; PEM and DER.
  for (const [name, args] of [
    ['-v1 PBE-SHA1-3DES', ['-v1', 'PBE-SHA1-3DES']],
    ['-scrypt', ['-scrypt']],
    ['-v2 aes-256-cbc -v2prf hmacWithSHA512', ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA512']],
  ] as const) {
    add(`openssl pkcs8 ${name}`, true, ossl(['pkcs8', '-topk8', '-in', 'genrsa.pem', ...args, '-passout', ...pass]));
    const der = `p8${name.replace(/[^a-z0-9]/gi, '')}.der`;
    ossl(['pkcs8', '-topk8', '-in', 'bp.pem', ...args, '-passout', ...pass, '-outform', 'DER', '-out', der]);
    addFile(`openssl pkcs8 ${name} DER file`, true, der);
  }
  ossl(['rsa', '-in', 'genrsa.pem', '-traditional', '-outform', 'DER', '-out', 'pkcs1.der']);
  addFile('openssl PKCS#1 DER file', true, 'pkcs1.der');
  ossl(['pkey', '-in', 'genrsa.pem', '-outform', 'DER', '-out', 'pkcs8.der']);
  addFile('openssl PKCS#8 DER file', true, 'pkcs8.der');
  ossl(['pkey', '-in', 'genrsa.pem', '-pubout', '-outform', 'DER', '-out', 'pub.der']);
  addFile('openssl public key DER file', false, 'pub.der');
  // pkcs12: stores (default, legacy, empty password, no encryption), certificates only, and PEM dumps.
  // (A key of its own: the PEM dumps of the store would otherwise repeat genrsa.pem's key.)
  out('store-key.pem', ['genrsa', '1024']);
  ossl(['req', '-x509', '-key', 'store-key.pem', '-subj', '/CN=store.example.test', '-days', '1', '-out', 'store-cert.pem']);
  ossl(['x509', '-in', 'store-cert.pem', '-outform', 'DER', '-out', 'store-cert.der']);
  addFile('openssl certificate DER file', false, 'store-cert.der');
  const p12 = (name: string, args: string[]) =>
    ossl(['pkcs12', '-export', '-inkey', 'store-key.pem', '-in', 'store-cert.pem', ...args, '-out', name]);
  p12('store.p12', ['-passout', ...pass]);
  addFile('openssl pkcs12 -export', true, 'store.p12');
  p12('legacy.p12', ['-legacy', '-passout', ...pass]);
  addFile('openssl pkcs12 -export -legacy', true, 'legacy.p12');
  p12('empty.pfx', ['-passout', 'pass:']);
  addFile('openssl pkcs12 -export (empty password)', true, 'empty.pfx');
  p12('clear.p12', ['-keypbe', 'NONE', '-certpbe', 'NONE', '-passout', 'pass:']);
  addFile('openssl pkcs12 -keypbe NONE -certpbe NONE', true, 'clear.p12');
  ossl(['pkcs12', '-export', '-nokeys', '-certpbe', 'NONE', '-in', 'store-cert.pem', '-passout', 'pass:', '-out', 'trust.p12']);
  addFile('openssl pkcs12 -nokeys (truststore)', false, 'trust.p12');
  // The stores base64-encoded, as CI secrets and configs hold a signing certificate (`P12_BASE64=MIIK…`).
  const b64Of = (name: string) => readFileSync(path.join(dir, name)).toString('base64');
  add('openssl pkcs12 -export, base64 one line', true, b64Of('legacy.p12'), 'line');
  add(
    'openssl pkcs12 -export, coreutils base64 lines',
    true,
    execFileSync('base64', [path.join(dir, 'empty.pfx')], { encoding: 'utf8' }),
    'lines',
  );
  add('openssl pkcs12 -nokeys (truststore), base64 one line', false, b64Of('trust.p12'), 'line');
  add('openssl pkcs12 -nodes (Bag Attributes)', true, ossl(['pkcs12', '-in', 'store.p12', '-nodes', '-nocerts', '-passin', ...pass]));
  add(
    'openssl pkcs12 PEM dump, key encrypted',
    true,
    ossl(['pkcs12', '-in', 'store.p12', '-nocerts', '-passin', ...pass, '-passout', ...pass]),
  );
  add('openssl pkcs12 -nokeys (Bag Attributes)', false, ossl(['pkcs12', '-in', 'store.p12', '-nokeys', '-passin', ...pass]));
}

export function puttygenMatrix(dir: string, run: Run, file: (name: string) => string, add: Add, addFile: AddFile, passFile: string): void {
  const none = path.join(dir, 'empty-pass.txt');
  writeFileSync(none, '');
  const gen = (out: string, args: string[], passphrase = none) =>
    run('puttygen', [...args, '-o', out, '--new-passphrase', passphrase, '-q']);
  // SSH-1 (binary), plain and encrypted; its public forms.
  gen('rsa1.key', ['-t', 'rsa1', '-b', '1024']);
  addFile('puttygen -t rsa1 (SSH-1)', true, 'rsa1.key');
  gen('rsa1-enc.key', ['-t', 'rsa1', '-b', '1024'], passFile);
  addFile('puttygen -t rsa1 encrypted (SSH-1)', true, 'rsa1-enc.key');
  add('puttygen rsa1 public', false, run('puttygen', ['rsa1.key', '-O', 'public']), 'line');
  // DSA, ECDSA 384/521, Ed448: PPK, Argon2d/Argon2i, and the OpenSSH and ssh.com exports.
  for (const [name, type] of [
    ['dsa', ['-t', 'dsa', '-b', '1024']],
    ['ecdsa-384', ['-t', 'ecdsa', '-b', '384']],
    ['ecdsa-521', ['-t', 'ecdsa', '-b', '521']],
    ['ed448', ['-t', 'ed448']],
  ] as const) {
    const ppk = `pg-${name}.ppk`;
    gen(ppk, [...type]);
    add(`puttygen ${name} PPK v3`, true, file(ppk));
    add(`puttygen ${name} public-openssh`, false, run('puttygen', [ppk, '-O', 'public-openssh']), 'line');
    for (const kdf of ['argon2d', 'argon2i']) {
      // (A key of its own each: one key re-encrypted is the same key, with the same fingerprint.)
      gen(`${name}-${kdf}-src.ppk`, [...type]);
      run('puttygen', [
        `${name}-${kdf}-src.ppk`,
        '-P',
        '-O',
        'private',
        '-o',
        `${name}-${kdf}.ppk`,
        '--new-passphrase',
        passFile,
        '--ppk-param',
        `kdf=${kdf}`,
      ]);
      add(`puttygen ${name} PPK --ppk-param kdf=${kdf}`, true, file(`${name}-${kdf}.ppk`));
    }
    for (const o of ['private-openssh', 'private-openssh-new', 'private-sshcom']) {
      // (puttygen writes the ssh.com form of RSA and DSA keys only.)
      if (o === 'private-sshcom' && name !== 'dsa') continue;
      run('puttygen', [ppk, '-O', o, '-o', `${name}.${o}`]);
      add(`puttygen ${name} -O ${o}`, true, file(`${name}.${o}`));
      run('puttygen', [ppk, '-O', o, '-o', `${name}.${o}.enc`, '--new-passphrase', passFile]);
      add(`puttygen ${name} -O ${o} encrypted`, true, file(`${name}.${o}.enc`));
    }
  }
}

/** The agent's helper that prints a canonical key in the advanced form (`--armor`) and makes shadowed keys. */
function protectTool(): string {
  const libexec = execFileSync('gpgconf', ['--list-dirs', 'libexecdir'], { encoding: 'utf8' }).trim();
  return path.join(libexec, 'gpg-protect-tool');
}

export function gpgMatrix(dir: string, run: Run, add: Add, addFile: AddFile, addKey: (k: ToolKey) => void): void {
  // Two homes: GnuPG 2.2's extended key format, and the canonical one (`disable-extended-key-format`).
  const homes = { ext: path.join(dir, 'gnupg-ext'), canon: path.join(dir, 'gnupg-canon') };
  mkdirSync(homes.ext, { mode: 0o700 });
  mkdirSync(homes.canon, { mode: 0o700 });
  writeFileSync(path.join(homes.canon, 'gpg-agent.conf'), 'disable-extended-key-format\n');
  const gpg = (home: string, args: string[], pass = '') =>
    run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', pass, ...args], undefined, { GNUPGHOME: home });
  const gpgRaw = (home: string, args: string[], pass = '') =>
    execFileSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', pass, ...args], {
      env: { ...process.env, GNUPGHOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const keys: Array<[string, string, string, boolean]> = [
    // uid, algorithm, usage, with a passphrase
    ['rsa', 'rsa2048', 'default', false],
    ['rsa-pass', 'rsa2048', 'default', true],
    // gpg 2.2's default: RSA-3072 with an RSA-3072 subkey.
    ['default', 'default', 'default', false],
    ['dsa', 'dsa2048', 'sign', false],
    ['nistp256', 'nistp256', 'sign', false],
    ['nistp256-pass', 'nistp256', 'sign', true],
    ['brainpoolP256r1', 'brainpoolP256r1', 'sign', false],
    ['secp256k1', 'secp256k1', 'sign', false],
    ['ed25519', 'future-default', 'default', false],
    ['ed25519-pass', 'future-default', 'default', true],
  ];
  const home = homes.ext;
  for (const [uid, algo, usage, withPass] of keys) {
    const pass = withPass ? PASS : '';
    const email = `${uid}@example.com`;
    gpg(home, ['--quick-gen-key', `${uid} <${email}>`, algo, usage, '1y'], pass);
    if (uid === 'dsa') {
      const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(home, ['--with-colons', '--list-secret-keys', email]))![1];
      gpg(home, ['--quick-add-key', fpr, 'elg2048', 'encr', '1y']);
    }
    const label = `${uid === 'dsa' ? 'dsa+elg' : uid.replace('-pass', '')}${withPass ? ' (passphrase)' : ''}`;
    add(`gpg --armor --export-secret-keys ${label}`, true, gpg(home, ['--armor', '--export-secret-keys', email], pass));
    writeFileSync(path.join(dir, `${uid}.gpg`), gpgRaw(home, ['--export-secret-keys', email], pass));
    addFile(`gpg --export-secret-keys ${label} (binary)`, true, `${uid}.gpg`);
    // The binary export base64-encoded: one line (Gradle's signingInMemoryKey), or `| base64` lines
    // (ECC keys only: an RSA key's first line holds no run that does not depend on its time and
    // size; on one line its public exponent is found).
    if (uid !== 'dsa') {
      const bin = readFileSync(path.join(dir, `${uid}.gpg`));
      add(`gpg --export-secret-keys ${label}, base64 one line`, true, bin.toString('base64'), 'line');
    }
    if (uid === 'rsa' || uid === 'rsa-pass') {
      // Wrapped by coreutils base64 (76 a line): found at the line of its public exponent. (A key
      // with an RSA subkey, gpg's default, is two findings there: one at each key's exponent.)
      const text = execFileSync('base64', [], { input: readFileSync(path.join(dir, `${uid}.gpg`)), encoding: 'utf8' }).trim();
      const at = exponentLine(text);
      addKey({
        kind: `gpg --export-secret-keys ${label} | base64 (lines, RSA)`,
        private: true,
        shape: 'conf',
        text,
        anchor: at,
        fileName: 'signing-key.b64',
      });
    }
    if (uid !== 'rsa' && uid !== 'rsa-pass' && uid !== 'dsa' && uid !== 'default') {
      const bin = readFileSync(path.join(dir, `${uid}.gpg`));
      add(
        `gpg --export-secret-keys ${label} | base64 (lines)`,
        true,
        execFileSync('base64', [], { input: bin, encoding: 'utf8' }),
        'lines',
      );
    }
    if (usage === 'default' || uid === 'dsa') {
      add(`gpg --armor --export-secret-subkeys ${label}`, true, gpg(home, ['--armor', '--export-secret-subkeys', email], pass));
      writeFileSync(path.join(dir, `${uid}-sub.gpg`), gpgRaw(home, ['--export-secret-subkeys', email], pass));
      addFile(`gpg --export-secret-subkeys ${label} (binary)`, true, `${uid}-sub.gpg`);
    }
    if (!withPass) add(`gpg --armor --export ${label}`, false, gpg(home, ['--armor', '--export', email]));
  }
  writeFileSync(path.join(dir, 'public.gpg'), gpgRaw(home, ['--export']));
  addFile('gpg --export (binary keyring)', false, 'public.gpg');
  add('gpg --export (binary keyring), base64 one line', false, readFileSync(path.join(dir, 'public.gpg')).toString('base64'), 'line');
  // The agent's key files, one per key and subkey.
  const agentFiles = (h: string) => readdirSync(path.join(h, 'private-keys-v1.d')).map((f) => path.join(h, 'private-keys-v1.d', f));
  for (const f of agentFiles(homes.ext)) {
    const text = readFileSync(f, 'utf8');
    const algo = /\((?:protected-)?private-key \((\w+)/.exec(text)?.[1] ?? '?';
    add(`gpg-agent key file, extended (${algo}${text.includes('(protected-private-key') ? ', protected' : ''})`, true, text, 'agent');
  }
  // Canonical: keys made there, and keys imported there (kept as `openpgp-native` until first use).
  gpg(homes.canon, ['--quick-gen-key', 'canon <canon@example.com>', 'future-default', 'default', '1y']);
  gpg(homes.canon, ['--quick-gen-key', 'canon-pass <canon-pass@example.com>', 'future-default', 'default', '1y'], PASS);
  gpg(homes.canon, ['--quick-gen-key', 'canon-rsa <canon-rsa@example.com>', 'rsa2048', 'sign', '1y']);
  writeFileSync(path.join(dir, 'import.gpg'), gpgRaw(home, ['--export-secret-keys', 'dsa@example.com']));
  gpg(homes.canon, ['--import', path.join(dir, 'import.gpg')]);
  const tool = protectTool();
  agentFiles(homes.canon).forEach((f, i) => {
    const data = readFileSync(f);
    const name = `canon-${i}.key`;
    writeFileSync(path.join(dir, name), data);
    const what = /^\((\d+):([a-z-]+)\((\d+):(\w+)/.exec(data.subarray(0, 40).toString('latin1'));
    addFile(`gpg-agent key file, canonical (${what?.[4]}${what?.[2] === 'protected-private-key' ? ', protected' : ''})`, true, name);
    // The advanced form of the same key, as `gpg-protect-tool --armor` prints it (pasted into a note).
    if (what?.[2] === 'private-key') add(`gpg-protect-tool --armor (${what[4]})`, true, run(tool, ['--armor', f]), 'agent');
  });
  // A smartcard stub: the public key with a pointer to the card; no secret.
  const grip = /^grp:+([0-9A-F]{40}):/m.exec(
    gpg(homes.canon, ['--with-colons', '--with-keygrip', '--list-secret-keys', 'canon-rsa@example.com']),
  )![1];
  const pub = readKey(homes.canon, grip);
  writeFileSync(path.join(dir, 'pub.sexp'), pub);
  writeFileSync(path.join(dir, 'shadowed.key'), execFileSync(tool, ['--shadow', path.join(dir, 'pub.sexp')]));
  addFile('gpg-agent shadowed key (smartcard stub), canonical', false, 'shadowed.key');
  add('gpg-agent shadowed key (smartcard stub), advanced', false, run(tool, ['--shadow', '--armor', path.join(dir, 'pub.sexp')]), 'agent');
  for (const h of Object.values(homes)) spawnSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: h } });
}

/** The public key of a keygrip, canonical, as the agent hands it out (READKEY; `D` lines, %-escaped). */
function readKey(home: string, grip: string): Buffer {
  const out = execFileSync('gpg-connect-agent', [`READKEY ${grip}`, '/bye'], { env: { ...process.env, GNUPGHOME: home } });
  const parts: Buffer[] = [];
  for (let i = 0; i < out.length;) {
    let j = out.indexOf(0x0a, i);
    if (j < 0) j = out.length;
    if (out[i] === 0x44 && out[i + 1] === 0x20) parts.push(out.subarray(i + 2, j));
    i = j + 1;
  }
  const d = Buffer.concat(parts);
  const bytes: number[] = [];
  for (let k = 0; k < d.length; k++)
    if (d[k] === 0x25) (bytes.push(parseInt(d.subarray(k + 1, k + 3).toString('latin1'), 16)), (k += 2));
    else bytes.push(d[k]);
  return Buffer.from(bytes);
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8').trim();

/**
 * The line of base64 (76 a line) holding an RSA secret key's public exponent (`00 11 01 00 01`,
 * then its protection byte): where its finding belongs (the line of the exponent's second byte:
 * with a line break inside the run, the line that ends with its first group).
 */
function exponentLine(text: string): string {
  const b = Buffer.from(text.replace(/\n/g, ''), 'base64');
  for (let i = 0; i + 5 < b.length; i++)
    if (b[i] === 0 && b[i + 1] === 0x11 && b[i + 2] === 1 && b[i + 3] === 0 && b[i + 4] === 1 && [0, 0xfe, 0xff].includes(b[i + 5]))
      return text.split('\n')[Math.floor((i + 1) / 57)];
  throw new Error('no RSA exponent in the key');
}
