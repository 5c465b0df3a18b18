/** Private keys are decided by what their base64 decodes to (src/detect/keys), never by entropy. */
import { generateKeyPairSync } from 'node:crypto';
import { isHeaderlessPrivateKey, isPrivateExponent, isPrivateKeyBlock } from '../../src/detect/keys/key-text';
import { derPrivateKind, privateKind } from '../../src/detect/keys/structure';
import { passesShape } from '../../src/detect/filters';
import { privateKeyText, publicKeyText } from '../helpers/key-material';

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const der = (k: typeof rsa.privateKey, type: 'pkcs1' | 'pkcs8' | 'sec1' | 'spki') => k.export({ format: 'der', type } as never) as Buffer;

test('DER structures: private ones by kind, even from their first 48 bytes; public ones never', () => {
  expect(derPrivateKind(der(rsa.privateKey, 'pkcs1'), true)).toBe('pkcs1');
  expect(derPrivateKind(der(rsa.privateKey, 'pkcs8'), true)).toBe('pkcs8');
  expect(derPrivateKind(der(ec.privateKey, 'sec1'), true)).toBe('sec1');
  const enc = rsa.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' });
  expect(derPrivateKind(enc, true)).toBe('pkcs8-encrypted');
  for (const k of [der(rsa.privateKey, 'pkcs1'), der(rsa.privateKey, 'pkcs8'), der(ec.privateKey, 'sec1'), enc])
    expect(derPrivateKind(k.subarray(0, 48))).not.toBeNull();
  expect(derPrivateKind(der(rsa.publicKey, 'spki'))).toBeNull();
  expect(derPrivateKind(der(ec.publicKey, 'spki'))).toBeNull();
  expect(derPrivateKind(rsa.publicKey.export({ format: 'der', type: 'pkcs1' }))).toBeNull();
  // A complete structure must end where its outer length says.
  expect(derPrivateKind(der(rsa.privateKey, 'pkcs8').subarray(0, 300), true)).toBeNull();
});

test('magic numbers and packet tags: OpenSSH, ssh.com, PGP secret (tag 5/7) but not PGP public (tag 6)', () => {
  expect(privateKind(Buffer.from('openssh-key-v1\0\0\0\0\x04none', 'latin1'))).toBe('openssh');
  expect(privateKind(Buffer.from([0x3f, 0x6f, 0xf9, 0xeb, 0, 0]))).toBe('sshcom');
  expect(privateKind(Buffer.from([0xc5, 0x58, 4, 1, 2, 3]))).toBe('pgp-secret');
  expect(privateKind(Buffer.from([0x95, 0x03, 0xc6, 4, 1, 2]))).toBe('pgp-secret');
  expect(privateKind(Buffer.from([0xc6, 0x33, 4, 1, 2, 3]))).toBeNull();
  expect(privateKind(Buffer.from([0x99, 0x01, 0x0d, 4, 1, 2]))).toBeNull();
  // A tag-5 byte not followed by a key packet's version is not taken for one.
  expect(privateKind(Buffer.from([0x96, 0x8a, 0x24, 0x51, 0x77, 0x20]))).toBeNull();
});

test('blocks: every generated format is private; its public counterpart is not', () => {
  for (const f of [
    'openssh',
    'openssh-enc',
    'pkcs1',
    'pkcs8',
    'pkcs8-enc',
    'legacy-enc',
    'sec1',
    'ed25519',
    'pgp',
    'ppk',
    'sshcom',
  ] as const)
    expect({ f, private: isPrivateKeyBlock(privateKeyText(f)) }).toEqual({ f, private: true });
  for (const f of ['spki', 'rsapub', 'pgp', 'ppk-pub'] as const)
    expect({ f, private: isPrivateKeyBlock(publicKeyText(f)) }).toEqual({ f, private: false });
});

test('an unencrypted OpenSSH key is not dropped for its run of A; its shared first line alone is not enough', () => {
  const text = privateKeyText('openssh');
  const lines = text.split('\n');
  expect(lines[1]).toMatch(/A{8}/);
  expect(passesShape(lines[1], { byStructure: true })).toBe(true);
  expect(isPrivateKeyBlock(lines.slice(0, 3).join('\n'))).toBe(true);
  expect(isPrivateKeyBlock(lines.slice(0, 2).join('\n'))).toBe(false);
});

test('stand-ins and prose under a PRIVATE KEY header are not keys', () => {
  const b64 = Buffer.from('x'.repeat(96)).toString('base64');
  for (const t of [
    `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(64)}`,
    `-----BEGIN RSA PRIVATE KEY-----\n${b64.slice(0, 64)}\n${b64.slice(64)}`,
    '-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----',
    '-----BEGIN PGP PRIVATE KEY BLOCK----- looks like this, then comes the armour and the base64 lines of the key itself',
    `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n${'A'.repeat(64)}`,
  ])
    expect({ t, private: isPrivateKeyBlock(t) }).toEqual({ t, private: false });
});

test('headerless DER and private exponents', () => {
  expect(isHeaderlessPrivateKey(der(rsa.privateKey, 'pkcs8').toString('base64'))).toBe(true);
  expect(isHeaderlessPrivateKey(der(rsa.privateKey, 'pkcs1').toString('base64'))).toBe(true);
  expect(isHeaderlessPrivateKey(der(rsa.publicKey, 'spki').toString('base64'))).toBe(false);
  expect(isHeaderlessPrivateKey(der(rsa.privateKey, 'pkcs8').toString('base64').slice(0, 400))).toBe(false);
  const d = (ec.privateKey.export({ format: 'jwk' }) as { d: string }).d;
  expect(isPrivateExponent(d)).toBe(true);
  expect(isPrivateExponent('A'.repeat(43))).toBe(false);
  expect(isPrivateExponent('abcdefghij'.repeat(2))).toBe(false);
});
