import { isPrivateKeyBlock, isVaried } from './key-text';
import { derPrivateKind } from './structure';

/**
 * A private key written out in hex, as firmware and test code embed one: a C array of `0x..`
 * bytes (`xxd -i key.der`, and the same in Java, Go, Rust, C#), a string of `\x..` escapes, or
 * lines of plain hex digits (`xxd -p`). Decided on the decoded bytes: the
 * start of a DER private key (PKCS#1, PKCS#8, encrypted PKCS#8, SEC1 EC) with varied key bytes
 * after its header, or the text of a PEM or OpenSSH private key block (`xxd -i id_ed25519`).
 */

const OX = /0[xX]([0-9a-fA-F]{1,2})(?![0-9a-fA-F])/g;
const ESCAPE = /\\x([0-9a-fA-F]{2})/g;
const PLAIN = /[0-9a-fA-F]{2,}/g;

/** The bytes the hex tokens of these lines spell, in one syntax (the first line's). */
function hexEncodedBytes(text: string): Buffer {
  const syntax = /0[xX][0-9a-fA-F]/.test(text) ? OX : /\\x[0-9a-fA-F]{2}/.test(text) ? ESCAPE : PLAIN;
  let hex = '';
  for (const m of text.matchAll(syntax)) {
    if (syntax === PLAIN) {
      if (m[0].length % 2 === 0) hex += m[0];
    } else hex += m[1].padStart(2, '0');
  }
  return Buffer.from(hex, 'hex');
}

/** How far into the decoded bytes a key may start (a declaration's own bytes, an offset). */
const START_WITHIN = 16;

/** True when the hex these lines hold decodes to a private key (see above). */
export function isHexEncodedKey(text: string): boolean {
  const bytes = hexEncodedBytes(text);
  for (let i = 0; i < Math.min(bytes.length, START_WITHIN); i++) {
    if (bytes[i] !== 0x30) continue;
    const der = bytes.subarray(i);
    const kind = derPrivateKind(der);
    // (Past a 16-byte header: an Ed25519 key's 32 bytes, an RSA modulus, an encrypted blob.)
    if (kind !== null && isVaried(der.subarray(16, 16 + 256), 24)) return true;
  }
  const s = bytes.toString('latin1');
  const at = s.indexOf('-----BEGIN');
  return at >= 0 && at < START_WITHIN && isPrivateKeyBlock(s.slice(at));
}
