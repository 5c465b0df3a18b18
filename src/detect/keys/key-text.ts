import { createHash } from '../../text/crypto';
import { shannonEntropy } from '../filters';
import { decodeBase64, privateKind } from './structure';

/**
 * Judges the text of a private-key block by what it decodes to, never by how random it looks:
 * an unencrypted OpenSSH key starts with a fixed preamble full of `A`s, and it is the most
 * common private key there is. The text is what a detector gathered: the BEGIN line and the
 * lines after it (armour headers, a blank line, base64), possibly with `\n` escapes (a JSON
 * string) or the whole block base64-encoded (a Kubernetes Secret).
 */
const BEGIN = /^-{4,5} ?BEGIN ([A-Za-z0-9 -]{1,40}?) ?-{4,5}(.*)$/;
const END = /^-{4,5} ?END /;
const HEADER = /^([A-Za-z][A-Za-z0-9-]{0,40}):\s?(.{0,300})$/;
const BASE64_LINE = /^[A-Za-z0-9+/]{1,20000}={0,2}$/;

/**
 * A comment or quote mark before a line of a key block (a regex source, no groups): `#`, `//`, ` * `,
 * `;`, SQL's `--`, e-mail and Markdown quotes (`> `, `> > `), TeX or Erlang `%`, `!`, batch `REM`
 * and `::`. None of them is base64, except `//` (a body line of an explicit EC curve or a DH group
 * may start with it, base64 of 0xff bytes): a comment mark only before a character that is not
 * base64.
 */
export const LINE_MARK = '(?:#|\\/\\/(?![A-Za-z0-9+/=])|\\*|;|--(?!-)|>[> \\t]{0,12}|%|!|(?:REM|rem)\\b|::)';
const LINE_MARK_RE = new RegExp(`^${LINE_MARK}\\s*`);

/**
 * JSON escapes an encoder may put inside a base64 string: PHP's `json_encode` writes `/` as `\/`,
 * .NET's System.Text.Json writes `+` as `\u002B` (and others `\u003d` for `=`, `\u002f` for `/`).
 */
export function unescapeJson(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\\//g, '/').replace(/\\u00(2[bB]|2[fF]|3[dD])/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Fewer decoded bytes than this is not enough to tell a key from a stand-in. */
const MIN_BYTES = 40;

export interface KeyBlock {
  label: string;
  headers: Map<string, string>;
  body: string;
}

/**
 * Splits a block into its BEGIN label, armour headers and base64 body (up to END or the first
 * other line). A comment mark is taken off a line (`//` only before a blank: a base64 line may
 * start with `//`).
 */
export function parseKeyBlock(text: string): KeyBlock | null {
  let lines = unescapeJson(text)
    .replace(/\\r\\n|\\n/g, '\n')
    .split('\n')
    .map((l) => l.trim().replace(LINE_MARK_RE, ''));
  const m = BEGIN.exec(lines[0] ?? '');
  if (!m) return null;
  if (m[2].trim() !== '') {
    // The block on one line with its line breaks turned into spaces (an .env value): split it
    // again, keeping an armour header's name with its value.
    const words: string[] = [];
    // (A PGP armour checksum `=XXXX` glued to the body is cut off.)
    for (const w of m[2]
      .trim()
      .replace(/(?<=[A-Za-z0-9+/=])=[A-Za-z0-9+/]{4}(?=-{4,5} ?END |\s|$)/, ' ')
      .split(/\s+|(?=-{4,5} ?END )/)) {
      if (words.length > 0 && words[words.length - 1].endsWith(':')) words[words.length - 1] += ` ${w}`;
      else words.push(w);
    }
    // Body lines are 64–76 characters (an OpenVPN static key's 32 hex digits): short words are
    // prose about a key, not a key.
    const first = words.findIndex((w) => BASE64_LINE.test(w));
    const end = words.findIndex((w, i) => i > first && !BASE64_LINE.test(w));
    const body = first < 0 ? [] : words.slice(first, end < 0 ? undefined : end);
    const short = m[1].trim() === 'OpenVPN Static key V1' ? 32 : 40;
    if (body.slice(0, -1).some((w) => w.length < short)) return null;
    lines = [lines[0], ...words, ...lines.slice(1)];
  }
  const headers = new Map<string, string>();
  let body = '';
  let i = 1;
  let continued = false;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (continued) {
      // An ssh.com header value continued with a backslash.
      continued = l.endsWith('\\');
      continue;
    }
    const h = body === '' ? HEADER.exec(l) : null;
    if (h) {
      headers.set(h[1].toLowerCase(), h[2]);
      continued = h[2].endsWith('\\');
      continue;
    }
    if (l === '' && body === '') continue;
    break;
  }
  for (; i < lines.length && BASE64_LINE.test(lines[i]) && !END.test(lines[i]); i++) body += lines[i];
  return { label: m[1].trim(), headers, body };
}

/** True when the block is a private key by its structure (or is marked encrypted by its armour). */
export function isPrivateKeyBlock(text: string): boolean {
  if (/^\s{0,40}PuTTY-User-Key-File-/.test(text)) return isPuttyKey(text);
  const block = parseKeyBlock(text);
  if (!block) return false;
  const raw = rawKeyBlock(block);
  if (raw !== undefined) return raw;
  if (!/PRIVATE KEY/.test(block.label)) return false;
  const bytes = decodeBase64(block.body);
  if (bytes.length < MIN_BYTES) return false;
  // Traditional OpenSSL encryption: `Proc-Type: 4,ENCRYPTED` and `DEK-Info: cipher,IV`; the body is ciphertext.
  if (/ENCRYPTED/.test(block.headers.get('proc-type') ?? '') && block.headers.has('dek-info')) return shannonEntropy(block.body) > 4.5;
  const kind = privateKind(bytes);
  // The first line of an unencrypted OpenSSH key is the same for every key of a type: a second is needed.
  if (kind === 'openssh') return bytes.length > 60;
  return kind !== null;
}

/**
 * Nebula keys (`nebula-cert keygen`, `nebula-cert ca`): the raw key, of its curve's exact length.
 * (The encrypted CA key of newer releases is not read: no packaged release writes one.)
 */
const NEBULA_KEY_BYTES: Record<string, number> = {
  'NEBULA X25519 PRIVATE KEY': 32,
  'NEBULA ED25519 PRIVATE KEY': 64,
  'NEBULA P256 PRIVATE KEY': 32,
  'NEBULA ECDSA P256 PRIVATE KEY': 32,
};

/**
 * A block holding raw key bytes, told by its label (undefined: not such a label): a Nebula key
 * of its exact length, an OpenVPN static key (`openvpn --genkey secret`: hex lines, 256 bytes),
 * a tls-crypt-v2 server or client key or an auth-token server key (base64; the server keys are 128
 * bytes, a client key more).
 * Each must be as varied as random bytes are: a stand-in of repeated characters is no key.
 */
function rawKeyBlock(block: KeyBlock): boolean | undefined {
  const nebula = NEBULA_KEY_BYTES[block.label];
  if (nebula !== undefined) {
    const bytes = decodeBase64(block.body);
    return bytes.length === nebula && isVaried(bytes);
  }
  if (block.label === 'OpenVPN Static key V1') {
    if (!/^(?:[0-9a-f]{2}){64,256}$/i.test(block.body)) return false;
    return isVaried(Buffer.from(block.body, 'hex'));
  }
  if (/^OpenVPN (?:tls-crypt-v2 (?:server|client)|auth-token server) key$/.test(block.label)) {
    const bytes = decodeBase64(block.body);
    return bytes.length >= 64 && isVaried(bytes);
  }
  return undefined;
}

/** True when the bytes (at least `min`) are as varied as random ones: at least 60 % of the distinct values a random run holds. */
export function isVaried(bytes: Uint8Array, min = 32): boolean {
  if (bytes.length < min) return false;
  const n = Math.min(bytes.length, 256);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) seen.add(bytes[i]);
  // Random n bytes hold about 256 * (1 - e^(-n/256)) distinct values (32: 30, 64: 57, 256: 162).
  return seen.size >= Math.round(256 * (1 - Math.exp(-n / 256)) * 0.6);
}

/**
 * A PuTTY key file (PPK v2/v3): its header names it a private key file; its public lines must
 * decode to an SSH public key blob (a length-prefixed algorithm name).
 */
function isPuttyKey(text: string): boolean {
  const lines = unescapeJson(text)
    .replace(/\\r\\n|\\n/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  if (!/^PuTTY-User-Key-File-[23]: [a-z0-9.@-]{3,60}$/.test(lines[0])) return false;
  if (!lines.some((l) => /^Encryption: [a-z0-9-]{3,30}$/.test(l))) return false;
  const at = lines.findIndex((l) => /^Public-Lines: \d{1,3}$/.test(l));
  if (at < 0) return false;
  let body = '';
  for (let i = at + 1; i < lines.length && BASE64_LINE.test(lines[i]); i++) body += lines[i];
  const blob = decodeBase64(body);
  if (blob.length < 8) return false;
  const n = blob.readUInt32BE(0);
  return n >= 7 && n <= 40 && /^(?:ssh|ecdsa|sk)-[a-z0-9.@-]+$/.test(blob.subarray(4, 4 + n).toString('latin1'));
}

/** A whole PEM block, base64-encoded (Kubernetes Secret `data:`, kubeconfig `client-key-data`). */
export function isEncodedPrivateKeyBlock(b64: string): boolean {
  const text = decodeBase64(b64).toString('latin1');
  // The key may follow other blocks (`openssl ecparam -genkey` writes EC PARAMETERS first).
  const at = text.search(/-{4,5} ?BEGIN (?:[A-Z0-9 ]{0,30}PRIVATE KEY|OpenVPN )/);
  return at >= 0 && isPrivateKeyBlock(text.slice(at));
}

/** A headerless base64 DER private key on one line (Alipay / WeChat Pay merchant keys): complete, so its length must match. */
export function isHeaderlessPrivateKey(b64: string): boolean {
  const bytes = decodeBase64(b64);
  const kind = privateKind(bytes, true);
  return kind !== null && kind !== 'openssh' && kind !== 'sshcom' && kind !== 'pgp-secret';
}

/**
 * A one-line base64 value inside a JSON string whose encoder escapes `/` (`\/`) or `+`
 * (`\u002B`), unescaped (a string escape after it, such as a closing `\n`, ends it).
 */
export function unescapedValue(value: string): string {
  return unescapeJson(value).split('\\')[0];
}

/**
 * Headerless base64 DER over several lines: the first line and the base64 lines after it (at
 * least two more, or one more when the two are exactly a whole key: one line alone is prose or
 * a fragment) decode to the start of a DER private key.
 */
export function isHeaderlessKeyLines(text: string): boolean {
  const lines = text.split('\n');
  const body: string[] = [];
  for (const l of lines) {
    if (!BASE64_LINE.test(l)) break;
    body.push(l);
  }
  if (body.length < 2) return false;
  const bytes = decodeBase64(body.join(''));
  // Two lines are a whole key or nothing (an Ed448 or X448 key, 73 bytes, is 100 characters).
  const kind = privateKind(bytes, body.length === 2);
  return kind === 'pkcs1' || kind === 'pkcs8' || kind === 'pkcs8-encrypted' || kind === 'sec1';
}

/**
 * The private part of a JWK (`"d"`) or of a .NET `<RSAKeyValue>` (`<D>`): base64 of a private
 * exponent or scalar, so of a key's size (32–66 bytes for EC and EdDSA, 64–1024 for RSA), its
 * bytes as varied as random ones. (Judged on the bytes, not on how the base64 looks: the text of
 * one EC or EdDSA scalar in about 300,000 has an entropy under 4.2 bits, or a run of six
 * characters, and a real key was passed over.)
 */
export function isPrivateExponent(b64: string): boolean {
  const bytes = decodeBase64(b64.replace(/-/g, '+').replace(/_/g, '/'));
  return bytes.length <= 1100 && !HEX_ONLY.test(b64) && isVaried(bytes, 28);
}

/** A value of hex digits only is a digest or an id in hex, not base64 of a key (a key's base64 is all hex once in 10^18). */
const HEX_ONLY = /^[0-9A-Fa-f]+={0,2}$/;

/** The label line before a dump's private bytes, or before the modulus an RSA dump starts with. */
const DUMP_LABEL = /^(?:priv|private-key|modulus):$/;
/** One line of bytes in hex, as `openssl … -text` writes them (15 a line, colon-separated). */
const DUMP_HEX = /^(?:[0-9a-f]{2}:){1,31}[0-9a-f]{0,2}$/;

/** The bytes (two hex digits each) of the colon-separated hex lines these lines start with (openssl and GnuTLS dumps). */
export function hexDumpBytes(lines: readonly string[]): string[] {
  const bytes: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (!DUMP_HEX.test(t)) break;
    for (const b of t.split(':')) if (b) bytes.push(b);
  }
  return bytes;
}

/**
 * The text form of a private key that `openssl rsa|ec|pkey|genpkey … -text` prints
 * (`Private-Key: (2048 bit, 2 primes)` or `X25519 Private-Key:`, then `modulus:` or `priv:`
 * and lines of hex bytes): the header, the label line, and at least 16 bytes of varied hex.
 * A header quoted in prose, without the bytes under it, is not a key.
 */
export function isKeyTextDump(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  if (!/Private-Key:/.test(lines[0]) || !DUMP_LABEL.test(lines[1] ?? '')) return false;
  const bytes = hexDumpBytes(lines.slice(2));
  return bytes.length >= 16 && new Set(bytes).size >= 12;
}

/**
 * A WireGuard private key (`wg genkey`): 32 bytes in base64, as varied as random bytes are.
 * (Judged on the bytes: the base64 of one key in about 300,000 holds a run of five characters.)
 */
export function isWireguardKey(b64: string): boolean {
  const bytes = Buffer.from(b64, 'base64');
  return bytes.length === 32 && !HEX_ONLY.test(b64) && isVaried(bytes);
}

/**
 * The base64 line of a minisign or signify secret key file (`minisign -G`, `signify -G`), the
 * line after `untrusted comment: … secret key`, decided by its layout: signature algorithm `Ed`,
 * then for signify (104 bytes) the KDF `BK`, rounds, salt, checksum, key number and the 64-byte
 * secret key (with no passphrase, rounds 0 and the checksum is SHA-512 of the key); for minisign
 * (158 bytes) the KDF `Sc` (or none: `-W`), checksum `B2`, salt, limits and the 104-byte key
 * number, secret key and checksum. A public key (42 bytes) is not one.
 */
export function isSignifySecretKey(b64: string): boolean {
  const b = decodeBase64(b64);
  if (b[0] !== 0x45 || b[1] !== 0x64) return false;
  const kdf = b.toString('latin1', 2, 4);
  if (b.length === 104 && kdf === 'BK') {
    const key = b.subarray(40);
    if (b.readUInt32BE(4) !== 0) return isVaried(key);
    return createHash('sha512').update(key).digest().subarray(0, 8).equals(b.subarray(24, 32));
  }
  if (b.length === 158 && (kdf === 'Sc' || kdf === '\0\0') && b.toString('latin1', 4, 6) === 'B2') return isVaried(b.subarray(62, 126));
  return false;
}

/** A line of a BIND private key file: `Name: value`. */
const DNSSEC_FIELD = /^([A-Za-z][A-Za-z0-9]{0,30}): ?(.{1,1400})$/;

/**
 * A DNSSEC or TSIG private key file as `dnssec-keygen` writes it (`K<zone>+<alg>+<id>.private`;
 * Knot and PowerDNS export the same): `Private-key-format: v1.N`, `Algorithm: <n> (<name>)`, then
 * the key: `PrivateKey:` (ECDSA, EdDSA), `PrivateExponent:` after the modulus (RSA) or `Key:`
 * (HMAC), base64 of at least 16 bytes as varied as random ones.
 */
export function isDnssecPrivateKey(text: string): boolean {
  const fields = new Map<string, string>();
  for (const l of text.split('\n').slice(1)) {
    const m = DNSSEC_FIELD.exec(l.trim().replace(/^(?:#|\/\/|;|>)\s*/, ''));
    if (m) fields.set(m[1].toLowerCase(), m[2].trim());
  }
  if (!/^\d{1,3} \([A-Z0-9_-]{2,30}\)$/.test(fields.get('algorithm') ?? '')) return false;
  const key = fields.get('privatekey') ?? fields.get('privateexponent') ?? fields.get('key');
  if (key === undefined || !BASE64_LINE.test(key)) return false;
  return isVaried(decodeBase64(key), 16);
}
