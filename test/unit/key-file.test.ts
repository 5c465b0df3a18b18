/**
 * keyFile() on the binary stores no Debian tool here writes (keytool needs a JDK): Java keystores
 * (JKS, JCEKS) and Microsoft key blobs (PVK, PRIVATEKEYBLOB), built by hand to their published
 * layouts around key bytes from node:crypto; the openssl and gpg formats are made by the tools
 * in test/e2e/binary-keys.test.ts. Truncated and random input never throws.
 */
import fc from 'fast-check';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isEncodedKeyFileLines, keyFile, KEY_FILE_HEADS } from '../../src/detect/keys/key-file';

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const utf = (s: string) => Buffer.concat([Buffer.from([s.length >> 8, s.length & 0xff]), Buffer.from(s)]);
const date = Buffer.alloc(8, 1);

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: { type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: 'x' },
  publicKeyEncoding: { type: 'spki', format: 'der' },
});
const cert = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), publicKey.subarray(0, 0x100)]);

type Entry = { tag: 1 | 2; alias: string };
/** A keystore (JKS magic FEEDFEED or JCEKS CECECECE), version 2: key entries with a one-certificate chain, trusted certificates. */
function keystore(magic: number, entries: Entry[]): Buffer {
  const parts = [u32(magic), u32(2), u32(entries.length)];
  for (const e of entries) {
    parts.push(u32(e.tag), utf(e.alias), date);
    if (e.tag === 1) parts.push(u32(privateKey.length), privateKey, u32(1), utf('X.509'), u32(cert.length), cert);
    else parts.push(utf('X.509'), u32(cert.length), cert);
  }
  return Buffer.concat([...parts, randomBytes(20)]);
}

test('a JKS or JCEKS keystore with a private key entry is a key file; a truststore is not', () => {
  for (const [magic, format] of [
    [0xfeedfeed, 'jks'],
    [0xcececece, 'jceks'],
  ] as const) {
    const withKey = keyFile(
      keystore(magic, [
        { tag: 2, alias: 'root ca' },
        { tag: 1, alias: 'server' },
      ]),
    );
    expect(withKey).toEqual({ format, secret: privateKey.toString('base64') });
    expect(
      keyFile(
        keystore(magic, [
          { tag: 2, alias: 'a' },
          { tag: 2, alias: 'b' },
        ]),
      ),
    ).toBeNull();
  }
  // A JCEKS secret-key entry (a serialized Java object) is a secret too.
  const sealed = Buffer.concat([
    u32(0xcececece),
    u32(2),
    u32(1),
    u32(3),
    utf('aes'),
    date,
    Buffer.from('aced0005737200', 'hex'),
    randomBytes(64),
  ]);
  expect(keyFile(sealed)?.format).toBe('jceks');
});

test('a PVK file and a PRIVATEKEYBLOB (.snk) are key files; a PUBLICKEYBLOB is not', () => {
  const blob = Buffer.concat([Buffer.from('0702000000240000', 'hex'), Buffer.from('RSA2'), randomBytes(300)]);
  expect(keyFile(blob)).toEqual({ format: 'privatekeyblob', secret: blob.toString('base64') });
  const pub = Buffer.concat([Buffer.from('0602000000240000', 'hex'), Buffer.from('RSA1'), randomBytes(140)]);
  expect(keyFile(pub)).toBeNull();
  const salt = randomBytes(16);
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xb0b5f11e, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt32LE(1, 12);
  header.writeUInt32LE(salt.length, 16);
  header.writeUInt32LE(blob.length, 20);
  expect(keyFile(Buffer.concat([header, salt, blob]))).toEqual({ format: 'pvk', secret: blob.toString('base64') });
});

test('a DER key is one only whole: a public key, a certificate, or a key with bytes after it is not', () => {
  const { privateKey: plain } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'sec1', format: 'der' },
    publicKeyEncoding: { type: 'spki', format: 'der' },
  });
  expect(keyFile(plain)?.format).toBe('der-sec1');
  expect(keyFile(Buffer.concat([plain, Buffer.from('\r\n')]))?.format).toBe('der-sec1');
  expect(keyFile(Buffer.concat([plain, Buffer.from('tail')]))).toBeNull();
  expect(keyFile(publicKey)).toBeNull();
  expect(keyFile(cert)).toBeNull();
  // A key whose own last byte is a line feed (1 P-256 key in 256 ends so), alone or with a line break after it.
  let lf = plain;
  while (lf[lf.length - 1] !== 0x0a)
    lf = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'sec1', format: 'der' },
      publicKeyEncoding: { type: 'spki', format: 'der' },
    }).privateKey;
  expect(keyFile(lf)?.format).toBe('der-sec1');
  expect(keyFile(Buffer.concat([lf, Buffer.from('\n')]))?.format).toBe('der-sec1');
  expect(keyFile(Buffer.concat([lf, Buffer.from('\r\n')]))?.format).toBe('der-sec1');
});

test('every key file starts with one of KEY_FILE_HEADS (the shell prefilter sends those files to node)', () => {
  const starts = (b: Buffer) => KEY_FILE_HEADS.some((h) => h.every((x, i) => x === -1 || b[i] === x));
  for (const b of [keystore(0xfeedfeed, [{ tag: 1, alias: 'k' }]), keystore(0xcececece, [{ tag: 1, alias: 'k' }]), privateKey])
    expect(starts(b)).toBe(true);
});

test('truncated and random bytes never throw', () => {
  const whole = keystore(0xfeedfeed, [{ tag: 1, alias: 'server' }]);
  for (let n = 0; n < whole.length; n += 7) expect(() => keyFile(whole.subarray(0, n))).not.toThrow();
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom(0x30, 0xfe, 0xce, 0x1e, 0x07, 0x95, 0xc5, 0x00, 0x05),
      (bytes, first) => {
        const b = Buffer.from(bytes);
        if (b.length > 0) b[0] = first;
        keyFile(b);
      },
    ),
    { numRuns: 2000 },
  );
});

test('a PKCS#12 store cut inside its key bag: its secret is the bytes there are, never the bytes after them in memory', () => {
  // PFX { INTEGER 3, ContentInfo { data OID, … pkcs8ShroudedKeyBag OID, [0] { SEQUENCE of 0xdf0 bytes … } } }, cut
  // 40 bytes into the key (as the first 33 lines of `base64 store.p12` are).
  const head = Buffer.from(
    '30820fa0020103308200f0' + '06092a864886f70d010701' + '060b2a864886f70d010c0a0102' + 'a0820e00' + '30820df0',
    'hex',
  );
  const body = Buffer.alloc(40, 0x5a);
  const cut = Buffer.concat([head, body]);
  // In a larger buffer whose bytes after it are not the store's, and at the very end of its buffer.
  const inside = Buffer.alloc(8192, 0x41);
  cut.copy(inside);
  const atEnd = new Uint8Array(new ArrayBuffer(cut.length));
  atEnd.set(cut);
  for (const b of [inside.subarray(0, cut.length), atEnd]) {
    const f = keyFile(b);
    expect(f?.format).toBe('pkcs12');
    expect(Buffer.from(f!.secret!, 'base64')).toEqual(Buffer.concat([Buffer.from('30820df0', 'hex'), body]));
  }
  // The same store as base64 lines (decoded into node's shared pool): read, never thrown on.
  const lines = Buffer.concat([cut, Buffer.alloc(200, 0x5a)])
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  for (let i = 0; i < 50; i++) expect(isEncodedKeyFileLines(lines)).toBe(true);
});

test('a byte like a PGP secret-key tag starts no key file unless a whole v4+ packet with a known algorithm follows', () => {
  // Old format, tag 5, 2-byte length: version 4, time, algorithm 22 (EdDSA) fits; 99 does not; a length past the end does not.
  const packet = (algorithm: number, len = 40) =>
    Buffer.concat([Buffer.from([0x95, 0, len, 4, 1, 2, 3, 4, algorithm]), Buffer.alloc(len - 6, 9)]);
  expect(keyFile(packet(22))?.format).toBe('openpgp-secret-key');
  expect(keyFile(packet(99))).toBeNull();
  expect(keyFile(packet(22).subarray(0, 30))).toBeNull();
});
