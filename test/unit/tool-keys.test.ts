/**
 * Keys from tools beyond ssh-keygen/openssl/puttygen/gpg, written at run time by the tools
 * themselves and judged by their structure: Dropbear private keys and Kerberos keytabs (binary,
 * keyFile), minisign and signify secret key lines, Nebula and OpenVPN key blocks (text). Each
 * public counterpart, and each key broken in a way its structure shows, is not a key.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { keyFile, startsLikeKeyFile } from '../../src/detect/keys/key-file';
import { isPrivateKeyBlock, isSignifySecretKey } from '../../src/detect/keys/key-text';
import { compileRules, scanLines } from '../../src/detect/engine';
import { privateKey } from '../../src/detect/rules/private-key';
import { toFinding } from '../../src/scan/to-finding';
import { requireTools, TOOL_PATH } from '../corpus/realtools/tools';
import { json, makeRepo, tmpDir } from '../helpers/repo';

requireTools();
const dir = tmpDir('akh-toolkeys-');
const PASS = 'tool-pass-' + process.pid;
const env = { ...process.env, PATH: TOOL_PATH };
/** Runs a tool in its own session (no terminal: a passphrase is read from stdin). */
const run = (cmd: string, args: string[], input = '') =>
  execFileSync('setsid', ['-w', cmd, ...args], { cwd: dir, input, env, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
const bytes = (name: string) => readFileSync(path.join(dir, name));
const text = (name: string) => readFileSync(path.join(dir, name), 'utf8').trim();
const keyLine = (name: string) => text(name).split('\n')[1];

describe('dropbearkey', () => {
  const types = ['ed25519', 'rsa', 'ecdsa', 'dss'];
  beforeAll(() => {
    for (const t of types) run('dropbearkey', ['-t', t, '-f', `db_${t}`]);
  });

  test.each(types)('a %s private key is a key file; its public blob, a cut or a longer file is not', (t) => {
    const key = bytes(`db_${t}`);
    expect(startsLikeKeyFile(key)).toBe(true);
    const found = keyFile(key);
    expect(found?.format).toBe('dropbear');
    // The secret is a private field, never the public part the -y line shows.
    const pub = run('dropbearkey', ['-y', '-f', `db_${t}`])
      .split('\n')
      .find((l) => /^(?:ssh|ecdsa)-/.test(l))!
      .split(' ')[1];
    const blob = Buffer.from(pub, 'base64');
    expect(blob.toString('base64')).not.toContain(found!.secret);
    expect(keyFile(blob)).toBeNull();
    expect(keyFile(key.subarray(0, key.length - 1))).toBeNull();
    expect(keyFile(Buffer.concat([key, Buffer.from([0])]))).toBeNull();
  });

  test('a dss key whose x has a zero top byte (19 bytes, once in 256 keys) is a key file too', () => {
    // The last field of the file dropbearkey wrote, x, rewritten one byte shorter (as a leading zero drops out).
    const key = bytes('db_dss');
    let at = 4 + key.readUInt32BE(0);
    for (let i = 0; i < 4; i++) at += 4 + key.readUInt32BE(at);
    const x = key.subarray(at + 4);
    const short = Buffer.concat([key.subarray(0, at), Buffer.from([0, 0, 0, 19]), x.subarray(x.length - 19)]);
    expect(keyFile(short)?.format).toBe('dropbear');
  });
});

describe('ktutil keytab', () => {
  const addent = (principal: string, enctype: string) => `addent -password -p ${principal} -k 1 -e ${enctype}\n${PASS}\n`;
  beforeAll(() => {
    run('ktutil', [], addent('svc@EXAMPLE.TEST', 'aes256-cts-hmac-sha1-96') + 'wkt one.keytab\n');
    run(
      'ktutil',
      [],
      addent('HTTP/web.example.test@EXAMPLE.TEST', 'aes128-cts-hmac-sha1-96') +
        addent('u@EXAMPLE.TEST', 'aes256-cts-hmac-sha1-96') +
        'wkt two.keytab\n',
    );
  });

  test('a keytab with a key is a key file; its secret is the keys, one entry after another', () => {
    const one = keyFile(bytes('one.keytab'));
    expect(one?.format).toBe('kerberos-keytab');
    expect(Buffer.from(one!.secret!, 'base64')).toHaveLength(32);
    const two = keyFile(bytes('two.keytab'));
    expect(Buffer.from(two!.secret!, 'base64')).toHaveLength(16 + 32);
  });

  test('a keytab whose entries were all removed (holes), or cut short, or with bytes after it, is not', () => {
    const kt = Buffer.from(bytes('one.keytab'));
    expect(keyFile(kt.subarray(0, kt.length - 3))).toBeNull();
    expect(keyFile(Buffer.concat([kt, Buffer.from([1, 2])]))).toBeNull();
    // A removed entry: its size negated, its bytes zeroed (as MIT's ktremove leaves it).
    const size = kt.readInt32BE(2);
    const hole = Buffer.from(kt);
    hole.writeInt32BE(-size, 2);
    hole.fill(0, 6, 6 + size);
    expect(keyFile(hole)).toBeNull();
    // A hole before a real entry is skipped.
    expect(keyFile(Buffer.concat([hole, kt.subarray(2)]))?.format).toBe('kerberos-keytab');
  });
});

describe('minisign and signify', () => {
  beforeAll(() => {
    run('minisign', ['-G', '-p', 'm.pub', '-s', 'm.key'], `${PASS}\n${PASS}\n`);
    run('minisign', ['-G', '-W', '-p', 'mw.pub', '-s', 'mw.key']);
    run('signify-openbsd', ['-G', '-n', '-p', 's.pub', '-s', 's.sec']);
    run('signify-openbsd', ['-G', '-p', 'sp.pub', '-s', 'sp.sec'], `${PASS}\n${PASS}\n`);
  });

  test('secret key lines are keys (with and without a passphrase); public key lines are not', () => {
    expect(text('m.key')).toMatch(/^untrusted comment: minisign encrypted secret key\n/);
    for (const f of ['m.key', 'mw.key', 's.sec', 'sp.sec']) expect({ f, key: isSignifySecretKey(keyLine(f)) }).toEqual({ f, key: true });
    for (const f of ['m.pub', 'mw.pub', 's.pub', 'sp.pub']) expect({ f, key: isSignifySecretKey(keyLine(f)) }).toEqual({ f, key: false });
  });

  test('an unencrypted signify key must match its checksum; a key of zeros is no key', () => {
    const b = Buffer.from(keyLine('s.sec'), 'base64');
    b[60] ^= 1;
    expect(isSignifySecretKey(b.toString('base64'))).toBe(false);
    const m = Buffer.from(keyLine('mw.key'), 'base64');
    m.fill(0, 54);
    expect(isSignifySecretKey(m.toString('base64'))).toBe(false);
  });
});

describe('nebula-cert and openvpn key blocks', () => {
  beforeAll(() => {
    run('nebula-cert', ['keygen', '-out-key', 'host.key', '-out-pub', 'host.pub']);
    run('nebula-cert', ['ca', '-name', 'Example CA', '-out-crt', 'ca.crt', '-out-key', 'ca.key']);
    run('openvpn', ['--genkey', 'secret', 'ta.key']);
    run('openvpn', ['--genkey', 'tls-crypt-v2-server', 'v2.key']);
    run('openvpn', ['--genkey', 'tls-crypt-v2-client', 'v2c.key', '--tls-crypt-v2', 'v2.key']);
    run('openvpn', ['--genkey', 'auth-token', 'at.key']);
  });
  const block = (name: string) => text(name).slice(text(name).indexOf('-----BEGIN'));

  test('the private keys are keys; the public key and the certificate are not', () => {
    for (const f of ['host.key', 'ca.key', 'ta.key', 'v2.key', 'v2c.key', 'at.key'])
      expect({ f, key: isPrivateKeyBlock(block(f)) }).toEqual({ f, key: true });
    for (const f of ['host.pub', 'ca.crt']) expect({ f, key: isPrivateKeyBlock(block(f)) }).toEqual({ f, key: false });
  });

  test("OpenVPN's keys get the shared-key advice (both ends hold them); a Nebula key keeps the key-pair advice", () => {
    const compiled = compileRules([privateKey]);
    const adviceOf = (f: string) => {
      const lines = text(f)
        .split('\n')
        .map((t, i) => ({ line: i + 1, text: t }));
      const found = scanLines(lines, compiled, { matches: (re) => lines.some((l) => re.test(l.text)) });
      return found.map((x) => toFinding(x, privateKey, f).advice);
    };
    for (const f of ['ta.key', 'v2.key', 'v2c.key']) expect({ f, advice: adviceOf(f) }).toEqual({ f, advice: ['shared-key'] });
    expect(adviceOf('host.key')).toEqual(['key']);
  });

  test('a Nebula key of another length, or a static key cut to a few bytes, is not', () => {
    const lines = block('host.key').split('\n');
    const short = Buffer.from(lines[1], 'base64').subarray(0, 31).toString('base64');
    expect(isPrivateKeyBlock([lines[0], short, lines[2]].join('\n'))).toBe(false);
    // The Ed25519 CA key's bytes under the X25519 label: the length tells them apart.
    const ca = block('ca.key').split('\n');
    expect(isPrivateKeyBlock([lines[0], ...ca.slice(1, -1), lines[2]].join('\n'))).toBe(false);
    const ta = block('ta.key').split('\n');
    expect(isPrivateKeyBlock([ta[0], ta[1], ta[ta.length - 1]].join('\n'))).toBe(false);
  });
});

test('a Nebula key line that starts with `+` or `//` is base64, not a concatenation or a comment: every key is found whole', () => {
  const compiled = compileRules([privateKey]);
  const scan = (text: string) => {
    const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
    return scanLines(lines, compiled, { matches: (re) => lines.some((l) => re.test(l.text)) });
  };
  // Bytes whose base64 line starts with `//` (0xff 0xf…) or `+` (0xf8): at the start, and at byte 48 (the second line).
  const starts = [[0xff, 0xf0], [0xf8], []];
  for (const [label, size] of [
    ['NEBULA X25519 PRIVATE KEY', 32],
    ['NEBULA ED25519 PRIVATE KEY', 64],
  ] as const)
    for (const at of size === 64 ? [0, 48] : [0])
      for (const head of starts) {
        const key = randomBytes(size);
        Buffer.from(head).copy(key, at);
        const body = key
          .toString('base64')
          .match(/.{1,64}/g)!
          .join('\n');
        const text = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
        for (const shown of [text, text.replace(/\n/g, '\n    '), text.replace(/^/gm, '# '), text.replace(/^/gm, '// ')])
          expect({ text: shown, found: scan(shown).map((f) => f.line) }).toEqual({ text: shown, found: [1] });
      }
});

describe('tor and dnssec-keygen', () => {
  beforeAll(() => {
    execFileSync(
      'sh',
      [
        '-c',
        'mkdir -m 700 hs td; tor SocksPort 0 DisableNetwork 1 DataDirectory td HiddenServiceDir hs HiddenServicePort "80 127.0.0.1:8080" --quiet & p=$!; i=0; while [ ! -s hs/hostname ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; kill $p; wait $p || true',
      ],
      { cwd: dir, env, stdio: 'ignore' },
    );
  });

  test("an onion service's secret key is a key file; its public key, or the secret key cut or lengthened, is not", () => {
    const key = bytes('hs/hs_ed25519_secret_key');
    expect(startsLikeKeyFile(key)).toBe(true);
    expect(keyFile(key)).toEqual({ format: 'tor-ed25519-secret', secret: key.subarray(32).toString('base64') });
    expect(keyFile(bytes('hs/hs_ed25519_public_key'))).toBeNull();
    expect(keyFile(key.subarray(0, 95))).toBeNull();
    expect(keyFile(Buffer.concat([key, Buffer.from('\n')]))).toBeNull();
  });

  test.each(['ECDSAP256SHA256', 'RSASHA256', 'ED25519'])(
    'a dnssec-keygen %s .private file is a key; the .key DNSKEY record is not',
    (alg) => {
      const name = execFileSync('dnssec-keygen', ['-q', '-a', alg, '-n', 'ZONE', 'example.test'], { cwd: dir }).toString().trim();
      const scan = (text: string) => {
        const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
        return scanLines(lines, compileRules([privateKey]), { matches: (re) => lines.some((l) => re.test(l.text)) });
      };
      expect(scan(text(`${name}.private`)).map((f) => f.line)).toEqual([1]);
      expect(scan(text(`${name}.key`))).toEqual([]);
      // The same file with its key zeroed is a template, not a key.
      const zeroed = text(`${name}.private`).replace(
        /^(PrivateKey|PrivateExponent): (\S+)$/m,
        (_a, k: string, v: string) => `${k}: ${'A'.repeat(v.length - 1)}=`,
      );
      expect(scan(zeroed)).toEqual([]);
    },
  );
});

test('a git-crypt key file is a key file; cut short, or with its AES key field missing, it is not', () => {
  execFileSync('sh', ['-c', 'mkdir gc && cd gc && git init -q && git-crypt init && git-crypt export-key ../gc.key'], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
  const key = bytes('gc.key');
  expect(startsLikeKeyFile(key)).toBe(true);
  const found = keyFile(key);
  expect(found?.format).toBe('git-crypt-key');
  expect(Buffer.from(found!.secret!, 'base64')).toHaveLength(32 + 64);
  expect(keyFile(key.subarray(0, key.length - 4))).toBeNull();
  // The AES key field (id 3) renumbered: an entry without it is no key.
  const other = Buffer.from(key);
  other.writeUInt32BE(9, other.indexOf(Buffer.from([0, 0, 0, 3, 0, 0, 0, 32])));
  expect(keyFile(other)).toBeNull();
});

test('RSA .private files staged in a commit are each found, whatever keyword their modulus line happens to hold', () => {
  // A keyword hit on the modulus line (`sk` in random base64) used to end the kept block before the private exponent.
  const repo = makeRepo();
  for (let i = 0; i < 12; i++) {
    const name = execFileSync('dnssec-keygen', ['-q', '-a', 'RSASHA256', '-b', '1024', '-n', 'ZONE', 'example.test'], { cwd: dir, env })
      .toString()
      .trim();
    repo.write(`keys/k${i}.private`, readFileSync(path.join(dir, `${name}.private`)));
  }
  repo.git(['add', '.']);
  const found = json(repo.cli(['check', '--format', 'json'])).findings as Array<{ file: string; line: number; ruleId: string }>;
  expect(found.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort()).toEqual(
    Array.from({ length: 12 }, (_, i) => `keys/k${i}.private:1 private-key`).sort(),
  );
});

test('gpg RSA secret keys base64-encoded (one line, or 76 a line) are found in a commit: 2048, 3072 (the run cut by a line break) and 4096 bits, with and without a passphrase', () => {
  // A binary RSA export has nothing fixed in its first line: it is found by its public exponent
  // and protection byte, which RSA-3072 (gpg 2.2's default) puts across the break after line 7.
  const home = tmpDir('akh-gpg-rsa-');
  const gpg = (args: string[], pass = '') =>
    execFileSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', pass, ...args], {
      env: { ...env, GNUPGHOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const repo = makeRepo();
  const expected: string[] = [];
  for (const [bits, pass] of [
    [2048, ''],
    [3072, ''],
    [3072, PASS],
    [4096, ''],
  ] as const) {
    const uid = `k${bits}${pass ? 'p' : ''}@example.com`;
    gpg(['--quick-gen-key', uid, `rsa${bits}`, 'sign', '1y'], pass);
    const bin = gpg(['--export-secret-keys', uid], pass);
    const wrapped = execFileSync('base64', [], { input: bin }).toString();
    // The line of the exponent's second byte (57 bytes a line).
    let i = 0;
    while (!(bin[i] === 0 && bin[i + 1] === 0x11 && bin[i + 2] === 1 && bin[i + 3] === 0 && bin[i + 4] === 1)) i++;
    const name = `k${bits}${pass ? 'p' : ''}`;
    repo.write(`keys/${name}.b64`, wrapped);
    repo.write(`keys/${name}.env`, `GPG_SIGNING_KEY=${bin.toString('base64')}\n`);
    expected.push(`keys/${name}.b64:${Math.floor((i + 1) / 57) + 1}`, `keys/${name}.env:1`);
  }
  execFileSync('gpgconf', ['--kill', 'all'], { env: { ...env, GNUPGHOME: home } });
  repo.git(['add', '.']);
  const found = json(repo.cli(['check', '--format', 'json'])).findings as Array<{ file: string; line: number; ruleId: string }>;
  expect(found.map((f) => `${f.file}:${f.line}`).sort()).toEqual(expected.sort());
  expect(new Set(found.map((f) => f.ruleId))).toEqual(new Set(['private-key']));
}, 120_000);
