import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gpgMatrix, opensslMatrix, puttygenMatrix } from './matrix';

/**
 * Key material written by the real tools at run time (nothing is checked in): ssh-keygen,
 * openssl, puttygen, gpg, and node:crypto for JWK and .NET XML. Each private key comes with
 * public counterparts, the hard negatives.
 */
export interface ToolKey {
  /** What made it and in which format, e.g. `ssh-keygen ed25519 openssh`. */
  kind: string;
  private: boolean;
  /**
   * `block` (a multi-line text block), `line` (one line: .pub, DER base64), `jwk`, `xml`, `agent`
   * (a GnuPG agent key file in the extended text format), `signer` (a minisign or signify key
   * file: a comment line and a base64 line), `conf` (a config-style key file), `file` (a binary
   * file, in `data`).
   */
  shape: 'block' | 'line' | 'lines' | 'dump' | 'age' | 'wg' | 'jwk' | 'xml' | 'agent' | 'signer' | 'file' | 'conf';
  text: string;
  /** For a `conf` key (a config file's text): the start of the line its finding belongs on, and the file's name. */
  anchor?: string;
  fileName?: string;
  /** The rule that must find it, when not `private-key`. */
  rule?: string;
  /** The bytes of a `file` key (its `text` is their base64). */
  data?: Buffer;
}

/** Debian packages that provide each tool (.ci/run installs the missing ones). */
export const TOOLS: Record<string, string> = {
  'ssh-keygen': 'openssh-client',
  openssl: 'openssl',
  puttygen: 'putty-tools',
  gpg: 'gnupg',
  minisign: 'minisign',
  'signify-openbsd': 'signify-openbsd',
  dropbearkey: 'dropbear-bin',
  openvpn: 'openvpn',
  'nebula-cert': 'nebula',
  ktutil: 'krb5-user',
  tor: 'tor',
  'dnssec-keygen': 'bind9-utils',
  'rndc-confgen': 'bind9-utils',
  wpa_passphrase: 'wpasupplicant',
  'git-crypt': 'git-crypt',
  certtool: 'gnutls-bin',
  paperkey: 'paperkey',
  xxd: 'xxd',
};

/** PATH with the sbin folders: Debian installs openvpn in /usr/sbin, outside a normal user's PATH. */
export const TOOL_PATH = [...new Set([...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'])]
  .filter(Boolean)
  .join(':');

/** Fails (never skips) when a tool is missing: the corpus must run everywhere, CI installs them. */
export function requireTools(): void {
  const missing = Object.keys(TOOLS).filter(
    (t) => spawnSync('sh', ['-c', `command -v ${t}`], { encoding: 'utf8', env: { ...process.env, PATH: TOOL_PATH } }).status !== 0,
  );
  if (missing.length > 0)
    throw new Error(
      `real-tools corpus: missing ${missing.join(', ')}; install with: apt-get install -y ${missing.map((t) => TOOLS[t]).join(' ')} (.ci/run does)`,
    );
}

export const PASS = 'corpus-pass-' + process.pid;

export function makeToolKeys(dir: string): ToolKey[] {
  requireTools();
  mkdirSync(dir, { recursive: true });
  const keys: ToolKey[] = [];
  const run = (cmd: string, args: string[], input?: string, env?: NodeJS.ProcessEnv): string =>
    execFileSync(cmd, args, {
      cwd: dir,
      input,
      encoding: 'utf8',
      env: { ...process.env, PATH: TOOL_PATH, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  const file = (name: string) => readFileSync(path.join(dir, name), 'utf8').trim();
  const add = (kind: string, priv: boolean, text: string, shape: ToolKey['shape'] = 'block') =>
    keys.push({ kind, private: priv, shape, text: text.trim() });
  const addFile = (kind: string, priv: boolean, name: string) =>
    keys.push({ kind, private: priv, shape: 'file', text: '', data: readFileSync(path.join(dir, name)) });

  // ssh-keygen: OpenSSH format and -m PEM, with and without a passphrase.
  const ssh: Array<[string, string[]]> = [
    ['ed25519', ['-t', 'ed25519']],
    ['ecdsa', ['-t', 'ecdsa', '-b', '256']],
    ['rsa', ['-t', 'rsa', '-b', '2048']],
  ];
  for (const [name, type] of ssh)
    for (const pem of name === 'ed25519' ? [false] : [false, true])
      for (const pass of [false, true]) {
        const f = `ssh_${name}_${pem ? 'pem' : 'openssh'}_${pass ? 'enc' : 'plain'}`;
        run('ssh-keygen', ['-q', ...type, ...(pem ? ['-m', 'PEM'] : []), '-N', pass ? PASS : '', '-C', 'dev@example.com', '-f', f]);
        add(`ssh-keygen ${name} ${pem ? 'PEM' : 'openssh'}${pass ? ' encrypted' : ''}`, true, file(f));
        if (!pem && !pass) {
          add(`ssh-keygen ${name} .pub`, false, file(`${f}.pub`), 'line');
          add(`ssh-keygen ${name} SSH2 public (-e)`, false, run('ssh-keygen', ['-e', '-f', `${f}.pub`]));
          if (name !== 'ed25519')
            add(`ssh-keygen ${name} PKCS8 public (-e -m PKCS8)`, false, run('ssh-keygen', ['-e', '-m', 'PKCS8', '-f', `${f}.pub`]));
        }
      }

  // The rest of ssh-keygen's matrix: DSA, ECDSA 384/521, RSA 1024, -m PKCS8 (plain and encrypted),
  // -Z ciphers, more KDF rounds; RSA 4096 is made once by openssl and rewritten by ssh-keygen -p
  // (a 4096-bit search costs seconds a key on a loaded machine).
  const sshMore: Array<[string, string[]]> = [
    ['dsa', ['-t', 'dsa']],
    ['ecdsa-384', ['-t', 'ecdsa', '-b', '384']],
    ['ecdsa-521', ['-t', 'ecdsa', '-b', '521']],
    ['rsa-1024', ['-t', 'rsa', '-b', '1024']],
  ];
  for (const [name, type] of sshMore) {
    run('ssh-keygen', ['-q', ...type, '-N', '', '-C', 'dev@example.com', '-f', `more_${name}`]);
    add(`ssh-keygen ${name} openssh`, true, file(`more_${name}`));
    add(`ssh-keygen ${name} .pub`, false, file(`more_${name}.pub`), 'line');
    run('ssh-keygen', ['-q', ...type, '-m', 'PKCS8', '-N', '', '-f', `more_${name}_p8`]);
    add(`ssh-keygen ${name} -m PKCS8`, true, file(`more_${name}_p8`));
  }
  run('ssh-keygen', ['-q', '-t', 'ecdsa', '-b', '384', '-m', 'PKCS8', '-N', PASS, '-f', 'more_p8_enc']);
  add('ssh-keygen ecdsa-384 -m PKCS8 encrypted', true, file('more_p8_enc'));
  for (const cipher of ['aes256-ctr', 'chacha20-poly1305@openssh.com', 'aes128-cbc']) {
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-Z', cipher, '-N', PASS, '-f', `z_${cipher}`]);
    add(`ssh-keygen ed25519 -Z ${cipher}`, true, file(`z_${cipher}`));
  }
  // An OpenSSH key's body without its armour, on one line (`SSH_KEY=b3BlbnNzaC1rZXktdjE…`).
  for (const f of ['ssh_ed25519_openssh_plain', 'ssh_rsa_openssh_enc'])
    add(`ssh-keygen ${f} body without armour (one line)`, true, file(f).split('\n').slice(1, -1).join(''), 'line');
  run('ssh-keygen', ['-q', '-t', 'ecdsa', '-a', '64', '-N', PASS, '-f', 'rounds']);
  add('ssh-keygen ecdsa -a 64 encrypted', true, file('rounds'));
  run('openssl', ['genrsa', '-out', 'rsa4096.pem', '4096']);
  writeFileSync(path.join(dir, 'ssh_rsa4096'), readFileSync(path.join(dir, 'rsa4096.pem')), { mode: 0o600 });
  run('ssh-keygen', ['-q', '-p', '-N', '', '-P', '', '-f', 'ssh_rsa4096']);
  add('ssh-keygen rsa-4096 openssh (-p)', true, file('ssh_rsa4096'));
  run('ssh-keygen', ['-q', '-p', '-m', 'PKCS8', '-N', '', '-P', '', '-f', 'ssh_rsa4096']);
  add('ssh-keygen rsa-4096 -m PKCS8 (-p)', true, file('ssh_rsa4096'));

  // openssl: PKCS#1, PKCS#8, encrypted PKCS#8, traditional encrypted PEM, SEC1 EC, Ed25519; public keys, a certificate.
  const ossl = (args: string[]) => run('openssl', args);
  const rsa = ossl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
  writeFileSync(path.join(dir, 'rsa.pem'), rsa);
  add('openssl PKCS#8 RSA', true, rsa);
  add('openssl PKCS#1 RSA', true, ossl(['rsa', '-in', 'rsa.pem', '-traditional']));
  add('openssl encrypted PKCS#8', true, ossl(['pkcs8', '-topk8', '-in', 'rsa.pem', '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]));
  add('openssl traditional encrypted PEM', true, ossl(['rsa', '-in', 'rsa.pem', '-traditional', '-aes128', '-passout', `pass:${PASS}`]));
  add('openssl RSA public key', false, ossl(['rsa', '-in', 'rsa.pem', '-pubout']));
  add('openssl RSA PUBLIC KEY (PKCS#1)', false, ossl(['rsa', '-in', 'rsa.pem', '-RSAPublicKey_out']));
  const ec = ossl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout']);
  writeFileSync(path.join(dir, 'ec.pem'), ec);
  add('openssl SEC1 EC', true, ec);
  add('openssl SEC1 EC with parameters', true, ossl(['ecparam', '-name', 'secp384r1', '-genkey']));
  add('openssl PKCS#8 EC', true, ossl(['pkcs8', '-topk8', '-nocrypt', '-in', 'ec.pem']));
  add('openssl EC public key', false, ossl(['ec', '-in', 'ec.pem', '-pubout']));
  writeFileSync(path.join(dir, 'dsa.pem'), ossl(['dsaparam', '-noout', '-genkey', '1024']));
  add('openssl DSA (traditional)', true, ossl(['pkey', '-in', 'dsa.pem', '-traditional']));
  const ed = ossl(['genpkey', '-algorithm', 'ed25519']);
  writeFileSync(path.join(dir, 'ed.pem'), ed);
  add('openssl Ed25519', true, ed);
  add('openssl Ed25519 public key', false, ossl(['pkey', '-in', 'ed.pem', '-pubout']));
  ossl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'cert.key',
    '-out',
    'cert.pem',
    '-subj',
    '/CN=example.test',
    '-days',
    '1',
  ]);
  add('openssl req -x509 certificate', false, file('cert.pem'));
  add('openssl req -x509 key', true, file('cert.key'));
  opensslMatrix(dir, ossl, add, addFile);

  // Headerless base64 DER, the way Alipay / WeChat Pay merchant keys sit in configs.
  const der = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] }).toString('base64');
  add('headerless PKCS#8 DER (Alipay)', true, der(['pkcs8', '-topk8', '-nocrypt', '-in', 'rsa.pem', '-outform', 'DER']), 'line');
  add('headerless PKCS#1 DER', true, der(['rsa', '-in', 'rsa.pem', '-traditional', '-outform', 'DER']), 'line');
  add('headerless public key DER (Alipay public)', false, der(['rsa', '-in', 'rsa.pem', '-pubout', '-outform', 'DER']), 'line');
  // Encrypted PKCS#8 of small keys (an EC P-256 or Ed25519 key is 128-255 bytes encrypted, under 128
  // with PBE-SHA1-3DES): the encryption OID sits at another offset than in an RSA key's.
  add(
    'headerless encrypted PKCS#8 DER, EC P-256',
    true,
    der(['pkcs8', '-topk8', '-in', 'ec.pem', '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`, '-outform', 'DER']),
    'line',
  );
  add(
    'headerless encrypted PKCS#8 DER, Ed25519 -v1 PBE-SHA1-3DES',
    true,
    der(['pkcs8', '-topk8', '-in', 'ed.pem', '-v1', 'PBE-SHA1-3DES', '-passout', `pass:${PASS}`, '-outform', 'DER']),
    'line',
  );
  add(
    'headerless encrypted PKCS#8 DER, Ed25519 -scrypt',
    true,
    der(['pkcs8', '-topk8', '-in', 'ed.pem', '-scrypt', '-passout', `pass:${PASS}`, '-outform', 'DER']),
    'line',
  );
  // The same over several lines, as `openssl base64` (64 a line) and coreutils `base64` (76) write a DER file.
  const derFile = (out: string, args: string[]) => ossl([...args, '-outform', 'DER', '-out', out]);
  derFile('k8.der', ['pkcs8', '-topk8', '-nocrypt', '-in', 'rsa.pem']);
  derFile('k1.der', ['rsa', '-in', 'rsa.pem', '-traditional']);
  derFile('ec.der', ['ec', '-in', 'ec.pem']);
  derFile('enc.der', ['pkcs8', '-topk8', '-in', 'rsa.pem', '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]);
  derFile('pub.der', ['rsa', '-in', 'rsa.pem', '-pubout']);
  derFile('cert.der', ['x509', '-in', 'cert.pem']);
  add('openssl base64 of PKCS#8 DER (lines)', true, ossl(['base64', '-in', 'k8.der']), 'lines');
  add('coreutils base64 of PKCS#1 DER (lines)', true, run('base64', ['k1.der']), 'lines');
  add('openssl base64 of SEC1 EC DER (lines)', true, ossl(['base64', '-in', 'ec.der']), 'lines');
  add('openssl base64 of encrypted PKCS#8 DER (lines)', true, ossl(['base64', '-in', 'enc.der']), 'lines');
  derFile('ec-enc.der', ['pkcs8', '-topk8', '-in', 'ec.pem', '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]);
  add('openssl base64 of encrypted PKCS#8 DER, EC P-256 (lines)', true, ossl(['base64', '-in', 'ec-enc.der']), 'lines');
  // An Ed448 key's PKCS#8 is 73 bytes: two lines.
  writeFileSync(path.join(dir, 'ed448.pem'), ossl(['genpkey', '-algorithm', 'ed448']));
  derFile('ed448.der', ['pkey', '-in', 'ed448.pem']);
  add('openssl base64 of PKCS#8 DER, Ed448 (two lines)', true, ossl(['base64', '-in', 'ed448.der']), 'lines');
  add('openssl base64 of public key DER (lines)', false, ossl(['base64', '-in', 'pub.der']), 'lines');
  add('coreutils base64 of certificate DER (lines)', false, run('base64', ['cert.der']), 'lines');

  // The text form `-text` prints (a key pasted into a doc or a log): private forms hold the key in hex.
  add('openssl rsa -text -noout', true, ossl(['rsa', '-in', 'rsa.pem', '-text', '-noout']), 'dump');
  add('openssl ec -text -noout', true, ossl(['ec', '-in', 'ec.pem', '-text', '-noout']), 'dump');
  add('openssl pkey -text -noout (Ed25519)', true, ossl(['pkey', '-in', 'ed.pem', '-text', '-noout']), 'dump');
  add('openssl pkey -text -noout (DSA)', true, ossl(['pkey', '-in', 'dsa.pem', '-text', '-noout']), 'dump');
  // (`rsa -pubout -text` still prints the private form: the public one is read from the public key.)
  writeFileSync(path.join(dir, 'rsa.pub.pem'), ossl(['rsa', '-in', 'rsa.pem', '-pubout']));
  add('openssl rsa -pubin -text -noout', false, ossl(['rsa', '-pubin', '-in', 'rsa.pub.pem', '-text', '-noout']), 'dump');
  add('openssl pkey -pubout -text -noout (EC)', false, ossl(['pkey', '-in', 'ec.pem', '-pubout', '-text', '-noout']), 'dump');

  // puttygen: PPK v2 and v3, plain and encrypted; ssh.com private; public exports.
  const passFile = path.join(dir, 'pass.txt');
  writeFileSync(passFile, PASS + '\n');
  for (const [name, src] of [
    ['ed25519', 'ssh_ed25519_openssh_plain'],
    ['rsa', 'ssh_rsa_openssh_plain'],
  ])
    for (const version of ['2', '3'])
      for (const enc of [false, true]) {
        const out = `${name}_v${version}_${enc ? 'enc' : 'plain'}.ppk`;
        run('puttygen', [
          src,
          '-O',
          'private',
          '-o',
          out,
          '--ppk-param',
          `version=${version}`,
          ...(enc ? ['--new-passphrase', passFile] : []),
        ]);
        add(`puttygen ${name} PPK v${version}${enc ? ' encrypted' : ''}`, true, file(out));
      }
  puttygenMatrix(dir, run, file, add, addFile, passFile);
  // A PPK file base64-encoded on one line (a CI variable).
  add('puttygen ed25519 PPK v3, base64 one line', true, Buffer.from(file('ed25519_v3_plain.ppk') + '\n').toString('base64'), 'line');
  run('puttygen', ['ssh_rsa_openssh_plain', '-O', 'private-sshcom', '-o', 'rsa.sshcom']);
  add('puttygen ssh.com (SSH2) private', true, file('rsa.sshcom'));
  run('puttygen', ['ssh_rsa_openssh_plain', '-O', 'private-sshcom', '-o', 'rsa_enc.sshcom', '--new-passphrase', passFile]);
  add('puttygen ssh.com (SSH2) private encrypted', true, file('rsa_enc.sshcom'));
  add('puttygen SSH2 public', false, run('puttygen', ['ssh_ed25519_openssh_plain', '-O', 'public']));

  // gpg: secret keys (with and without passphrase) and the public key, in a throwaway GNUPGHOME.
  const home = path.join(dir, 'gnupg');
  mkdirSync(home, { mode: 0o700 });
  const gpg = (args: string[], pass = '') =>
    run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', pass, ...args], undefined, { GNUPGHOME: home });
  gpg(['--quick-gen-key', 'Dev <dev@example.com>', 'ed25519', 'sign', '1y']);
  gpg(['--quick-gen-key', 'Ops <ops@example.com>', 'ed25519', 'sign', '1y'], PASS);
  add('gpg secret key', true, gpg(['--armor', '--export-secret-keys', 'dev@example.com']));
  add('gpg secret key (passphrase)', true, gpg(['--armor', '--export-secret-keys', 'ops@example.com'], PASS));
  add('gpg secret subkeys', true, gpg(['--armor', '--export-secret-subkeys', 'dev@example.com']));
  add('gpg public key', false, gpg(['--armor', '--export', 'dev@example.com']));
  spawnSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } });
  gpgMatrix(dir, run, add, addFile, (k) => keys.push(k));

  // A key's numbers as its tools print them in text (pasted into a doc, an issue, a log): the
  // private forms hold the key in hex, each reported on the line its detector anchors on.
  const dump = (kind: string, priv: boolean, text: string, anchor?: string) =>
    keys.push({ kind, private: priv, shape: 'dump', text: text.trim(), anchor });
  // puttygen -O text (PuTTY 0.78+): `private_exponent=0x…` (RSA, ECDSA, EdDSA), `private_x=0x…` (DSA).
  for (const [name, args] of [
    ['rsa', ['-t', 'rsa', '-b', '2048']],
    ['dsa', ['-t', 'dsa', '-b', '1024']],
    ['ecdsa', ['-t', 'ecdsa', '-b', '256']],
    ['ed25519', ['-t', 'ed25519']],
  ] as const) {
    run('puttygen', [...args, '-o', `text_${name}.ppk`, '--new-passphrase', '/dev/null']);
    dump(
      `puttygen ${name} -O text`,
      true,
      run('puttygen', [`text_${name}.ppk`, '-O', 'text']),
      name === 'dsa' ? 'private_x=' : 'private_exponent=',
    );
    run('puttygen', [`text_${name}.ppk`, '-O', 'public-openssh', '-o', `text_${name}.pub`]);
    dump(`puttygen ${name} public -O text`, false, run('puttygen', [`text_${name}.pub`, '-O', 'text']));
  }
  // gpg -v --list-packets: an unprotected secret key prints its secret numbers (`skey[2]: …`) in hex.
  gpg(['--output', 'dev.sec.gpg', '--export-secret-keys', 'dev@example.com']);
  dump('gpg -v --list-packets (secret key)', true, gpg(['-v', '--list-packets', 'dev.sec.gpg']), ':secret key packet:');
  gpg(['--output', 'ops.sec.gpg', '--export-secret-keys', 'ops@example.com'], PASS);
  dump('gpg -v --list-packets (protected secret key)', false, gpg(['-v', '--list-packets', 'ops.sec.gpg']));
  gpg(['--output', 'dev.pub.gpg', '--export', 'dev@example.com']);
  dump('gpg -v --list-packets (public key)', false, gpg(['-v', '--list-packets', 'dev.pub.gpg']));
  spawnSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } });
  // openssl asn1parse: a private key's items, the version first at depth 1 (PKCS#8, PKCS#1, SEC1, DSA).
  const asn1 = (kind: string, priv: boolean, args: string[], input: string) => {
    const text = run('openssl', ['asn1parse', ...args], input);
    dump(kind, priv, text, priv ? (text.split('\n').find((l) => /d=1 .*INTEGER +:0[01]\s*$/.test(l)) ?? '').trim() : undefined);
  };
  const asnKeys = {
    rsa: run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']),
    ec: run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']),
    ed25519: run('openssl', ['genpkey', '-algorithm', 'ed25519']),
    x448: run('openssl', ['genpkey', '-algorithm', 'x448']),
  };
  for (const [name, pem] of Object.entries(asnKeys)) {
    asn1(`openssl asn1parse of PKCS#8 ${name}`, true, [], pem);
    asn1(`openssl asn1parse -i of PKCS#8 ${name}`, true, ['-i'], pem);
    asn1(`openssl asn1parse of the public key ${name}`, false, [], run('openssl', ['pkey', '-pubout'], pem));
  }
  asn1('openssl asn1parse of PKCS#1 RSA', true, [], run('openssl', ['rsa', '-traditional'], asnKeys.rsa));
  asn1('openssl asn1parse of SEC1 EC', true, [], run('openssl', ['ec'], asnKeys.ec));
  asn1('openssl asn1parse of a DSA key', true, [], run('openssl', ['dsa'], file('dsa.pem') + '\n'));
  asn1('openssl asn1parse of a certificate', false, [], file('cert.pem') + '\n');
  // GnuTLS certtool -k: the numbers under their labels (`private exponent:`, `private key:`), then
  // the PEM block: the text part alone here (the whole output is two findings: the text and the block).
  for (const type of ['rsa', 'ecdsa', 'ed25519', 'dsa']) {
    const out = run('certtool', ['--generate-privkey', '--key-type', type]);
    const text = out.slice(0, out.indexOf('-----BEGIN'));
    dump(`certtool --generate-privkey ${type} (text)`, true, text, type === 'rsa' ? 'private exponent:' : 'private key:');
    writeFileSync(path.join(dir, `certtool_${type}.pem`), out.slice(out.indexOf('-----BEGIN')));
    dump(`certtool --pubkey-info ${type}`, false, run('certtool', ['--pubkey-info', '--load-privkey', `certtool_${type}.pem`]));
  }
  // paperkey: the secret parts of an OpenPGP key in base16, each line with its CRC-24.
  dump('paperkey --secret-key (base16)', true, run('paperkey', ['--secret-key', 'dev.sec.gpg']), '  1: 00 0');

  // A key file in hex, as firmware and test code embed one: `xxd -i` (a C array) and `xxd -p`
  // (plain hex lines, or one line), of DER keys (PKCS#8, PKCS#1, SEC1, encrypted PKCS#8, Ed448)
  // and of an OpenSSH key file's text; a public key's and a certificate's are the negatives.
  for (const [name, priv] of [
    ['k8.der', true],
    ['k1.der', true],
    ['ec.der', true],
    ['enc.der', true],
    ['ed448.der', true],
    ['ssh_ed25519_openssh_plain', true],
    ['pub.der', false],
    ['cert.der', false],
  ] as const) {
    const array = run('xxd', ['-i', name]).trim();
    const first = (t: string, n: number) => (priv ? t.split('\n')[n] : undefined);
    keys.push({ kind: `xxd -i ${name}`, private: priv, shape: 'conf', text: array, anchor: first(array, 1), fileName: 'key_der.h' });
    const plain = run('xxd', ['-p', name]).trim();
    keys.push({ kind: `xxd -p ${name}`, private: priv, shape: 'conf', text: plain, anchor: first(plain, 0), fileName: 'key.hex' });
  }
  const oneLine = run('xxd', ['-p', '-c', '256', 'ec.der']).trim();
  keys.push({ kind: 'xxd -p -c 256 ec.der (one line)', private: true, shape: 'conf', text: oneLine, anchor: oneLine, fileName: 'key.hex' });

  // age-keygen: the identity file (comments, then AGE-SECRET-KEY-1…) and its public recipient.
  const ageKeys = run('age-keygen', []);
  add('age-keygen identity', true, ageKeys, 'age');
  add('age-keygen -y recipient', false, run('age-keygen', ['-y'], ageKeys), 'age');

  // wg: a WireGuard key pair (the interface's PrivateKey, the peer's PublicKey).
  const wgKey = run('wg', ['genkey']).trim();
  add('wg genkey', true, wgKey, 'wg');
  add('wg pubkey', false, run('wg', ['pubkey'], wgKey + '\n'), 'wg');

  // minisign and signify (signing keys): the secret key file (a comment line, a base64 line),
  // with and without a passphrase (read from stdin: setsid keeps a terminal out of it), and the public key.
  const tty = (cmd: string, args: string[], input = '') =>
    execFileSync('setsid', ['-w', cmd, ...args], {
      cwd: dir,
      input,
      encoding: 'utf8',
      env: { ...process.env, PATH: TOOL_PATH },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  tty('minisign', ['-G', '-p', 'mini.pub', '-s', 'mini.key'], `${PASS}\n${PASS}\n`);
  add('minisign secret key (passphrase)', true, file('mini.key'), 'signer');
  add('minisign public key', false, file('mini.pub'), 'signer');
  tty('minisign', ['-G', '-W', '-p', 'mini-w.pub', '-s', 'mini-w.key']);
  add('minisign secret key (-W, no passphrase)', true, file('mini-w.key'), 'signer');
  tty('signify-openbsd', ['-G', '-n', '-p', 'sig.pub', '-s', 'sig.sec']);
  add('signify secret key (-n)', true, file('sig.sec'), 'signer');
  add('signify public key', false, file('sig.pub'), 'signer');
  tty('signify-openbsd', ['-G', '-p', 'sig-p.pub', '-s', 'sig-p.sec'], `${PASS}\n${PASS}\n`);
  add('signify secret key (passphrase)', true, file('sig-p.sec'), 'signer');

  // openvpn: a static key (tls-auth / tls-crypt / secret), a tls-crypt-v2 server key and a client key made from it.
  run('openvpn', ['--genkey', 'secret', 'ta.key']);
  add('openvpn --genkey secret (static key)', true, file('ta.key'));
  run('openvpn', ['--genkey', 'tls-crypt-v2-server', 'v2-server.key']);
  add('openvpn tls-crypt-v2 server key', true, file('v2-server.key'));
  run('openvpn', ['--genkey', 'tls-crypt-v2-client', 'v2-client.key', '--tls-crypt-v2', 'v2-server.key']);
  add('openvpn tls-crypt-v2 client key', true, file('v2-client.key'));
  run('openvpn', ['--genkey', 'auth-token', 'auth-token.key']);
  add('openvpn auth-token server key', true, file('auth-token.key'));

  // nebula-cert: a host key pair and a CA (Ed25519 key and its certificate).
  run('nebula-cert', ['keygen', '-out-key', 'host.key', '-out-pub', 'host.pub']);
  add('nebula-cert keygen X25519 key', true, file('host.key'));
  add('nebula-cert keygen X25519 public key', false, file('host.pub'));
  run('nebula-cert', ['ca', '-name', 'Example CA', '-out-crt', 'nebula-ca.crt', '-out-key', 'nebula-ca.key']);
  add('nebula-cert ca Ed25519 key', true, file('nebula-ca.key'));
  add('nebula-cert ca certificate', false, file('nebula-ca.crt'));

  // dropbearkey: binary private keys; the public blob (`-y`, base64-decoded) is the negative.
  const bytes = (name: string) => readFileSync(path.join(dir, name));
  const addBytes = (kind: string, priv: boolean, data: Buffer) =>
    keys.push({ kind, private: priv, shape: 'file', text: data.toString('base64'), data });
  for (const [type, bits] of [
    ['ed25519', []],
    ['rsa', ['-s', '2048']],
    ['ecdsa', ['-s', '256']],
  ] as const) {
    run('dropbearkey', ['-t', type, ...bits, '-f', `dropbear_${type}`]);
    addBytes(`dropbearkey ${type}`, true, bytes(`dropbear_${type}`));
    const pubLine = run('dropbearkey', ['-y', '-f', `dropbear_${type}`])
      .split('\n')
      .find((l) => /^(?:ssh|ecdsa)-/.test(l))!;
    addBytes(`dropbearkey ${type} public blob`, false, Buffer.from(pubLine.split(' ')[1], 'base64'));
  }

  // git-crypt: the symmetric key of a repository, exported (`git-crypt export-key`).
  const crypted = path.join(dir, 'crypted');
  mkdirSync(crypted);
  const inRepo = (args: string[], cmd = 'git') =>
    execFileSync(cmd, args, { cwd: crypted, env: { ...process.env, PATH: TOOL_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  inRepo(['init', '-q']);
  inRepo(['init'], 'git-crypt');
  inRepo(['export-key', path.join(dir, 'git-crypt.key')], 'git-crypt');
  keys.push({
    kind: 'git-crypt export-key',
    private: true,
    shape: 'file',
    text: bytes('git-crypt.key').toString('base64'),
    data: bytes('git-crypt.key'),
  });

  // ktutil: a keytab holding an AES key made from a password.
  tty('ktutil', [], `addent -password -p svc@EXAMPLE.TEST -k 1 -e aes256-cts-hmac-sha1-96\n${PASS}\nwkt svc.keytab\n`);
  addBytes('ktutil keytab (aes256)', true, bytes('svc.keytab'));

  // tor: an onion service's keys, written by tor itself (network off, stopped once they exist).
  const hs = path.join(dir, 'hs');
  mkdirSync(hs, { mode: 0o700 });
  mkdirSync(path.join(dir, 'tor-data'), { mode: 0o700 });
  // (tor keeps running: it is stopped, by its own pid, as soon as its hostname file (written last) exists, or after 10 s.)
  const torArgs = [
    'SocksPort',
    '0',
    'DisableNetwork',
    '1',
    'DataDirectory',
    'tor-data',
    'HiddenServiceDir',
    'hs',
    'HiddenServicePort',
    '80 127.0.0.1:8080',
    '--quiet',
  ];
  execFileSync(
    'sh',
    [
      '-c',
      'tor "$@" & p=$!; i=0; while [ ! -s hs/hostname ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; kill $p; wait $p || true',
      'sh',
      ...torArgs,
    ],
    { cwd: dir, env: { ...process.env, PATH: TOOL_PATH }, stdio: 'ignore' },
  );
  addBytes('tor onion service hs_ed25519_secret_key', true, bytes('hs/hs_ed25519_secret_key'));
  addBytes('tor onion service hs_ed25519_public_key', false, bytes('hs/hs_ed25519_public_key'));

  // dnssec-keygen: a zone signing key's .private file (ECDSA and RSA); the .key file is the public DNSKEY.
  for (const alg of ['ECDSAP256SHA256', 'RSASHA256']) {
    const name = run('dnssec-keygen', ['-q', '-a', alg, '-n', 'ZONE', 'example.test']).trim();
    const fileName = name.replace(/^K/, 'K-');
    keys.push({
      kind: `dnssec-keygen ${alg} .private`,
      private: true,
      shape: 'conf',
      text: file(`${name}.private`),
      anchor: 'Private-key-format:',
      fileName: `${fileName}.private`,
    });
    keys.push({
      kind: `dnssec-keygen ${alg} .key (DNSKEY)`,
      private: false,
      shape: 'conf',
      text: file(`${name}.key`),
      fileName: `${fileName}.key`,
    });
  }

  // rndc-confgen: the rndc.key a BIND server and rndc share (a TSIG key clause).
  for (const alg of ['hmac-sha256', 'hmac-md5']) {
    run('rndc-confgen', ['-a', '-A', alg, '-k', 'rndc-key', '-c', `rndc-${alg}.key`]);
    keys.push({
      kind: `rndc-confgen ${alg} rndc.key`,
      private: true,
      shape: 'conf',
      text: file(`rndc-${alg}.key`),
      anchor: '\tsecret',
      fileName: 'rndc.key',
      rule: 'dns-tsig-key',
    });
  }

  // wpa_passphrase: a wpa_supplicant network block (the PSK in hex, the passphrase in a comment).
  const wpa = run('wpa_passphrase', ['Office WiFi', `wifi ${PASS}`]);
  keys.push({
    kind: 'wpa_passphrase network block',
    private: true,
    shape: 'conf',
    text: wpa.trim(),
    anchor: '\tpsk=',
    fileName: 'wpa_supplicant.conf',
    rule: 'wifi-psk',
  });

  // node:crypto: JWK (private has "d") and .NET XML <RSAKeyValue>.
  for (const [name, pair] of [
    ['RSA', generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['EC', generateKeyPairSync('ec', { namedCurve: 'P-256' })],
    ['Ed25519', generateKeyPairSync('ed25519')],
  ] as const) {
    add(`node:crypto JWK ${name} private`, true, JSON.stringify(pair.privateKey.export({ format: 'jwk' })), 'jwk');
    add(`node:crypto JWK ${name} public`, false, JSON.stringify(pair.publicKey.export({ format: 'jwk' })), 'jwk');
  }
  const j = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const b = (k: string) => Buffer.from(j[k], 'base64url').toString('base64');
  const pub = `<Modulus>${b('n')}</Modulus><Exponent>${b('e')}</Exponent>`;
  add(
    '.NET RSAKeyValue private',
    true,
    `<RSAKeyValue>${pub}<P>${b('p')}</P><Q>${b('q')}</Q><DP>${b('dp')}</DP><DQ>${b('dq')}</DQ><InverseQ>${b('qi')}</InverseQ><D>${b('d')}</D></RSAKeyValue>`,
    'xml',
  );
  add('.NET RSAKeyValue public', false, `<RSAKeyValue>${pub}</RSAKeyValue>`, 'xml');
  return keys;
}
