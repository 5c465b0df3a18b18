import { crc24 } from '../checksum';
import { hexDumpBytes, isVaried } from './key-text';

/**
 * The text forms a key's own tools print of a private key (not a key file, but its numbers in
 * hex): `puttygen -O text`, `gpg -v --list-packets`, GnuTLS `certtool -k`, `openssl asn1parse`
 * and `paperkey`. Each check decides from the numbers themselves: at least 16 bytes as varied as
 * random ones, where the format says they are the private part (never the public numbers the
 * same dumps print beside them), or a checksum the tool wrote.
 */

/** Hex digits as bytes (an odd count: a leading zero nibble). */
function hexBytes(hex: string): Buffer {
  return Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
}

/** A private number of at least 16 bytes, as varied as random bytes are (zero padding aside). */
function isSecretNumber(hex: string): boolean {
  return isVaried(hexBytes(hex.replace(/^(?:00)+/, '')), 16);
}

/**
 * A line of `puttygen key.ppk -O text` (PuTTY 0.78+), which prints a key's numbers as
 * `name=0x…` lines: the private one, `private_exponent=0x…` (RSA, ECDSA, EdDSA) or
 * `private_x=0x…` (DSA).
 */
export function isPuttygenTextSecret(line: string): boolean {
  const m = /=0x([0-9a-fA-F]+)$/.exec(line);
  return m !== null && isSecretNumber(m[1]);
}

/** An `skey[N]:` line of a secret key packet with its number in hex (gpg prints it with -v). */
const GPG_SKEY = /^skey\[\d{1,2}\]: ([0-9A-Fa-f]{32,})$/;

/**
 * `gpg -v --list-packets` of an unprotected secret key: under `:secret key packet:` (or `:secret
 * sub key packet:`), the `skey[N]:` lines hold the private numbers in hex. A protected key prints
 * `skey[N]: [v4 protected]`, and without -v gpg prints only their sizes: neither is a key.
 */
export function isGpgPacketDump(text: string): boolean {
  for (const l of text.split('\n').slice(1)) {
    const m = GPG_SKEY.exec(l.trim());
    if (m && isSecretNumber(m[1])) return true;
  }
  return false;
}

/**
 * A private number dumped under its label, as GnuTLS `certtool -k` / `--generate-privkey`
 * prints a key (`private exponent:` for RSA, `private key:` for EC, EdDSA and DSA), then lines
 * of colon-separated hex: at least 16 bytes, 12 of them distinct.
 */
export function isLabelledHexDump(text: string): boolean {
  const bytes = hexDumpBytes(text.split('\n').slice(1));
  const start = bytes.findIndex((b) => b !== '00');
  const own = start < 0 ? [] : bytes.slice(start);
  return own.length >= 16 && new Set(own).size >= 12;
}

/** A line of `openssl asn1parse`: offset, depth, header and content length, then the item. */
const ASN1_LINE = /^\d{1,6}:d=(\d{1,2})\s+hl=\d{1,2} l=\s*\d{1,6} (?:prim|cons):\s+(.*)$/;

/**
 * `openssl asn1parse` of an unencrypted private key. The first line (the pattern's) is the
 * version at depth 1 (`INTEGER :00`, or `:01` for SEC1 EC and PKCS#8 v2); then the key's own
 * items: PKCS#8's `OCTET STRING [HEX DUMP]` (the whole inner key) and SEC1's (the scalar) at
 * depth 1, or PKCS#1 RSA's and DSA's numbers, `INTEGER :…` at depth 1 (three or more of at least
 * 16 varied bytes after the version: modulus, private exponent, primes …; p, q, g, y, x). A public key's or a
 * certificate's dump has no version first at depth 1.
 */
export function isAsn1ParsePrivateKey(text: string): boolean {
  let integers = 0;
  for (const l of text.split('\n').slice(1)) {
    const m = ASN1_LINE.exec(l.trim());
    if (!m) break;
    if (m[1] !== '1') continue;
    const octets = /^OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]{32,})$/.exec(m[2].trim());
    if (octets) return isSecretNumber(octets[1]);
    const int = /^INTEGER\s+:([0-9A-F]{32,})$/.exec(m[2].trim());
    if (int && isSecretNumber(int[1])) integers++;
  }
  return integers >= 3;
}

/** A paperkey base16 line: its number, the bytes, and the CRC-24 of those bytes. */
const PAPERKEY_LINE = /^\d{1,5}: ((?:[0-9A-F]{2} )+)([0-9A-F]{6})$/;

/**
 * `paperkey --secret-key` output (base16, the default): the secret parts of an OpenPGP key, a
 * line of bytes at a time, each line closed by its CRC-24. The first line starts with the
 * format's version 0, the key's version 4 or 5 and its fingerprint. At least two lines whose
 * CRC holds, and 16 varied bytes past the first line's 22.
 */
export function isPaperkeyText(text: string): boolean {
  const data: Buffer[] = [];
  for (const l of text.split('\n')) {
    const m = PAPERKEY_LINE.exec(l.trim());
    if (!m) break;
    const bytes = Buffer.from(m[1].replace(/ /g, ''), 'hex');
    if (crc24(bytes) !== parseInt(m[2], 16)) return false;
    data.push(bytes);
  }
  if (data.length < 2 || data[0][0] !== 0 || (data[0][1] !== 4 && data[0][1] !== 5)) return false;
  return isVaried(Buffer.concat(data).subarray(22), 16);
}
