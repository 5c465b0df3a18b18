/**
 * What a decoded key body is, read from its bytes: the magic of an OpenSSH or ssh.com private
 * key, the ASN.1 prefix of a private-key structure, the packet tag of a PGP secret key. The
 * bytes may be only the start of the key (the first lines of a PEM block): every check reads a
 * prefix, and `complete` asks that the outer DER length matches the bytes exactly.
 */
export type PrivateKind = 'openssh' | 'sshcom' | 'pkcs1' | 'pkcs8' | 'pkcs8-encrypted' | 'sec1' | 'pgp-secret';

interface Tlv {
  tag: number;
  /** Offset of the value. */
  at: number;
  len: number;
}

/** One DER tag-length header at `off` (the value may lie past the end of a prefix). */
export function tlv(b: Uint8Array, off: number): Tlv | null {
  if (off + 2 > b.length) return null;
  const tag = b[off];
  let len = b[off + 1];
  let at = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || at + n > b.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[at + i];
    at += n;
  }
  return { tag, at, len };
}

const OPENSSH_MAGIC = 'openssh-key-v1\0';
/** OIDs of password-based encryption schemes: PKCS#5 (1.2.840.113549.1.5.*) and PKCS#12 (1.2.840.113549.1.12.1.*). */
const PBE_OIDS = [Buffer.from('2a864886f70d0105', 'hex'), Buffer.from('2a864886f70d010c01', 'hex')];

export function startsWith(b: Uint8Array, prefix: Uint8Array, at = 0): boolean {
  if (at + prefix.length > b.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

/** The private-key DER structure these bytes start with, or null (public keys, certificates, anything else). */
export function derPrivateKind(b: Uint8Array, complete = false): PrivateKind | null {
  const outer = tlv(b, 0);
  if (!outer || outer.tag !== 0x30) return null;
  if (complete && outer.at + outer.len !== b.length) return null;
  const first = tlv(b, outer.at);
  if (!first) return null;
  if (first.tag === 0x02 && first.len === 1) {
    const version = b[first.at];
    const second = tlv(b, first.at + 1);
    if (!second || version === undefined) return null;
    // RSAPrivateKey / DSA: version 0, then the modulus (or p) as an INTEGER.
    if (version === 0 && second.tag === 0x02 && second.len >= 64) return 'pkcs1';
    // PrivateKeyInfo / OneAsymmetricKey: version 0 or 1, AlgorithmIdentifier { OID, … }, OCTET STRING.
    if ((version === 0 || version === 1) && second.tag === 0x30) {
      const oid = tlv(b, second.at);
      if (!oid || oid.tag !== 0x06 || oid.len < 3 || oid.len > 12) return null;
      const keyAt = second.at + second.len;
      // The algorithm's parameters (a DH or DSA group, an explicit EC curve) may run past the end of
      // a prefix (the first lines of a PEM block): then they must be a SEQUENCE, and the outer
      // length must leave room for the key's OCTET STRING after them.
      if (!complete && keyAt + 2 > b.length) {
        const params = tlv(b, oid.at + oid.len);
        return params && params.tag === 0x30 && outer.at + outer.len >= keyAt + 2 + 16 ? 'pkcs8' : null;
      }
      const key = tlv(b, keyAt);
      return key && key.tag === 0x04 ? 'pkcs8' : null;
    }
    // ECPrivateKey (SEC1): version 1, the private scalar as an OCTET STRING.
    if (version === 1 && second.tag === 0x04 && second.len >= 20 && second.len <= 72) return 'sec1';
    return null;
  }
  // EncryptedPrivateKeyInfo: AlgorithmIdentifier { a password-based encryption OID, … }, OCTET STRING.
  if (first.tag === 0x30) {
    const oid = tlv(b, first.at);
    if (!oid || oid.tag !== 0x06) return null;
    if (PBE_OIDS.some((p) => startsWith(b, p, oid.at))) return 'pkcs8-encrypted';
  }
  return null;
}

/** The private key these decoded bytes start with, whatever the container, or null. */
export function privateKind(b: Uint8Array, complete = false): PrivateKind | null {
  if (startsWith(b, Buffer.from(OPENSSH_MAGIC, 'latin1'))) return 'openssh';
  // ssh.com (SSH2) private key blob: magic 0x3f6ff9eb.
  if (startsWith(b, Buffer.from([0x3f, 0x6f, 0xf9, 0xeb]))) return 'sshcom';
  if (b.length > 0 && b[0] & 0x80) return pgpSecretPacket(b) ? 'pgp-secret' : null;
  return derPrivateKind(b, complete);
}

/**
 * An OpenPGP secret-key or secret-subkey packet (tag 5 or 7) of version 3 to 6. The new format
 * (bit 6) keeps the tag in the low 6 bits and a 1, 2 or 5-byte length; the old one the tag in
 * bits 2-5 and a 1, 2 or 4-byte length named by its low 2 bits.
 */
function pgpSecretPacket(b: Uint8Array): boolean {
  let tag: number;
  let body: number;
  if (b[0] & 0x40) {
    tag = b[0] & 0x3f;
    const l = b[1];
    body = l < 192 ? 2 : l < 224 ? 3 : l === 255 ? 6 : -1;
  } else {
    tag = (b[0] >> 2) & 0x0f;
    body = [2, 3, 5, -1][b[0] & 3];
  }
  return (tag === 5 || tag === 7) && body > 0 && b[body] >= 3 && b[body] <= 6;
}

/** Decodes base64 (padded or not; a lone last character, which holds no whole byte, is dropped). */
export function decodeBase64(s: string): Buffer {
  const clean = s.replace(/=+$/, '');
  return Buffer.from(clean.length % 4 === 1 ? clean.slice(0, -1) : clean, 'base64');
}
