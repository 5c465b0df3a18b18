import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
/**
 * Key material for rule examples and the template corpus, made at run time with node:crypto
 * (no key sits in the repository). Formats node cannot write (OpenSSH, PPK, PGP, ssh.com) are
 * assembled here with their real structure around real or random key bytes; the real-tools
 * corpus (test/corpus/realtools.ts) covers the tools' own output.
 */
export type PrivateFormat =
  | 'openssh'
  | 'openssh-enc'
  | 'pkcs1'
  | 'pkcs8'
  | 'pkcs8-enc'
  | 'legacy-enc'
  | 'sec1'
  | 'ed25519'
  | 'pgp'
  | 'ppk'
  | 'sshcom'
  | 'dh'
  | 'nebula-x25519'
  | 'nebula-ed25519'
  | 'openvpn-static'
  | 'tls-crypt-v2'
  | 'minisign'
  | 'signify'
  | AgentKind;
export type PublicFormat = 'spki' | 'rsapub' | 'openssh' | 'der' | 'pgp' | 'ppk-pub' | 'gpg-agent-shadowed' | 'nebula' | 'signify';
/** GnuPG agent key files (extended format): RSA, Ed25519, a passphrase-protected key, a smartcard stub. */
export type AgentKind = 'gpg-agent-rsa' | 'gpg-agent-ecc' | 'gpg-agent-protected' | 'gpg-agent-shadowed';

const PASS = 'pass-' + randomBytes(6).toString('hex');

function wrap(b64: string, width = 64): string {
  return b64.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');
}
function armour(label: string, body: Buffer, width = 64, dashes = '-----', headers = ''): string {
  const b = dashes === '----' ? ' ' : '';
  return `${dashes}${b}BEGIN ${label}${b}${dashes}\n${headers}${wrap(body.toString('base64'), width)}\n${dashes}${b}END ${label}${b}${dashes}`;
}
function sshString(s: Buffer | string): Buffer {
  const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
  const n = Buffer.alloc(4);
  n.writeUInt32BE(b.length);
  return Buffer.concat([n, b]);
}
function u32(v: number): Buffer {
  const n = Buffer.alloc(4);
  n.writeUInt32BE(v);
  return n;
}

function rsa(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 1024 });
}
/** A DH key pair in a well-known group (@types/node types only the other key types). */
const dhPair = (): { privateKey: KeyObject } =>
  (generateKeyPairSync as unknown as (type: 'dh', opts: { group: string }) => { privateKey: KeyObject })('dh', { group: 'modp14' });
function ed(): { pub: Buffer; priv: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const priv = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
  return { pub, priv };
}
function edPublicBlob(pub: Buffer): Buffer {
  return Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
}

/** The text of a private key in `format`, as the tool that writes it lays it out. */
export function privateKeyText(format: PrivateFormat): string {
  switch (format) {
    case 'openssh':
    case 'openssh-enc': {
      const { pub, priv } = ed();
      const enc = format === 'openssh-enc';
      const check = randomBytes(4);
      const inner = Buffer.concat([
        check,
        check,
        sshString('ssh-ed25519'),
        sshString(pub),
        sshString(Buffer.concat([priv, pub])),
        sshString('comment'),
      ]);
      const pad = Buffer.from([1, 2, 3, 4, 5, 6, 7].slice(0, (8 - (inner.length % 8)) % 8));
      const blob = Buffer.concat([
        Buffer.from('openssh-key-v1\0', 'latin1'),
        sshString(enc ? 'aes256-ctr' : 'none'),
        sshString(enc ? 'bcrypt' : 'none'),
        sshString(enc ? Buffer.concat([sshString(randomBytes(16)), u32(16)]) : Buffer.alloc(0)),
        u32(1),
        sshString(edPublicBlob(pub)),
        sshString(enc ? randomBytes(inner.length + pad.length) : Buffer.concat([inner, pad])),
      ]);
      return armour('OPENSSH PRIVATE KEY', blob, 70);
    }
    case 'pkcs1':
      return String(rsa().privateKey.export({ format: 'pem', type: 'pkcs1' })).trim();
    case 'pkcs8':
      return String(rsa().privateKey.export({ format: 'pem', type: 'pkcs8' })).trim();
    case 'pkcs8-enc':
      return String(rsa().privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: PASS })).trim();
    case 'legacy-enc':
      return String(rsa().privateKey.export({ format: 'pem', type: 'pkcs1', cipher: 'aes-128-cbc', passphrase: PASS })).trim();
    case 'sec1':
      return String(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' })).trim();
    case 'ed25519':
      return String(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' })).trim();
    case 'pgp': {
      // A v4 secret-key packet (new format, tag 5): version, creation time, EdDSA, the OID, then key bytes.
      const body = Buffer.concat([
        Buffer.from([4]),
        randomBytes(4),
        Buffer.from([22, 9, 0x2b, 6, 1, 4, 1, 0xda, 0x47, 0x0f, 1, 1, 7, 0x40]),
        randomBytes(70),
      ]);
      const packet = Buffer.concat([Buffer.from([0xc5, body.length]), body]);
      return armour('PGP PRIVATE KEY BLOCK', packet, 64, '-----', '\n');
    }
    case 'ppk': {
      const { pub, priv } = ed();
      return [
        'PuTTY-User-Key-File-3: ssh-ed25519',
        'Encryption: none',
        'Comment: ed25519-key',
        'Public-Lines: 2',
        wrap(edPublicBlob(pub).toString('base64')),
        'Private-Lines: 1',
        sshString(priv).toString('base64'),
        `Private-MAC: ${randomBytes(32).toString('hex')}`,
      ].join('\n');
    }
    case 'dh':
      // PKCS#8 dhKeyAgreement with a 2048-bit group: the parameters fill the first lines of the block.
      return String(dhPair().privateKey.export({ format: 'pem', type: 'pkcs8' })).trim();
    case 'gpg-agent-rsa':
    case 'gpg-agent-ecc':
    case 'gpg-agent-protected':
    case 'gpg-agent-shadowed':
      return agentKeyText(format);
    case 'sshcom': {
      const blob = Buffer.concat([
        Buffer.from([0x3f, 0x6f, 0xf9, 0xeb]),
        u32(600),
        sshString('if-modn{sign{rsa-pkcs1-sha1},encrypt{rsa-pkcs1v2-oaep}}'),
        sshString('none'),
        randomBytes(500),
      ]);
      return armour('SSH2 ENCRYPTED PRIVATE KEY', blob, 70, '----', 'Comment: "key"\n');
    }
    case 'nebula-x25519':
      return armour('NEBULA X25519 PRIVATE KEY', randomBytes(32));
    case 'nebula-ed25519':
      return armour('NEBULA ED25519 PRIVATE KEY', randomBytes(64));
    case 'openvpn-static': {
      const hex = randomBytes(256).toString('hex').match(/.{32}/g)!.join('\n');
      return `#\n# 2048 bit OpenVPN static key\n#\n-----BEGIN OpenVPN Static key V1-----\n${hex}\n-----END OpenVPN Static key V1-----`;
    }
    case 'tls-crypt-v2':
      return armour('OpenVPN tls-crypt-v2 server key', randomBytes(128));
    case 'minisign': {
      // Ed, scrypt, BLAKE2b, salt, opslimit and memlimit (little-endian), then key id, secret key and checksum (encrypted).
      const limits = Buffer.alloc(16);
      limits.writeUInt32LE(1 << 25, 0);
      limits.writeUInt32LE(1 << 30, 8);
      const blob = Buffer.concat([Buffer.from('EdScB2', 'latin1'), randomBytes(32), limits, randomBytes(104)]);
      return `untrusted comment: minisign encrypted secret key\n${blob.toString('base64')}`;
    }
    case 'signify': {
      // Ed, bcrypt_pbkdf, rounds, salt, checksum, key number, then the (encrypted) 64-byte secret key.
      const blob = Buffer.concat([Buffer.from('EdBK', 'latin1'), u32(42), randomBytes(16 + 8 + 8 + 64)]);
      return `untrusted comment: signify secret key\n${blob.toString('base64')}`;
    }
  }
}

const HEX = (b: Buffer) => `#${b.toString('hex').toUpperCase()}#`;
/** A libgcrypt MPI in hex: a leading zero byte when the high bit is set. */
const mpi = (b64url: string) => {
  const b = Buffer.from(b64url, 'base64url');
  return HEX(b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
};

/**
 * A GnuPG 2.2 agent key file (`private-keys-v1.d/<keygrip>.key`): `Created:`, then the `Key:`
 * S-expression folded as gpg-agent folds it (anywhere, a continuation line starting with a blank).
 */
export function agentKeyText(kind: AgentKind): string {
  let key: string;
  if (kind === 'gpg-agent-rsa' || kind === 'gpg-agent-shadowed') {
    const j = rsa().privateKey.export({ format: 'jwk' }) as Record<string, string>;
    const pub = `(n ${mpi(j.n)})(e ${mpi(j.e)})`;
    key =
      kind === 'gpg-agent-rsa'
        ? `(private-key (rsa ${pub}(d ${mpi(j.d)})(p ${mpi(j.p)})(q ${mpi(j.q)})(u ${mpi(j.qi)})))`
        : `(shadowed-private-key (rsa ${pub}(shadowed t1-v1 (#D2760001240103040006${randomBytes(4).toString('hex').toUpperCase()}0000# OPENPGP.1))))`;
  } else {
    const { pub, priv } = ed();
    const q = `(q ${HEX(Buffer.concat([Buffer.from([0x40]), pub]))})`;
    key =
      kind === 'gpg-agent-ecc'
        ? `(private-key (ecc (curve Ed25519)(flags eddsa)${q}(d ${HEX(priv)})))`
        : `(protected-private-key (ecc (curve Ed25519)(flags eddsa)${q}(protected openpgp-s2k3-ocb-aes ((sha1 ${HEX(randomBytes(8))} "20971520")${HEX(randomBytes(12))})${HEX(randomBytes(54))})(protected-at "20260101T000000")))`;
  }
  const value = `Key: ${key}`;
  const lines = [value.slice(0, 70)];
  for (let i = 70; i < value.length; i += 69) lines.push(' ' + value.slice(i, i + 69));
  return `Created: 20260101T000000\n${lines.join('\n')}`;
}

/** The public counterpart, in `format`. */
export function publicKeyText(format: PublicFormat): string {
  switch (format) {
    case 'gpg-agent-shadowed':
      return agentKeyText(format);
    case 'spki':
      return String(rsa().publicKey.export({ format: 'pem', type: 'spki' })).trim();
    case 'rsapub':
      return String(rsa().publicKey.export({ format: 'pem', type: 'pkcs1' })).trim();
    case 'der':
      return rsa().publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    case 'openssh':
      return `ssh-ed25519 ${edPublicBlob(ed().pub).toString('base64')} user@host`;
    case 'pgp': {
      const body = Buffer.concat([
        Buffer.from([4]),
        randomBytes(4),
        Buffer.from([22, 9, 0x2b, 6, 1, 4, 1, 0xda, 0x47, 0x0f, 1, 1, 7, 0x40]),
        randomBytes(33),
      ]);
      return armour('PGP PUBLIC KEY BLOCK', Buffer.concat([Buffer.from([0xc6, body.length]), body]), 64, '-----', '\n');
    }
    case 'nebula':
      return armour('NEBULA X25519 PUBLIC KEY', randomBytes(32));
    case 'signify':
      return `untrusted comment: signify public key\n${Buffer.concat([Buffer.from('Ed', 'latin1'), randomBytes(40)]).toString('base64')}`;
    case 'ppk-pub':
      return armour('SSH2 PUBLIC KEY', edPublicBlob(ed().pub), 70, '----', 'Comment: "key"\n');
  }
}

/** Headerless base64 DER of a new RSA private key (PKCS#8 or PKCS#1), on one line. */
export function headerlessPrivateKey(type: 'pkcs8' | 'pkcs1'): string {
  return rsa().privateKey.export({ format: 'der', type }).toString('base64');
}

/** A JWK as node:crypto exports it: private (with "d") or public. */
export function jwk(kind: 'private' | 'public', kty: 'rsa' | 'ec' | 'ed25519' = 'ec'): string {
  const pair = kty === 'rsa' ? rsa() : kty === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return JSON.stringify((kind === 'private' ? pair.privateKey : pair.publicKey).export({ format: 'jwk' }));
}

/** A .NET `<RSAKeyValue>` (RSA.ToXmlString(true) for private, false for public). */
export function rsaKeyValueXml(kind: 'private' | 'public'): string {
  const j = rsa().privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const b = (k: string) => Buffer.from(j[k], 'base64url').toString('base64');
  const pub = `<Modulus>${b('n')}</Modulus><Exponent>${b('e')}</Exponent>`;
  if (kind === 'public') return `<RSAKeyValue>${pub}</RSAKeyValue>`;
  return `<RSAKeyValue>${pub}<P>${b('p')}</P><Q>${b('q')}</Q><DP>${b('dp')}</DP><DQ>${b('dq')}</DQ><InverseQ>${b('qi')}</InverseQ><D>${b('d')}</D></RSAKeyValue>`;
}

/** The random parts of a key text (its base64 lines, its JSON values, its hex dump lines), for the no-leak check. */
export function secretParts(text: string): string[] {
  return [
    ...[...text.matchAll(/[A-Za-z0-9+/_-]{24,}={0,2}/g)].map((m) => m[0]).filter((s) => !/^A{8}|AAAAAAAA/.test(s)),
    ...[...text.matchAll(/(?:[0-9a-f]{2}:){12,}[0-9a-f]{0,2}/g)].map((m) => m[0]),
  ];
}

/** Bytes as `openssl … -text` prints them: hex pairs joined by ':', 15 a line, indented by four spaces. */
function hexLines(b: Buffer): string {
  const pairs = [...b].map((x) => x.toString(16).padStart(2, '0'));
  const out: string[] = [];
  for (let i = 0; i < pairs.length; i += 15) out.push('    ' + pairs.slice(i, i + 15).join(':') + (i + 15 < pairs.length ? ':' : ''));
  return out.join('\n');
}

/** An unsigned big integer as openssl prints it: a leading 00 when the top bit is set. */
function bigHex(b64url: string): string {
  const b = Buffer.from(b64url, 'base64url');
  return hexLines(b[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}

/**
 * The text form `openssl rsa|ec|pkey -text -noout` prints, built from a node:crypto key (the
 * real-tools corpus runs openssl itself). `public`: the `-pubout -text` form, which holds no secret.
 */
export function keyTextDump(kty: 'rsa' | 'ec' | 'ed25519', kind: 'private' | 'public' = 'private'): string {
  if (kty === 'rsa') {
    const j = rsa().privateKey.export({ format: 'jwk' }) as Record<string, string>;
    const head = kind === 'private' ? 'Private-Key: (1024 bit, 2 primes)' : 'Public-Key: (1024 bit)';
    const pub = `${head}\nmodulus:\n${bigHex(j.n)}\npublicExponent: 65537 (0x10001)`;
    if (kind === 'public') return pub;
    const parts = (['d', 'p', 'q', 'dp', 'dq', 'qi'] as const).map((k, i) => {
      const label = ['privateExponent', 'prime1', 'prime2', 'exponent1', 'exponent2', 'coefficient'][i];
      return `${label}:\n${bigHex(j[k])}`;
    });
    return [pub, ...parts].join('\n');
  }
  const pair = kty === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const j = pair.privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const pub =
    kty === 'ec'
      ? Buffer.concat([Buffer.from([4]), Buffer.from(j.x, 'base64url'), Buffer.from(j.y, 'base64url')])
      : Buffer.from(j.x, 'base64url');
  const tail = kty === 'ec' ? '\nASN1 OID: prime256v1\nNIST CURVE: P-256' : '';
  if (kind === 'public') return `${kty === 'ec' ? 'Public-Key: (256 bit)' : 'ED25519 Public-Key:'}\npub:\n${hexLines(pub)}${tail}`;
  const head = kty === 'ec' ? 'Private-Key: (256 bit)' : 'ED25519 Private-Key:';
  return `${head}\npriv:\n${hexLines(Buffer.from(j.d, 'base64url'))}\npub:\n${hexLines(pub)}${tail}`;
}
