import { isAgentPrivateKey, parseCanonical } from './gpg-agent';
import { isPrivateKeyBlock, isVaried } from './key-text';
import { decodeBase64, derPrivateKind, privateKind, startsWith, tlv } from './structure';

/**
 * A whole file that is a private key (or a store holding one) in binary form, as real tools
 * write them: DER keys (`openssl … -outform DER`: PKCS#1, PKCS#8, encrypted PKCS#8, SEC1),
 * PKCS#12 stores with a key bag (`openssl pkcs12 -export`, `keytool -storetype PKCS12`), Java
 * keystores with a private or secret key entry (JKS, JCEKS), OpenPGP secret keys
 * (`gpg --export-secret-keys`), raw OpenSSH and ssh.com key blobs, and Microsoft key blobs
 * (PVK, a PRIVATEKEYBLOB such as a strong-name `.snk`), SSH-1 keys (`puttygen -t rsa1`, plain or
 * encrypted), GnuPG agent keys in the canonical S-expression form
 * (`private-keys-v1.d/<keygrip>.key` of GnuPG 2.1), Dropbear private keys (`dropbearkey`),
 * Kerberos keytabs holding a key (`ktutil`, `kadmin ktadd`), Tor ed25519 secret keys and
 * git-crypt keys. Text runs cannot show these: the key is
 * in the structure, not in readable strings.
 */
export interface KeyFile {
  /** What the file is (`der-pkcs8`, `pkcs12`, `jks` …). */
  format: string;
  /**
   * The key's bytes as base64 (what is fingerprinted and shown masked), or null for a store whose
   * contents are all encrypted: it may hold a key, and cannot be read.
   */
  secret: string | null;
  /** A symmetric key both ends hold (a keytab, a git-crypt key), not the private half of a pair. */
  shared?: true;
}

/** An SSH-1 private key file (OpenSSH 1.x, `puttygen -t rsa1`). */
const SSH1_MAGIC = Buffer.from('SSH PRIVATE KEY FILE FORMAT 1.1\n\0', 'latin1');

/**
 * First bytes of every key file keyFile() reads (-1: any byte): the hook's shell prefilter sends a
 * file starting so to node (most hold a NUL byte, which does too; these cover the rest).
 */
export const KEY_FILE_HEADS: readonly (readonly number[])[] = [
  // DER with a long-form length, or a short one followed by a version INTEGER.
  [0x30, 0x81],
  [0x30, 0x82],
  [0x30, 0x83],
  [0x30, -1, 0x02, 0x01],
  [0xfe, 0xed, 0xfe, 0xed],
  [0xce, 0xce, 0xce, 0xce],
  [0x1e, 0xf1, 0xb5, 0xb0],
  [0x07, 0x02],
  // OpenPGP secret key and subkey packets (old format, new format).
  [0x94],
  [0x95],
  [0x96],
  [0x97],
  [0x9c],
  [0x9d],
  [0x9e],
  [0x9f],
  [0xc5],
  [0xc7],
  [...Buffer.from('openssh-key-v1', 'latin1')],
  [...SSH1_MAGIC],
  [...Buffer.from('(11:private-key(', 'latin1')],
  [...Buffer.from('(21:protected-private-key(', 'latin1')],
  [0x3f, 0x6f, 0xf9, 0xeb],
  // Dropbear (an SSH string: a 4-byte length, then the key type) and a keytab (version 5.2).
  [0x00, 0x00, 0x00],
  [0x05, 0x02],
  // A git-crypt symmetric key (`git-crypt export-key`).
  [...Buffer.from('\0GITCRYPTKEY', 'latin1')],
  // Tor's ed25519 secret keys (an onion service's hs_ed25519_secret_key, a relay's master key).
  [...Buffer.from('== ed25519v1-secret: ', 'latin1')],
];

/** True when `head` (a file's first bytes) starts as a key file can. */
export function startsLikeKeyFile(head: Uint8Array): boolean {
  return KEY_FILE_HEADS.some((h) => h.length <= head.length && h.every((x, i) => x === -1 || head[i] === x));
}

/** Bytes of a key taken into its secret (enough to tell keys apart; the rest adds nothing). */
const MAX_SECRET_BYTES = 4096;

/**
 * Bytes [from, to) of `b` as base64, at most MAX_SECRET_BYTES, never past its end (a length read
 * from a cut store, a PKCS#12 key bag whose key runs past the bytes, is not trusted: read past
 * `b`, the view took the bytes after it in its ArrayBuffer, or threw at the buffer's end).
 */
const b64 = (b: Uint8Array, from = 0, to = b.length): string => {
  const end = Math.min(to, b.length, from + MAX_SECRET_BYTES);
  return Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, end - from)).toString('base64');
};

const hex = (s: string): Buffer => Buffer.from(s, 'hex');
/** OIDs (DER, with tag and length) of PKCS#12 bags holding a key: keyBag and pkcs8ShroudedKeyBag. */
const KEY_BAGS = [hex('060b2a864886f70d010c0a0101'), hex('060b2a864886f70d010c0a0102')];
/** PKCS#7 content types whose content is encrypted: encryptedData, envelopedData. */
const SEALED = [hex('06092a864886f70d010706'), hex('06092a864886f70d010703')];
/** PKCS#7 data and signedData: the first content of a PKCS#12 PFX. */
const PFX_CONTENT = [hex('06092a864886f70d010701'), hex('06092a864886f70d010702')];

/** The key file `data` is, or null (anything else, a store of certificates only, a public key). */
export function keyFile(data: Uint8Array): KeyFile | null {
  if (data.length < 16) return null;
  const b0 = data[0];
  if (b0 === 0x30) return derKey(data) ?? pkcs12(data);
  if (b0 === 0xfe || b0 === 0xce) return javaKeystore(data);
  if (b0 === 0x1e) return pvk(data);
  if (b0 === 0x07) return privateKeyBlob(data);
  if (b0 === 0x53) return ssh1Key(data);
  if (b0 === 0x28) return isAgentPrivateKey(parseCanonical(data)) ? { format: 'gpg-agent-key', secret: b64(data) } : null;
  if (b0 === 0x00) return startsWith(data, GIT_CRYPT_MAGIC) ? gitCryptKey(data) : dropbearKey(data);
  if (b0 === 0x05) return keytab(data);
  if (b0 === 0x3d) return torSecretKey(data);
  const kind = privateKind(data);
  if (kind === 'pgp-secret') return pgpSecretKey(data);
  if (kind === 'openssh' || kind === 'sshcom') return { format: kind, secret: b64(data) };
  return null;
}

/** A DER private key that is the whole file (a line break after it is tolerated). */
function derKey(data: Uint8Array): KeyFile | null {
  // The bytes as they are first (a key's own last byte may be 0x0a or 0x0d), then without one or
  // two line-break bytes after it.
  for (let cut = 0; cut <= 2 && cut < data.length; cut++) {
    if (cut > 0 && data[data.length - cut] !== 0x0a && data[data.length - cut] !== 0x0d) break;
    const body = data.subarray(0, data.length - cut);
    const kind = derPrivateKind(body, true);
    if (kind) return { format: `der-${kind}`, secret: b64(body) };
  }
  return null;
}

/** Skips one DER/BER length at `at` (the indefinite form included): the offset after it, or -1. */
function afterLength(b: Uint8Array, at: number): number {
  if (at >= b.length) return -1;
  const l = b[at];
  if (l < 0x80 || l === 0x80) return at + 1;
  const n = l & 0x7f;
  return n > 4 ? -1 : at + 1 + n;
}

function indexOf(b: Uint8Array, needle: Uint8Array, from = 0): number {
  return Buffer.from(b.buffer, b.byteOffset, b.length).indexOf(needle, from);
}

/**
 * A PKCS#12 PFX: SEQUENCE { INTEGER 3, ContentInfo { data | signedData, … }, MacData }. Its bags'
 * types are in clear unless the bag sits in an encrypted content: a key bag's type found means
 * a key; none found while some content is encrypted means it cannot be told.
 */
function pkcs12(b: Uint8Array): KeyFile | null {
  let at = afterLength(b, 1);
  if (at < 0 || !startsWith(b, hex('020103'), at)) return null;
  at += 3;
  if (b[at] !== 0x30) return null;
  at = afterLength(b, at + 1);
  if (at < 0 || !PFX_CONTENT.some((oid) => startsWith(b, oid, at))) return null;
  for (const bag of KEY_BAGS) {
    const i = indexOf(b, bag, at);
    if (i < 0) continue;
    // bagValue [0] EXPLICIT: the PrivateKeyInfo or EncryptedPrivateKeyInfo.
    const wrap = tlv(b, i + bag.length);
    const key = wrap && wrap.tag === 0xa0 ? tlv(b, wrap.at) : null;
    const secret = key ? b64(b, wrap!.at, key.at + key.len) : b64(b, i);
    return { format: 'pkcs12', secret };
  }
  return SEALED.some((oid) => indexOf(b, oid, at) >= 0) ? { format: 'pkcs12', secret: null } : null;
}

/**
 * A Java keystore: JKS (magic FEEDFEED) or JCEKS (CECECECE), version 1 or 2, then its entries:
 * 1 a private key (encrypted with the key password, but a private key), 2 a trusted certificate,
 * 3 (JCEKS) a secret key. Certificates only (a truststore) is no key file.
 */
function javaKeystore(b: Uint8Array): KeyFile | null {
  const magic = readU32(b, 0);
  if (magic !== 0xfeedfeed && magic !== 0xcececece) return null;
  const format = magic === 0xfeedfeed ? 'jks' : 'jceks';
  const version = readU32(b, 4);
  const count = readU32(b, 8);
  if ((version !== 1 && version !== 2) || count < 0 || count > 1_000_000) return null;
  let at = 12;
  for (let e = 0; e < count; e++) {
    const tag = readU32(b, at);
    if (tag < 0) return null;
    at += 4;
    // alias (modified UTF-8 with a 2-byte length), then the date (8 bytes).
    const alias = readU16(b, at);
    if (alias < 0) return null;
    at += 2 + alias + 8;
    if (tag === 1) {
      const len = readU32(b, at);
      if (len <= 0 || at + 4 + len > b.length) return null;
      return { format, secret: b64(b, at + 4, at + 4 + len) };
    }
    if (tag === 3 && format === 'jceks') return at < b.length ? { format, secret: b64(b, at) } : null;
    if (tag !== 2) return null;
    if (version === 2) {
      const type = readU16(b, at);
      if (type < 0) return null;
      at += 2 + type;
    }
    const cert = readU32(b, at);
    if (cert < 0) return null;
    at += 4 + cert;
  }
  return null;
}

/** A PVK file (magic 0xb0b5f11e, little-endian): its key blob follows the header and the salt. */
function pvk(b: Uint8Array): KeyFile | null {
  if (!startsWith(b, hex('1ef1b5b000000000'))) return null;
  const salt = b[16] | (b[17] << 8) | (b[18] << 16);
  const len = b[20] | (b[21] << 8) | (b[22] << 16);
  const at = 24 + salt;
  if (b[19] !== 0 || b[23] !== 0 || len < 8 || at + len > b.length || b[at] !== 0x07) return null;
  return { format: 'pvk', secret: b64(b, at, at + len) };
}

/** A CryptoAPI PRIVATEKEYBLOB (RSA2 or DSS2, signature or exchange key), as in a strong-name `.snk`. */
function privateKeyBlob(b: Uint8Array): KeyFile | null {
  if (b[1] !== 0x02 || b[2] !== 0 || b[3] !== 0 || b[4] !== 0 || b[6] !== 0 || b[7] !== 0) return null;
  if (b[5] !== 0x24 && b[5] !== 0xa4 && b[5] !== 0x22) return null;
  const magic = Buffer.from(b.buffer, b.byteOffset + 8, 4).toString('latin1');
  return magic === 'RSA2' || magic === 'DSS2' ? { format: 'privatekeyblob', secret: b64(b) } : null;
}

/**
 * An SSH-1 RSA key: the magic, a cipher number (0 none, 3 3DES), 4 reserved bytes, the key size,
 * the modulus and exponent (16-bit bit count, then the bytes), a comment, then the private part
 * (check bytes, d, u, p, q), encrypted when the cipher is not 0: an encrypted key is a key, as an
 * encrypted PEM key is. The private part is the secret.
 */
function ssh1Key(b: Uint8Array): KeyFile | null {
  if (!startsWith(b, SSH1_MAGIC)) return null;
  let at = SSH1_MAGIC.length;
  const cipher = b[at];
  if (cipher === undefined || cipher > 7 || readU32(b, at + 1) !== 0) return null;
  at += 5;
  const bits = readU32(b, at);
  at += 4;
  if (bits < 256 || bits > 16384) return null;
  for (let i = 0; i < 2; i++) {
    const n = readU16(b, at);
    if (n <= 0 || (i === 0 && n !== bits)) return null;
    at += 2 + Math.ceil(n / 8);
  }
  const comment = readU32(b, at);
  if (comment < 0 || comment > 4096) return null;
  at += 4 + comment;
  // d alone is about as long as the modulus.
  if (b.length - at < bits / 8) return null;
  return { format: cipher === 0 ? 'ssh1' : 'ssh1-encrypted', secret: b64(b, at) };
}

/**
 * Reads SSH wire-format fields (RFC 4251: a string or an mpint is a 4-byte length, then its bytes)
 * from `at`: the offset after each, or -1 past the end.
 */
function sshFields(b: Uint8Array, at: number, count: number, out: Array<[number, number]> = []): number {
  for (let i = 0; i < count; i++) {
    const len = readU32(b, at);
    if (len < 0 || at + 4 + len > b.length) return -1;
    out.push([at + 4, len]);
    at += 4 + len;
  }
  return at;
}

/**
 * Fields after the key type in a Dropbear private key, which must fill the file exactly (a public
 * key blob holds fewer: e and n; the curve and point; p, q, g and y; the 32-byte Ed25519 point).
 */
const DROPBEAR_FIELDS: Record<string, number> = {
  'ssh-rsa': 5, // e, n, d, p, q
  'ssh-dss': 5, // p, q, g, y, x
  'ssh-ed25519': 1, // the 64-byte secret (seed and point)
  'ecdsa-sha2-nistp256': 3, // curve name, point, private scalar
  'ecdsa-sha2-nistp384': 3,
  'ecdsa-sha2-nistp521': 3,
};

/**
 * A Dropbear private key (`dropbearkey -t …`): the key type as an SSH string, then exactly the
 * private fields of that type up to the end of the file. The secret is the last field (the
 * private exponent, scalar or Ed25519 secret).
 */
function dropbearKey(b: Uint8Array): KeyFile | null {
  const type = readU32(b, 0);
  if (type < 7 || type > 19 || 4 + type > b.length) return null;
  const name = Buffer.from(b.buffer, b.byteOffset + 4, type).toString('latin1');
  const count = DROPBEAR_FIELDS[name];
  if (count === undefined) return null;
  const fields: Array<[number, number]> = [];
  if (sshFields(b, 4 + type, count, fields) !== b.length) return null;
  if (name === 'ssh-ed25519' && fields[0][1] !== 64) return null;
  const [at, len] = name === 'ssh-rsa' ? fields[2] : fields[count - 1];
  // (A DSS key's x is 20 bytes, one fewer when its top byte is zero, once in 256 keys: at least 16.)
  return len >= 16 ? { format: 'dropbear', secret: b64(b, at, at + len) } : null;
}

/**
 * A Kerberos keytab (MIT format, version 0x0502): entries of a signed 4-byte size (negative: a
 * hole left by a removed entry), each a principal (component count, realm and components as
 * counted strings, name type), a timestamp, a key version and a keyblock (type, counted key
 * bytes). A key file when every entry parses and one holds a key; the secret is its keys.
 */
function keytab(b: Uint8Array): KeyFile | null {
  if (b[1] !== 0x02) return null;
  const keys: Buffer[] = [];
  let at = 2;
  while (at < b.length) {
    const raw = readU32(b, at);
    if (raw < 0) return null;
    const size = raw | 0;
    at += 4;
    if (size < 0) {
      at -= size;
      continue;
    }
    const end = at + size;
    if (size === 0 || end > b.length) return null;
    const key = keytabEntryKey(b, at, end);
    if (key === null) return null;
    keys.push(key);
    at = end;
  }
  if (at !== b.length || keys.length === 0) return null;
  return { format: 'kerberos-keytab', secret: Buffer.concat(keys).subarray(0, MAX_SECRET_BYTES).toString('base64'), shared: true };
}

/** The key bytes of one keytab entry in [at, end), or null when it does not parse. */
function keytabEntryKey(b: Uint8Array, at: number, end: number): Buffer | null {
  const components = readU16(b, at);
  if (components < 1 || components > 16) return null;
  at += 2;
  // The realm, then each component.
  for (let i = 0; i <= components; i++) {
    const len = readU16(b, at);
    if (len < 1 || at + 2 + len > end) return null;
    at += 2 + len;
  }
  // Name type (4), timestamp (4), key version (1), key type (2), then the counted key.
  at += 4 + 4 + 1 + 2;
  const len = readU16(b, at);
  if (len < 8 || len > 64 || at + 2 + len > end) return null;
  // Only a 32-bit key version may follow.
  const after = at + 2 + len;
  if (end !== after && end !== after + 4) return null;
  return Buffer.from(b.buffer, b.byteOffset + at + 2, len);
}

const GIT_CRYPT_MAGIC = Buffer.from('\0GITCRYPTKEY', 'latin1');

/**
 * A git-crypt key file (`git-crypt export-key`, format 2): the magic, the format version, header
 * fields up to a 0 field, then key entries of fields (id, length, value) each closed by a 0 field;
 * an entry holds the AES key (field 3, 32 bytes) and the HMAC key (field 5, 64 bytes). The file
 * must parse to its end. The secret is the keys.
 */
function gitCryptKey(b: Uint8Array): KeyFile | null {
  if (readU32(b, 12) !== 2) return null;
  let at = 16;
  const field = (): [number, number, number] | null => {
    const id = readU32(b, at);
    if (id < 0) return null;
    if (id === 0) return [0, at + 4, 0];
    const len = readU32(b, at + 4);
    if (len < 0 || len > 1 << 16 || at + 8 + len > b.length) return null;
    return [id, at + 8, len];
  };
  // Header fields.
  for (;;) {
    const f = field();
    if (!f) return null;
    at = f[1] + f[2];
    if (f[0] === 0) break;
  }
  const keys: Buffer[] = [];
  while (at < b.length) {
    let aes = -1;
    let hmac = -1;
    for (;;) {
      const f = field();
      if (!f) return null;
      if (f[0] === 3 && f[2] === 32) aes = f[1];
      if (f[0] === 5 && f[2] === 64) hmac = f[1];
      at = f[1] + f[2];
      if (f[0] === 0) break;
    }
    if (aes < 0 || hmac < 0) return null;
    keys.push(Buffer.from(b.buffer, b.byteOffset + aes, 32), Buffer.from(b.buffer, b.byteOffset + hmac, 64));
  }
  return keys.length > 0
    ? { format: 'git-crypt-key', secret: Buffer.concat(keys).subarray(0, MAX_SECRET_BYTES).toString('base64'), shared: true }
    : null;
}

/** Tor's ed25519 secret key header: `== ed25519v1-secret: <tag> ==`, NUL-padded to 32 bytes. */
const TOR_SECRET = /^== ed25519v1-secret: [a-z0-9_]{1,8} ==\0+$/;

/**
 * A Tor ed25519 secret key file (`hs_ed25519_secret_key` of an onion service, a relay's
 * `ed25519_master_id_secret_key`): the 32-byte header, then the 64-byte expanded secret key,
 * nothing more. The public key file (`ed25519v1-public`) is not one.
 */
function torSecretKey(b: Uint8Array): KeyFile | null {
  if (b.length !== 96 || !TOR_SECRET.test(Buffer.from(b.buffer, b.byteOffset, 32).toString('latin1'))) return null;
  const key = b.subarray(32);
  return isVaried(key) ? { format: 'tor-ed25519-secret', secret: b64(b, 32) } : null;
}

/** Public-key algorithm ids of RFC 4880 / 9580 (RSA, Elgamal, DSA, ECDH, ECDSA, EdDSA, X25519, X448, Ed25519, Ed448). */
const PGP_ALGORITHMS = new Set([1, 2, 3, 16, 17, 18, 19, 20, 22, 25, 26, 27, 28]);

/**
 * A binary OpenPGP secret key (`gpg --export-secret-keys`, a GnuPG 1 `secring.gpg`): a secret-key
 * packet that fits in the file, of version 4 to 6 with a known algorithm after its creation time
 * (a packet tag and a version byte alone start too many other files).
 */
function pgpSecretKey(b: Uint8Array): KeyFile | null {
  const end = pgpPacketEnd(b);
  if (end < 0) return null;
  const body = pgpHeaderLength(b);
  const version = b[body];
  // v4: version, 4-byte time, algorithm; v5/v6 (RFC 9580): the same, then a 4-byte key length.
  if (version < 4 || version > 6 || !PGP_ALGORITHMS.has(b[body + 5])) return null;
  return { format: 'openpgp-secret-key', secret: b64(b, 0, end) };
}

/** The length of the first packet's header (tag and length bytes). */
function pgpHeaderLength(b: Uint8Array): number {
  if (b[0] & 0x40) return b[1] < 192 ? 2 : b[1] < 224 ? 3 : 6;
  return [2, 3, 5, 1][b[0] & 3];
}

/** Where the first OpenPGP packet ends, or -1 (a partial or indeterminate length, or past the end). */
function pgpPacketEnd(b: Uint8Array): number {
  let hdr: number;
  let len: number;
  if (b[0] & 0x40) {
    const l = b[1];
    if (l < 192) [hdr, len] = [2, l];
    else if (l < 224) [hdr, len] = [3, ((l - 192) << 8) + b[2] + 192];
    else if (l === 255) [hdr, len] = [6, readU32(b, 2)];
    else return -1;
  } else {
    const t = b[0] & 3;
    if (t === 0) [hdr, len] = [2, b[1]];
    else if (t === 1) [hdr, len] = [3, (b[1] << 8) | b[2]];
    else if (t === 2) [hdr, len] = [5, readU32(b, 1)];
    else return -1;
  }
  return len < 0 || hdr + len > b.length ? -1 : hdr + len;
}

function readU32(b: Uint8Array, at: number): number {
  return at + 4 > b.length ? -1 : ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
}

function readU16(b: Uint8Array, at: number): number {
  return at + 2 > b.length ? -1 : (b[at] << 8) | b[at + 1];
}

/** Where the SSH strings from `at` end (`count` of them), or -1 when one runs past the end. */
function skipStrings(b: Uint8Array, at: number, count: number): number {
  for (let i = 0; i < count; i++) {
    const n = readU32(b, at);
    if (n < 0 || at + 4 + n > b.length) return -1;
    at += 4 + n;
  }
  return at;
}

/**
 * A whole unencrypted-or-encrypted OpenSSH key blob (`openssh-key-v1\0`, cipher, KDF, its options,
 * the key count, each public key, the private section) that ends exactly where the bytes do: the
 * body of a key file without its armour, never a prefix of one (a block's first body line).
 */
function isWholeOpensshBlob(b: Uint8Array): boolean {
  if (privateKind(b) !== 'openssh') return false;
  let at = skipStrings(b, 15, 3);
  const keys = at < 0 ? -1 : readU32(b, at);
  if (keys < 1 || keys > 16) return false;
  at = skipStrings(b, at + 4, keys + 1);
  return at === b.length;
}

/**
 * A key file as one base64 value (`SSH_KEY=b3BlbnNzaC1rZXktdjE…`, `P12_BASE64=MIIK…`): an
 * OpenSSH key body without its armour, whole; a PuTTY key file; a PKCS#12 store with a key (or
 * encrypted contents).
 */
export function isEncodedKeyFile(value: string): boolean {
  const b = decodeBase64(value);
  if (startsWith(b, Buffer.from('PuTTY-User-Key-File-', 'latin1'))) return isPrivateKeyBlock(b.toString('latin1'));
  if (b[0] === 0x30) return pkcs12(b) !== null;
  return isWholeOpensshBlob(b);
}

/** Base64 lines (`base64 store.p12`) that start a PKCS#12 store with a key (or encrypted contents). */
export function isEncodedKeyFileLines(text: string): boolean {
  const body: string[] = [];
  for (const l of text.split('\n')) {
    if (!/^[A-Za-z0-9+/]{1,200}={0,2}$/.test(l)) break;
    body.push(l);
  }
  if (body.length < 3) return false;
  const b = decodeBase64(body.join(''));
  return b[0] === 0x30 && pkcs12(b) !== null;
}

/**
 * A binary OpenPGP secret key (`gpg --export-secret-keys`) base64-encoded on one line (Gradle's
 * `signingInMemoryKey`, a CI variable) or over lines (`… | base64`): its first packet is a
 * secret key whose whole packet lies within the bytes.
 */
export function isEncodedPgpSecretKey(text: string): boolean {
  const body: string[] = [];
  for (const l of text.split('\n')) {
    if (!/^[A-Za-z0-9+/]{1,16000}={0,2}$/.test(l)) break;
    body.push(l);
  }
  const b = decodeBase64(body.join(''));
  return b.length > 0 && privateKind(b) === 'pgp-secret' && pgpSecretKey(b) !== null;
}

/**
 * A line of base64 (76 characters: 57 bytes, starting on a byte boundary; or two) from inside a binary
 * OpenPGP RSA secret key: its public exponent 65537 as an MPI (`00 11 01 00 01`), then the
 * secret part's protection (00: none, then the private exponent's bit count, 1,024 to 16,384;
 * FE or FF: a passphrase or a stub, then a cipher number up to 13), in bytes as varied as a
 * key's.
 */
export function isPgpRsaExponentLine(lines: string): boolean {
  // (One line, or two when the run is cut by the line break.)
  const b = decodeBase64(lines.replace(/\n/g, ''));
  if ((b.length !== 57 && b.length !== 114) || !isVaried(b.subarray(0, 57), 32)) return false;
  for (let i = b.indexOf(0x11); i > 0 && i + 4 < b.length; i = b.indexOf(0x11, i + 1)) {
    if (b[i - 1] !== 0 || b[i + 1] !== 1 || b[i + 2] !== 0 || b[i + 3] !== 1) continue;
    // (What lies past the line's end is not judged.)
    const usage = b[i + 4];
    const bits = (b[i + 5] << 8) | b[i + 6];
    if (usage === 0 && (b[i + 6] === undefined || (bits >= 1024 && bits <= 16384))) return true;
    if ((usage === 0xfe || usage === 0xff) && (b[i + 5] === undefined || b[i + 5] <= 13)) return true;
  }
  return false;
}
