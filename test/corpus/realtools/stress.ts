import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { placements, type Placed } from './placements';
import { requireTools, TOOL_PATH, type ToolKey } from './tools';

/**
 * The stress run of the real-tools corpus (not part of `npm test`: it is slow): key material is
 * random, so a detection that works on the one key a test makes can still miss one key in N.
 * Every generator here makes a FRESH key with the real tool on each call; each key is placed
 * every way placements.ts places it, staged in a scratch repository and scanned by the built
 * CLI (`node dist/cli.js check --format json`). A private key must give exactly one finding of
 * its rule on its anchor line, a public counterpart none. Each staged private file must also
 * pass the shell prefilter of dist/pre-commit.sh (else the hook would never start node), and no
 * two different keys may share a fingerprint (allowing one would let the other in).
 *
 * Run: `npm run build && node scripts/stress-keys.mjs [--scale 1] [--only REGEX] [--keep DIR]`.
 */
interface Ctx {
  dir: string;
  run(cmd: string, args: string[], input?: string, env?: NodeJS.ProcessEnv): string;
  tty(cmd: string, args: string[], input?: string): string;
  bin(cmd: string, args: string[]): Buffer;
  file(name: string): string;
  bytes(name: string): Buffer;
  /** A fresh file name in the scratch folder. */
  name(stem: string): string;
}

interface Gen {
  /** Generators sharing a group run together; `n` keys of each, times the scale. */
  group: string;
  n: number;
  make(c: Ctx): ToolKey[];
}

const PASS = 'stress-pass-' + process.pid;
const key = (kind: string, priv: boolean, text: string, shape: ToolKey['shape'] = 'block'): ToolKey => ({
  kind,
  private: priv,
  shape,
  text: text.trim(),
});
const fileKey = (kind: string, priv: boolean, data: Buffer): ToolKey => ({
  kind,
  private: priv,
  shape: 'file',
  text: data.toString('base64'),
  data,
});

const SSH_TYPES: Array<[string, string[], number]> = [
  ['ed25519', ['-t', 'ed25519'], 1],
  ['ecdsa-256', ['-t', 'ecdsa', '-b', '256'], 1],
  ['ecdsa-384', ['-t', 'ecdsa', '-b', '384'], 1],
  ['ecdsa-521', ['-t', 'ecdsa', '-b', '521'], 1],
  ['rsa-1024', ['-t', 'rsa', '-b', '1024'], 1],
  ['rsa-2048', ['-t', 'rsa', '-b', '2048'], 0.3],
  ['dsa', ['-t', 'dsa'], 1],
];

function sshGens(): Gen[] {
  const gens: Gen[] = [];
  for (const [name, type, weight] of SSH_TYPES)
    for (const m of name === 'ed25519' ? ['openssh'] : ['openssh', 'PEM', 'PKCS8'])
      for (const enc of [false, true])
        gens.push({
          group: 'ssh-keygen',
          n: Math.round(100 * weight),
          make: (c) => {
            const f = c.name('ssh');
            c.run('ssh-keygen', [
              '-q',
              ...type,
              ...(m === 'openssh' ? [] : ['-m', m]),
              '-N',
              enc ? PASS : '',
              '-C',
              'dev@example.com',
              '-f',
              f,
            ]);
            const out = [key(`ssh-keygen ${name} ${m}${enc ? ' encrypted' : ''}`, true, c.file(f))];
            if (m === 'openssh' && !enc) {
              out.push(key(`ssh-keygen ${name} .pub`, false, c.file(`${f}.pub`), 'line'));
              out.push(key(`ssh-keygen ${name} -e (RFC4716)`, false, c.run('ssh-keygen', ['-e', '-f', `${f}.pub`])));
              if (name !== 'ed25519')
                out.push(key(`ssh-keygen ${name} -e -m PKCS8`, false, c.run('ssh-keygen', ['-e', '-m', 'PKCS8', '-f', `${f}.pub`])));
            }
            return out;
          },
        });
  return gens;
}

/** openssl: a fresh key each call, in its PEM forms, dumps, DER lines; and its public key. */
function opensslGens(c0: { params: Record<string, string> }): Gen[] {
  const g = (n: number, make: Gen['make']): Gen => ({ group: 'openssl', n, make });
  const fresh = (c: Ctx, args: string[]): string => {
    const f = c.name('key') + '.pem';
    c.run('openssl', [args[0], '-out', f, ...args.slice(1)]);
    return f;
  };
  const ossl = (c: Ctx, args: string[]) => c.run('openssl', args);
  const der = (c: Ctx, args: string[]) => c.bin('openssl', [...args, '-outform', 'DER']);
  const pub = (c: Ctx, f: string, kind: string) => key(`${kind} public`, false, ossl(c, ['pkey', '-in', f, '-pubout']));
  const gens: Gen[] = [];
  for (const [kind, args, n] of [
    ['RSA 1024', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'], 100],
    ['RSA 2048', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], 30],
    ['EC P-256', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], 150],
    ['EC P-384', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'], 150],
    ['EC P-521', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'], 150],
    ['EC secp256k1', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1'], 100],
    ['EC brainpoolP512r1', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP512r1'], 100],
    ['Ed25519', ['genpkey', '-algorithm', 'ED25519'], 200],
    ['X25519', ['genpkey', '-algorithm', 'X25519'], 200],
    ['Ed448', ['genpkey', '-algorithm', 'ED448'], 150],
    ['X448', ['genpkey', '-algorithm', 'X448'], 150],
    ['SM2', ['genpkey', '-algorithm', 'SM2'], 100],
    ['DH ffdhe2048', ['genpkey', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048'], 100],
    ['DHX rfc5114', ['genpkey', '-paramfile', c0.params.dhx], 100],
    ['DSA 1024', ['genpkey', '-paramfile', c0.params.dsa1024], 150],
    ['DSA 2048', ['genpkey', '-paramfile', c0.params.dsa2048], 150],
  ] as Array<[string, string[], number]>) {
    const trad = /^(?:RSA|EC|DSA)/.test(kind);
    gens.push(
      g(n, (c) => {
        const f = fresh(c, args);
        const out = [key(`openssl ${kind} PKCS#8`, true, c.file(f)), pub(c, f, `openssl ${kind}`)];
        if (trad) out.push(key(`openssl ${kind} traditional`, true, ossl(c, ['pkey', '-in', f, '-traditional'])));
        return out;
      }),
      g(Math.ceil(n / 3), (c) => {
        const f = fresh(c, args);
        return [
          key(
            `openssl ${kind} PKCS#8 encrypted`,
            true,
            ossl(c, ['pkcs8', '-topk8', '-in', f, '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]),
          ),
        ];
      }),
      g(Math.ceil(n / 2), (c) => {
        const f = fresh(c, args);
        return [key(`openssl ${kind} -text -noout`, true, ossl(c, ['pkey', '-in', f, '-text', '-noout']), 'dump')];
      }),
      g(Math.ceil(n / 2), (c) => {
        // Headerless DER where the corpus places it: RSA (PKCS#8, PKCS#1, encrypted PKCS#8) on one
        // line (Alipay) or over lines (`openssl base64`, coreutils `base64`), EC P-256 over lines;
        // every other kind's encrypted PKCS#8 (PBES2 and PBE-SHA1-3DES: their encryption OID sits
        // at an offset set by the key's size) on one line and over lines.
        const f = fresh(c, args);
        const encrypted: ToolKey[] = [];
        if (!kind.startsWith('RSA') && !kind.startsWith('DH'))
          for (const [name, how] of [
            ['aes-256-cbc', ['-v2', 'aes-256-cbc']],
            ['PBE-SHA1-3DES', ['-v1', 'PBE-SHA1-3DES']],
          ] as const) {
            const enc = derFile(c, f, ['pkcs8', '-topk8', ...how, '-passout', `pass:${PASS}`]);
            encrypted.push(
              key(`openssl ${kind} encrypted PKCS#8 (${name}) DER one line`, true, c.bytes(enc).toString('base64'), 'line'),
              key(`openssl ${kind} encrypted PKCS#8 (${name}) DER, openssl base64 lines`, true, ossl(c, ['base64', '-in', enc]), 'lines'),
            );
          }
        if (!kind.startsWith('RSA') && kind !== 'EC P-256') return encrypted;
        const p8 = derFile(c, f, ['pkcs8', '-topk8', '-nocrypt']);
        const out = [...encrypted, key(`openssl ${kind} PKCS#8 DER, openssl base64 lines`, true, ossl(c, ['base64', '-in', p8]), 'lines')];
        if (kind.startsWith('RSA')) {
          const enc = derFile(c, f, ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]);
          out.push(key(`openssl ${kind} encrypted PKCS#8 DER, openssl base64 lines`, true, ossl(c, ['base64', '-in', enc]), 'lines'));
          const p1 = derFile(c, f, ['rsa', '-traditional']);
          out.push(
            key(`openssl ${kind} PKCS#8 DER one line`, true, c.bytes(p8).toString('base64'), 'line'),
            key(`openssl ${kind} PKCS#1 DER one line`, true, c.bytes(p1).toString('base64'), 'line'),
            key(`openssl ${kind} PKCS#1 DER, coreutils base64 lines`, true, c.run('base64', [p1]), 'lines'),
            key(`openssl ${kind} public DER one line`, false, der(c, ['pkey', '-in', f, '-pubout']).toString('base64'), 'line'),
            key(
              `openssl ${kind} public DER, openssl base64 lines`,
              false,
              ossl(c, ['base64', '-in', derFile(c, f, ['pkey', '-pubout'])]),
              'lines',
            ),
          );
        } else
          out.push(key(`openssl ${kind} SEC1 DER, openssl base64 lines`, true, ossl(c, ['base64', '-in', derFile(c, f, ['ec'])]), 'lines'));
        return out;
      }),
    );
    if (trad)
      gens.push(
        g(Math.ceil(n / 3), (c) => {
          const f = fresh(c, args);
          const tool = kind.startsWith('RSA') ? 'rsa' : kind.startsWith('EC') ? 'ec' : 'dsa';
          return [key(`openssl ${kind} traditional -aes128`, true, ossl(c, [tool, '-in', f, '-aes128', '-passout', `pass:${PASS}`]))];
        }),
      );
  }
  gens.push(
    g(100, (c) => [
      key('openssl ecparam -genkey (EC PARAMETERS, then the key)', true, ossl(c, ['ecparam', '-name', 'secp384r1', '-genkey'])),
    ]),
    g(100, (c) => [
      key(
        'openssl ecparam -param_enc explicit',
        true,
        ossl(c, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-param_enc', 'explicit']),
      ),
    ]),
    g(60, (c) => [key('openssl genpkey -text (PEM, then its dump)', true, ossl(c, ['genpkey', '-algorithm', 'ED25519', '-text']))]),
    g(40, (c) => {
      const f = fresh(c, ['genrsa', '1024']);
      const crt = c.name('crt') + '.pem';
      const p12 = c.name('p12') + '.p12';
      ossl(c, ['req', '-x509', '-key', f, '-subj', '/CN=store.example.test', '-days', '1', '-out', crt]);
      ossl(c, ['pkcs12', '-export', '-inkey', f, '-in', crt, '-passout', `pass:${PASS}`, '-out', p12]);
      return [
        fileKey('openssl pkcs12 -export (file)', true, c.bytes(p12)),
        key(
          'openssl pkcs12 -nodes (Bag Attributes)',
          true,
          ossl(c, ['pkcs12', '-in', p12, '-nodes', '-nocerts', '-passin', `pass:${PASS}`]),
        ),
        key('openssl certificate', false, c.file(crt)),
      ];
    }),
  );
  return gens;
}

function derFile(c: Ctx, pem: string, cmd: string[]): string {
  const out = c.name('der') + '.der';
  c.run('openssl', [...cmd, '-in', pem, '-outform', 'DER', '-out', out]);
  return out;
}

function puttygenGens(passFile: string, emptyFile: string): Gen[] {
  const gens: Gen[] = [];
  for (const [name, type, n] of [
    ['ed25519', ['-t', 'ed25519'], 100],
    ['ed448', ['-t', 'ed448'], 60],
    ['ecdsa-256', ['-t', 'ecdsa', '-b', '256'], 100],
    ['ecdsa-521', ['-t', 'ecdsa', '-b', '521'], 60],
    ['rsa-1024', ['-t', 'rsa', '-b', '1024'], 60],
    ['dsa', ['-t', 'dsa', '-b', '1024'], 40],
  ] as Array<[string, string[], number]>)
    for (const [version, enc] of [
      ['2', false],
      ['3', false],
      ['2', true],
      ['3', true],
    ] as const)
      gens.push({
        group: 'puttygen',
        n: enc ? Math.ceil(n / 3) : n,
        make: (c) => {
          const f = c.name('pg') + '.ppk';
          c.run('puttygen', [...type, '-o', f, '--new-passphrase', enc ? passFile : emptyFile, '--ppk-param', `version=${version}`, '-q']);
          const out = [key(`puttygen ${name} PPK v${version}${enc ? ' encrypted' : ''}`, true, c.file(f))];
          if (!enc && version === '3') {
            out.push(key(`puttygen ${name} public-openssh`, false, c.run('puttygen', [f, '-O', 'public-openssh']), 'line'));
            out.push(key(`puttygen ${name} public (SSH2)`, false, c.run('puttygen', [f, '-O', 'public'])));
            if (name === 'rsa-1024' || name === 'dsa') {
              const s = c.name('sshcom');
              c.run('puttygen', [f, '-O', 'private-sshcom', '-o', s]);
              out.push(key(`puttygen ${name} -O private-sshcom`, true, c.file(s)));
            }
            const o = c.name('pgo');
            c.run('puttygen', [f, '-O', 'private-openssh', '-o', o]);
            out.push(key(`puttygen ${name} -O private-openssh`, true, c.file(o)));
          }
          return out;
        },
      });
  gens.push({
    group: 'puttygen',
    n: 40,
    make: (c) => {
      const f = c.name('rsa1');
      c.run('puttygen', ['-t', 'rsa1', '-b', '1024', '-o', f, '--new-passphrase', emptyFile, '-q']);
      return [fileKey('puttygen -t rsa1 (SSH-1)', true, c.bytes(f))];
    },
  });
  return gens;
}

function gpgGens(): Gen[] {
  const gen = (algo: string, usage: string, withPass: boolean) => (c: Ctx) => {
    const home = c.name('gnupg');
    mkdirSync(home, { mode: 0o700 });
    const pass = withPass ? PASS : '';
    const env = { GNUPGHOME: home };
    const gpg = (args: string[]) => c.run('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', pass, ...args], undefined, env);
    try {
      gpg(['--quick-gen-key', 'Dev <dev@example.com>', algo, usage, '1y']);
      const label = `${algo}${withPass ? ' (passphrase)' : ''}`;
      const out = [
        key(`gpg --armor --export-secret-keys ${label}`, true, gpg(['--armor', '--export-secret-keys', 'dev@example.com'])),
        key(`gpg --armor --export-secret-subkeys ${label}`, true, gpg(['--armor', '--export-secret-subkeys', 'dev@example.com'])),
      ];
      if (!withPass) out.push(key(`gpg --armor --export ${label}`, false, gpg(['--armor', '--export', 'dev@example.com'])));
      const kd = path.join(home, 'private-keys-v1.d');
      for (const f of readdirSync(kd)) {
        const text = readFileSync(path.join(kd, f), 'utf8');
        const a = /\((?:protected-)?private-key \((\w+)/.exec(text)?.[1] ?? '?';
        out.push(
          key(`gpg-agent key file, extended (${a}${text.includes('(protected-private-key') ? ', protected' : ''})`, true, text, 'agent'),
        );
      }
      return out;
    } finally {
      spawnSync('gpgconf', ['--kill', 'all'], { env: { ...process.env, GNUPGHOME: home } });
    }
  };
  return [
    { group: 'gpg', n: 60, make: gen('future-default', 'default', false) },
    { group: 'gpg', n: 30, make: gen('future-default', 'default', true) },
    { group: 'gpg', n: 30, make: gen('nistp256', 'sign', false) },
    { group: 'gpg', n: 12, make: gen('rsa2048', 'sign', false) },
  ];
}

function otherGens(): Gen[] {
  const g = (group: string, n: number, make: Gen['make']): Gen => ({ group, n, make });
  return [
    g('age', 300, (c) => {
      const id = c.run('age-keygen', []);
      return [key('age-keygen identity', true, id, 'age'), key('age-keygen -y recipient', false, c.run('age-keygen', ['-y'], id), 'age')];
    }),
    g('wg', 300, (c) => {
      const k = c.run('wg', ['genkey']).trim();
      return [key('wg genkey', true, k, 'wg'), key('wg pubkey', false, c.run('wg', ['pubkey'], k + '\n'), 'wg')];
    }),
    g('minisign', 150, (c) => {
      const [p, s] = [c.name('mini') + '.pub', c.name('mini') + '.key'];
      c.tty('minisign', ['-G', '-W', '-p', p, '-s', s]);
      return [key('minisign secret key (-W)', true, c.file(s), 'signer'), key('minisign public key', false, c.file(p), 'signer')];
    }),
    g('minisign', 60, (c) => {
      const [p, s] = [c.name('mini') + '.pub', c.name('mini') + '.key'];
      c.tty('minisign', ['-G', '-p', p, '-s', s], `${PASS}\n${PASS}\n`);
      return [key('minisign secret key (passphrase)', true, c.file(s), 'signer')];
    }),
    g('signify', 200, (c) => {
      const base = c.name('sig');
      const [p, s] = [base + '.pub', base + '.sec'];
      c.tty('signify-openbsd', ['-G', '-n', '-p', p, '-s', s]);
      return [key('signify secret key (-n)', true, c.file(s), 'signer'), key('signify public key', false, c.file(p), 'signer')];
    }),
    g('signify', 60, (c) => {
      const base = c.name('sig');
      const [p, s] = [base + '.pub', base + '.sec'];
      c.tty('signify-openbsd', ['-G', '-p', p, '-s', s], `${PASS}\n${PASS}\n`);
      return [key('signify secret key (passphrase)', true, c.file(s), 'signer')];
    }),
    g('openvpn', 150, (c) => {
      const [ta, srv, cli, tok] = ['ta', 'srv', 'cli', 'tok'].map((s) => c.name(s) + '.key');
      c.run('openvpn', ['--genkey', 'secret', ta]);
      c.run('openvpn', ['--genkey', 'tls-crypt-v2-server', srv]);
      c.run('openvpn', ['--genkey', 'tls-crypt-v2-client', cli, '--tls-crypt-v2', srv]);
      c.run('openvpn', ['--genkey', 'auth-token', tok]);
      return [
        key('openvpn --genkey secret (static key)', true, c.file(ta)),
        key('openvpn tls-crypt-v2 server key', true, c.file(srv)),
        key('openvpn tls-crypt-v2 client key', true, c.file(cli)),
        key('openvpn auth-token server key', true, c.file(tok)),
      ];
    }),
    g('nebula', 150, (c) => {
      const [k, p, ck, cc] = ['nk', 'np', 'nck', 'ncc'].map((s) => c.name(s));
      c.run('nebula-cert', ['keygen', '-out-key', k, '-out-pub', p]);
      c.run('nebula-cert', ['ca', '-name', 'Example CA', '-out-crt', cc, '-out-key', ck]);
      return [
        key('nebula-cert keygen X25519 key', true, c.file(k)),
        key('nebula-cert keygen X25519 public key', false, c.file(p)),
        key('nebula-cert ca Ed25519 key', true, c.file(ck)),
        key('nebula-cert ca certificate', false, c.file(cc)),
      ];
    }),
    g('dropbear', 100, (c) => {
      const out: ToolKey[] = [];
      for (const [type, bits] of [
        ['ed25519', []],
        ['ecdsa', ['-s', '256']],
        ['ecdsa', ['-s', '521']],
      ] as const) {
        const f = c.name('db');
        c.run('dropbearkey', ['-t', type, ...bits, '-f', f]);
        out.push(fileKey(`dropbearkey ${type}${bits[1] ?? ''}`, true, c.bytes(f)));
        const line = c
          .run('dropbearkey', ['-y', '-f', f])
          .split('\n')
          .find((l) => /^(?:ssh|ecdsa)-/.test(l))!;
        out.push(fileKey(`dropbearkey ${type}${bits[1] ?? ''} public blob`, false, Buffer.from(line.split(' ')[1], 'base64')));
      }
      return out;
    }),
    g('dropbear', 20, (c) => {
      const f = c.name('db');
      c.run('dropbearkey', ['-t', 'rsa', '-s', '2048', '-f', f]);
      return [fileKey('dropbearkey rsa', true, c.bytes(f))];
    }),
    // DSS: x is 20 bytes, 19 when its top byte is zero (once in 256 keys): enough keys to meet one.
    g('dropbear', 600, (c) => {
      const f = c.name('db');
      c.run('dropbearkey', ['-t', 'dss', '-f', f]);
      return [fileKey('dropbearkey dss', true, c.bytes(f))];
    }),
    g('git-crypt', 60, (c) => {
      const repo = c.name('crypted');
      mkdirSync(repo);
      const inRepo = (args: string[], cmd = 'git') =>
        execFileSync(cmd, args, { cwd: repo, env: { ...process.env, PATH: TOOL_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
      inRepo(['init', '-q']);
      inRepo(['init'], 'git-crypt');
      const out = c.name('gc') + '.key';
      inRepo(['export-key', out], 'git-crypt');
      return [fileKey('git-crypt export-key', true, c.bytes(out))];
    }),
    g('ktutil', 100, (c) => {
      const kt = c.name('kt') + '.keytab';
      const pw = randomBytes(12).toString('base64');
      c.tty('ktutil', [], `addent -password -p svc@EXAMPLE.TEST -k 1 -e aes256-cts-hmac-sha1-96\n${pw}\nwkt ${kt}\n`);
      return [fileKey('ktutil keytab (aes256)', true, c.bytes(kt))];
    }),
    g('tor', 8, (c) => {
      const base = c.name('tor');
      const hs = path.join(base, 'hs');
      mkdirSync(hs, { recursive: true, mode: 0o700 });
      mkdirSync(path.join(base, 'data'), { mode: 0o700 });
      execFileSync(
        'sh',
        [
          '-c',
          'tor "$@" & p=$!; i=0; while [ ! -s hs/hostname ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i+1)); done; kill $p; wait $p || true',
          'sh',
          ...[
            'SocksPort',
            '0',
            'DisableNetwork',
            '1',
            'DataDirectory',
            'data',
            'HiddenServiceDir',
            'hs',
            'HiddenServicePort',
            '80 127.0.0.1:8080',
            '--quiet',
          ],
        ],
        { cwd: base, env: { ...process.env, PATH: TOOL_PATH }, stdio: 'ignore' },
      );
      return [
        fileKey('tor hs_ed25519_secret_key', true, readFileSync(path.join(hs, 'hs_ed25519_secret_key'))),
        fileKey('tor hs_ed25519_public_key', false, readFileSync(path.join(hs, 'hs_ed25519_public_key'))),
      ];
    }),
    ...['ECDSAP256SHA256', 'ED25519', 'RSASHA256'].map((alg) =>
      g('dnssec', alg === 'RSASHA256' ? 40 : 150, (c) => {
        const d = c.name('dns');
        mkdirSync(d);
        const name = c.run('dnssec-keygen', ['-q', '-K', d, '-a', alg, '-n', 'ZONE', 'example.test']).trim();
        const read = (s: string) => readFileSync(path.join(d, name + s), 'utf8').trim();
        const fileName = name.replace(/^K/, 'K-');
        return [
          {
            kind: `dnssec-keygen ${alg} .private`,
            private: true,
            shape: 'conf',
            text: read('.private'),
            anchor: 'Private-key-format:',
            fileName: `${fileName}.private`,
          },
          { kind: `dnssec-keygen ${alg} .key (DNSKEY)`, private: false, shape: 'conf', text: read('.key'), fileName: `${fileName}.key` },
        ];
      }),
    ),
    ...['hmac-sha256', 'hmac-md5'].map((alg) =>
      g('rndc', 100, (c) => {
        const f = c.name('rndc') + '.key';
        c.run('rndc-confgen', ['-a', '-A', alg, '-k', 'rndc-key', '-c', f]);
        return [
          {
            kind: `rndc-confgen ${alg} rndc.key`,
            private: true,
            shape: 'conf',
            text: c.file(f),
            anchor: '\tsecret',
            fileName: 'rndc.key',
            rule: 'dns-tsig-key',
          },
        ];
      }),
    ),
    g('wpa', 150, (c) => [
      {
        kind: 'wpa_passphrase network block',
        private: true,
        shape: 'conf',
        text: c.run('wpa_passphrase', ['Office WiFi', randomBytes(9).toString('base64')]).trim(),
        anchor: '\tpsk=',
        fileName: 'wpa_supplicant.conf',
        rule: 'wifi-psk',
      },
    ]),
    ...(
      [
        ['RSA', () => generateKeyPairSync('rsa', { modulusLength: 2048 }), 60],
        ['RSA 1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 }), 150],
        ['EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 300],
        ['EC P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' }), 200],
        ['EC P-521', () => generateKeyPairSync('ec', { namedCurve: 'P-521' }), 200],
        ['Ed25519', () => generateKeyPairSync('ed25519'), 300],
      ] as const
    ).map(([name, pair, n]) =>
      g('node:crypto', n, () => {
        const p = pair();
        const out = [
          key(`node:crypto JWK ${name} private`, true, JSON.stringify(p.privateKey.export({ format: 'jwk' })), 'jwk'),
          key(`node:crypto JWK ${name} public`, false, JSON.stringify(p.publicKey.export({ format: 'jwk' })), 'jwk'),
        ];
        if (name.startsWith('RSA')) {
          const j = p.privateKey.export({ format: 'jwk' }) as Record<string, string>;
          const b = (k: string) => Buffer.from(j[k], 'base64url').toString('base64');
          const pub = `<Modulus>${b('n')}</Modulus><Exponent>${b('e')}</Exponent>`;
          out.push(
            key(
              `.NET RSAKeyValue ${name} private`,
              true,
              `<RSAKeyValue>${pub}<P>${b('p')}</P><Q>${b('q')}</Q><DP>${b('dp')}</DP><DQ>${b('dq')}</DQ><InverseQ>${b('qi')}</InverseQ><D>${b('d')}</D></RSAKeyValue>`,
              'xml',
            ),
            key(`.NET RSAKeyValue ${name} public`, false, `<RSAKeyValue>${pub}</RSAKeyValue>`, 'xml'),
          );
        }
        return out;
      }),
    ),
  ];
}

export interface StressOptions {
  /** Multiplies every generator's count. */
  scale: number;
  /** Only generators whose group matches. */
  only?: RegExp;
  /** Keys placed per scan (one scratch repository each). */
  batch: number;
  /** Where to copy the files of every wrong case. */
  keep?: string;
  cli: string;
  prefilter: string;
  log(s: string): void;
}

interface Tally {
  cases: number;
  wrong: number;
}

/** Makes the keys, scans them in batches, and returns the per-kind and per-placement tallies and the wrong cases. */
export function runStress(opts: StressOptions): { text: string; wrong: number } {
  requireTools();
  const root = mkdtempSync(path.join(tmpdir(), 'akh-stress-'));
  // The built CLI and prefilter are copied first: a rebuild during the run does not change what it measures.
  const dist = path.dirname(opts.cli);
  cpSync(dist, path.join(root, 'pkg', 'dist'), { recursive: true });
  symlinkSync(path.resolve(dist, '..', 'node_modules'), path.join(root, 'pkg', 'node_modules'));
  opts = {
    ...opts,
    cli: path.join(root, 'pkg', 'dist', path.basename(opts.cli)),
    prefilter: path.join(root, 'pkg', 'dist', path.basename(opts.prefilter)),
  };
  let seq = 0;
  const scratch = path.join(root, 'keys');
  mkdirSync(scratch);
  const env = { ...process.env, PATH: TOOL_PATH };
  const c: Ctx = {
    dir: scratch,
    run: (cmd, args, input, extra) =>
      execFileSync(cmd, args, { cwd: scratch, input, encoding: 'utf8', env: { ...env, ...extra }, stdio: ['pipe', 'pipe', 'pipe'] }),
    tty: (cmd, args, input = '') =>
      execFileSync('setsid', ['-w', cmd, ...args], { cwd: scratch, input, encoding: 'utf8', env, stdio: ['pipe', 'pipe', 'pipe'] }),
    bin: (cmd, args) => execFileSync(cmd, args, { cwd: scratch, env, stdio: ['pipe', 'pipe', 'pipe'] }),
    file: (name) => readFileSync(path.resolve(scratch, name), 'utf8').trim(),
    bytes: (name) => readFileSync(path.resolve(scratch, name)),
    name: (stem) => path.join(scratch, `${stem}-${++seq}`),
  };
  // (Kept outside the scratch folder, which is emptied after each generator.)
  const params = {
    dsa1024: path.join(root, 'dsa1024.pem'),
    dsa2048: path.join(root, 'dsa2048.pem'),
    dhx: path.join(root, 'dhx.pem'),
  };
  c.run('openssl', ['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024', '-out', params.dsa1024]);
  c.run('openssl', ['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', params.dsa2048]);
  c.run('openssl', ['genpkey', '-genparam', '-algorithm', 'DHX', '-pkeyopt', 'dh_rfc5114:2', '-out', params.dhx]);
  const passFile = path.join(root, 'pass.txt');
  const emptyFile = path.join(root, 'empty.txt');
  writeFileSync(passFile, PASS + '\n');
  writeFileSync(emptyFile, '');
  const gens = [...sshGens(), ...opensslGens({ params }), ...puttygenGens(passFile, emptyFile), ...gpgGens(), ...otherGens()].filter(
    (g) => !opts.only || opts.only.test(g.group),
  );
  const byKind = new Map<string, Tally>();
  const byPlacement = new Map<string, Tally>();
  const wrongs: string[] = [];
  const owner = new Map<string, ToolKey>();
  const merged: string[] = [];
  let pending: ToolKey[] = [];
  let n = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const cases = pending.flatMap((k) => placements(k, n++));
    pending = [];
    for (const o of scanBatch(root, cases, opts)) {
      const tally = (m: Map<string, Tally>, k: string) => {
        const t = m.get(k) ?? { cases: 0, wrong: 0 };
        t.cases++;
        if (!o.ok) t.wrong++;
        m.set(k, t);
      };
      tally(byKind, `${o.case.key.private ? '' : '(public) '}${o.case.key.kind}`);
      tally(byPlacement, `${o.case.key.private ? '' : '(public) '}${o.case.placement}`);
      // Two different keys with one fingerprint: allowing (or baselining) one would let the other in.
      for (const fp of o.fingerprints) {
        const had = owner.get(fp);
        if (had === undefined) owner.set(fp, o.case.key);
        else if (had !== o.case.key) {
          const line = `MERGED  ${o.case.key.kind} / ${o.case.placement}: same fingerprint as another ${had.kind} key`;
          merged.push(line);
          opts.log(line);
        }
      }
      if (!o.ok) {
        const line = `${o.case.key.private ? 'MISSED ' : 'FLAGGED'} ${o.case.key.kind} / ${o.case.placement} (expected line ${o.case.key.private ? o.case.line : '-'}; found ${o.found || 'nothing'}${o.prefilter ? '' : '; prefilter skips it'})`;
        wrongs.push(line);
        opts.log(line);
        if (opts.keep) {
          const to = path.join(opts.keep, `${wrongs.length}-${path.basename(o.case.path)}`);
          mkdirSync(opts.keep, { recursive: true });
          writeFileSync(to, o.case.content);
        }
      }
    }
  };
  try {
    for (const g of gens) {
      const count = Math.max(1, Math.round(g.n * opts.scale));
      for (let i = 0; i < count; i++) {
        pending.push(...g.make(c));
        if (pending.length >= opts.batch) flush();
      }
      rmSync(scratch, { recursive: true, force: true });
      mkdirSync(scratch);
      opts.log(`${g.group}: ${count} rounds done (${byKind.size} kinds so far)`);
    }
    flush();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const rows = (m: Map<string, Tally>) =>
    [...m]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([k, t]) =>
          `${k.padEnd(60)} ${String(t.cases).padStart(6)} ${String(t.wrong).padStart(5)}  ${((100 * t.wrong) / t.cases).toFixed(2).padStart(6)} %`,
      );
  const total = [...byKind.values()].reduce((a, t) => ({ cases: a.cases + t.cases, wrong: a.wrong + t.wrong }), { cases: 0, wrong: 0 });
  const text = [
    `stress: ${total.cases} placed cases, ${total.wrong} wrong`,
    '',
    `${'kind'.padEnd(60)} ${'cases'.padStart(6)} ${'wrong'.padStart(5)}    rate`,
    ...rows(byKind),
    '',
    `${'placement'.padEnd(60)} ${'cases'.padStart(6)} ${'wrong'.padStart(5)}    rate`,
    ...rows(byPlacement),
    '',
    ...(wrongs.length > 0 ? [`wrong (${wrongs.length}):`, ...wrongs.map((w) => `  ${w}`)] : ['wrong: none']),
    ...(merged.length > 0
      ? [`fingerprints shared by two keys (${merged.length}):`, ...merged.map((w) => `  ${w}`)]
      : ['fingerprints: one per key']),
  ].join('\n');
  return { text: text + '\n', wrong: total.wrong + merged.length };
}

interface StressOutcome {
  case: Placed;
  ok: boolean;
  found: string;
  /** For a private key: whether its staged file passes the shell prefilter (the hook starts node). */
  prefilter: boolean;
  fingerprints: string[];
}

/** Stages the cases in a scratch repository, scans them with the built CLI and the prefilter's grep. */
function scanBatch(root: string, cases: Placed[], opts: StressOptions): StressOutcome[] {
  const repo = path.join(root, 'repo');
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo);
  const home = path.join(root, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(home, '.gitconfig'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    LANG: 'C',
    NO_COLOR: '1',
  };
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env });
  for (const k of cases) {
    mkdirSync(path.dirname(path.join(repo, k.path)), { recursive: true });
    writeFileSync(path.join(repo, k.path), k.content);
  }
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  const r = spawnSync('node', [opts.cli, 'check', '--format', 'json'], { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if ((r.status !== 0 && r.status !== 1) || !r.stdout) throw new Error(`ak-hook check exited ${r.status}: ${r.stderr}`);
  type Found = { file: string; line: number; ruleId: string; fingerprint: string };
  const findings = (JSON.parse(r.stdout) as { findings: Found[] }).findings;
  const byFile = new Map<string, Found[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  // The prefilter's own expressions, from the built script: files that match none would never reach node.
  const defs = readFileSync(opts.prefilter, 'utf8')
    .split('\n')
    .filter((l) => /^(?:nul|any|bmagic|lfs)=/.test(l))
    .join('\n');
  const priv = cases.filter((k) => k.key.private).map((k) => k.path);
  const skipped = new Set<string>();
  for (let i = 0; i < priv.length; i += 500) {
    const g = spawnSync(
      'sh',
      ['-c', `${defs}\nLC_ALL=C grep -a -L -i -E -e "$any" -e "$nul" -e "$bmagic" -e "$lfs" -- "$@"`, 'sh', ...priv.slice(i, i + 500)],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    for (const f of g.stdout.split('\n').filter(Boolean)) skipped.add(f);
  }
  return cases.map((k) => {
    const found = byFile.get(k.path) ?? [];
    const rule = k.key.rule ?? 'private-key';
    const pre = !skipped.has(k.path);
    const ok = k.key.private ? pre && found.length === 1 && found[0].ruleId === rule && found[0].line === k.line : found.length === 0;
    return {
      case: k,
      ok,
      prefilter: pre,
      found: found.map((f) => `${f.ruleId}@${f.line}`).join(', '),
      fingerprints: found.map((f) => f.fingerprint),
    };
  });
}
