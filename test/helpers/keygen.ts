import { base62, crc24, crc32 } from '../../src/detect/checksum';
import { ageSecretKey } from './bech32';
import {
  headerlessPrivateKey,
  jwk,
  keyTextDump,
  privateKeyText,
  publicKeyText,
  rsaKeyValueXml,
  secretParts,
  type PrivateFormat,
  type PublicFormat,
} from './key-material';

/** The attribute lines `openssl pkcs12 -nodes` writes before each block. */
const BAG = 'Bag Attributes\n    localKeyID: 01 23 45 67 89 AB CD EF \nKey Attributes: <No Attributes>\n';

/**
 * Seeded generator of key-shaped test data. The repository holds no key-shaped literal:
 * every credential a test needs is built here at run time, and every one it builds is
 * remembered so that the no-leak checks can grep outputs for it.
 */
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGIT = '0123456789';
export const ALNUM = UPPER + LOWER + DIGIT;
const B64 = ALNUM + '+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PASSWORD = ALNUM + '!#^&*-_+=~';

/** Every secret any KeyGen produced in this process. */
export const GENERATED: Set<string> = new Set();

export class KeyGen {
  private s: number;
  constructor(seed = 0x5eed) {
    this.s = seed >>> 0 || 1;
  }

  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  from(chars: string, n: number): string {
    let o = '';
    for (let i = 0; i < n; i++) o += chars[this.int(chars.length)];
    return o;
  }

  /** Remembers the random parts of a key text (its base64 lines) for the no-leak checks. */
  keepKey(text: string): string {
    for (const p of secretParts(text)) GENERATED.add(p);
    return text;
  }

  private keep(s: string): string {
    GENERATED.add(s);
    return s;
  }

  alnum(n: number): string {
    return this.keep(this.from(ALNUM, n));
  }
  hex(n: number): string {
    return this.from('0123456789abcdef', n);
  }
  /** Alibaba AccessKeyId: LTAI + 20 (current) or + 12 (older). */
  akId(long = true): string {
    return this.keep('LTAI' + this.from(ALNUM, long ? 20 : 12));
  }
  akSecret(): string {
    return this.keep(this.from(ALNUM, 30));
  }
  stsId(): string {
    return this.keep('STS.' + this.from(ALNUM, 25));
  }
  stsToken(): string {
    return this.keep('CAIS' + this.from(B64, 300));
  }
  b64(n: number): string {
    return this.keep(this.from(B64, n));
  }
  upper(n: number): string {
    return this.keep(this.from(UPPER + DIGIT, n));
  }
  /** A password as people choose them: letters, digits and a few symbols, 10–16 characters. */
  password(): string {
    const n = 10 + this.int(7);
    return this.keep(this.from(UPPER, 1) + this.from(LOWER, 2) + this.from(DIGIT, 2) + this.from(PASSWORD, n - 5));
  }
  /** A GitHub / npm style token with a valid CRC32 tail (`valid=false` breaks the tail). */
  crcToken(prefix: string, valid = true): string {
    const body = this.from(ALNUM, 30);
    let tail = base62(crc32(body), 6);
    if (!valid) tail = tail.slice(0, 5) + (tail[5] === 'a' ? 'b' : 'a');
    return this.keep(prefix + body + tail);
  }
  awsId(prefix = 'AKIA'): string {
    return this.keep(prefix + this.from(BASE32, 16));
  }
  /** The base64 body of a PEM block: one 64-character line. */
  pemLine(): string {
    return this.keep(this.from(B64, 64));
  }
  /** A password as people really pick them for servers: a word, a symbol, a year or a few digits (`Word@2023`). */
  humanPassword(): string {
    const words = [
      'Acme',
      'Admin',
      'Shop',
      'Zhang',
      'Wang',
      'Welcome',
      'Summer',
      'Tiger',
      'Erp',
      'Mes',
      'Crm',
      'Sunny',
      'Qwer',
      'Hello',
      'Root',
      'Dev',
    ];
    const word = words[this.int(words.length)];
    const sep = '@#!._'[this.int(5)];
    const digits = this.int(2) === 0 ? String(2015 + this.int(12)) : this.from(DIGIT, 3 + this.int(2));
    return this.keep(this.int(3) === 0 ? word + digits + sep : word + sep + digits);
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  /**
   * Expands `{{token}}` templates: ak_id, ak_id16, ak_secret, sts_id, sts_token, uuid,
   * alnum:N, hex:N, b64:N, digits:N, upper:N (A-Z0-9), lower:N (a-z0-9), password, crc:PREFIX (GitHub/npm
   * token with a valid CRC32 tail), badcrc:PREFIX, aws_id:PREFIX, pem (a 64-char PEM body line), pem_b64:TYPE (a base64-encoded PEM block), basic (base64 of user:password),
   * rep:C:N (C repeated N times), lit:TEXT (TEXT as is), humanpw (a human-chosen server password like Word@2023),
   * privkey:FORMAT / privkey_json:FORMAT / privkey_indent:FORMAT / privkey_spaced:FORMAT / privkey_b64:FORMAT (a real-structured private key block; FORMAT in
   * key-material.ts), privkey_der:pkcs8|pkcs1 (headerless base64 DER), pubkey:FORMAT, jwk:private|public,
   * rsaxml:private|public (.NET RSAKeyValue), jwt (a signed JWT), enc:TOKEN (base64 of TOKEN's value),
   * jenkins_secret (a Jenkins hudson.util.Secret payload, without its braces), hexup:N (upper-case hex),
   * hexcolon:N (N bytes as certtool's hex lines), paperkey:N / paperkey_badcrc:N (paperkey's base16 lines),
   * privkey_hex:pkcs8|pkcs1 (DER in plain hex), privkey_xxd:pkcs8|pkcs1 / pubkey_xxd (DER as `xxd -i` lines).
   */
  expand(template: string): string {
    return template.replace(/\{\{([a-z0-9_]+)(?::([^}:]+))?(?::(\d+))?\}\}/g, (_all, name: string, a?: string, b?: string) => {
      switch (name) {
        case 'ak_id':
          return this.akId(true);
        case 'ak_id16':
          return this.akId(false);
        case 'ak_secret':
          return this.akSecret();
        case 'sts_id':
          return this.stsId();
        case 'sts_token':
          return this.stsToken();
        case 'uuid':
          return this.uuid();
        case 'b64':
          return this.b64(Number(a));
        case 'upper':
          return this.upper(Number(a));
        case 'digits':
          return this.from(DIGIT, Number(a));
        case 'lower':
          return this.keep(this.from(LOWER + DIGIT, Number(a)));
        case 'password':
          return this.password();
        case 'crc':
          return this.crcToken(a ?? 'ghp_');
        case 'badcrc':
          return this.crcToken(a ?? 'ghp_', false);
        case 'aws_id':
          return this.awsId(a ?? 'AKIA');
        case 'pem':
          return this.pemLine();
        case 'basic':
          // HTTP basic credentials as .npmrc _auth holds them: base64 of user:password.
          return this.keep(Buffer.from(`${this.from('abcdefghijklmnopqrstuvwxyz', 6)}:${this.password()}`).toString('base64'));
        case 'pem_b64': {
          // A whole PEM block, base64-encoded (Kubernetes Secret style). a: RSA, EC, OPENSSH, CERTIFICATE…
          const label = a === 'CERTIFICATE' ? 'CERTIFICATE' : `${a ? a + ' ' : ''}PRIVATE KEY`;
          const block = `-----BEGIN ${label}-----\n${this.pemLine()}\n${this.pemLine()}\n-----END ${label}-----\n`;
          return this.keep(Buffer.from(block).toString('base64'));
        }
        case 'alnum':
          return this.alnum(Number(a));
        case 'hex':
          return this.hex(Number(a));
        case 'hexup':
          return this.hex(Number(a)).toUpperCase();
        case 'hexcolon': {
          // N bytes as GnuTLS certtool prints a key's number: tab-indented lines of 16, colon-separated.
          const bytes = this.hex(2 * Number(a)).match(/../g)!;
          const rows: string[] = [];
          for (let i = 0; i < bytes.length; i += 16)
            rows.push('\t' + bytes.slice(i, i + 16).join(':') + (i + 16 < bytes.length ? ':' : ''));
          return rows.join('\n');
        }
        case 'paperkey':
        case 'paperkey_badcrc':
          // paperkey's base16 lines: version 0, key version 4, a fingerprint, then N secret bytes;
          // each line closed by its CRC-24 (badcrc: the last line's CRC changed).
          return paperkeyLines(Buffer.from('0004' + this.hex(40) + this.hex(2 * Number(a)), 'hex'), name === 'paperkey_badcrc');
        case 'lit':
          // A literal split from its prefix in the source, so no key-shaped run stands in the repository.
          return a ?? '';
        case 'rep':
          return (a ?? 'x').repeat(Number(b));
        case 'jwt': {
          // A signed JWT (header.payload.signature, base64url), as GitHub's stateless installation tokens carry.
          const seg = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          const payload = {
            iss: this.from(DIGIT, 7),
            sub: this.from(DIGIT, 8),
            exp: 1800000000 + this.int(1e8),
            jti: this.from(ALNUM, 22),
          };
          return this.keep(
            `${seg({ alg: 'RS256', typ: 'JWT' })}.${seg(payload)}.${Buffer.from(this.from(ALNUM, 256)).toString('base64url')}`,
          );
        }
        case 'enc':
          // base64 of another token's value, as a Kubernetes Secret's data: holds it ({{enc:ak_id}}).
          return this.keep(Buffer.from(this.expand(`{{${a}${b ? `:${b}` : ''}}}`)).toString('base64'));
        case 'wg_key':
          // A WireGuard key as `wg genkey` prints it: base64 of 32 random bytes.
          return this.keep(Buffer.from(Array.from({ length: 32 }, () => this.int(256))).toString('base64'));
        case 'jenkins_secret': {
          // A Jenkins hudson.util.Secret payload: version 1, IV length 16, the ciphertext length, the IV, AES blocks.
          const rand = (n: number) => Buffer.from(Array.from({ length: n }, () => this.int(256)));
          const ct = rand(16 * (1 + this.int(24)));
          const head = Buffer.from([1, 0, 0, 0, 16]);
          const len = Buffer.alloc(4);
          len.writeUInt32BE(ct.length);
          return this.keep(Buffer.concat([head, len, rand(16), ct]).toString('base64'));
        }
        case 'age_key':
        case 'age_key_badsum': {
          // An age identity as age-keygen writes it: bech32 of 32 random bytes under the
          // AGE-SECRET-KEY- prefix, upper case (badsum: its last character changed).
          const key = ageSecretKey(Buffer.from(Array.from({ length: 32 }, () => this.int(256))));
          if (name === 'age_key') return this.keep(key);
          const last = key.slice(-1) === 'Q' ? 'P' : 'Q';
          return key.slice(0, -1) + last;
        }
        case 'creds':
          // A .env holding a key pair, after `a` characters of padding (where `LTAI` falls in a base64 group).
          return `${'#'.repeat(Number(a ?? 0))}ALIBABA_CLOUD_ACCESS_KEY_ID=${this.akId(true)}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${this.akSecret()}\n`;
        case 'humanpw':
          return this.humanPassword();
        // Real key structures made by node:crypto (see key-material.ts): a whole block, `\n`-escaped, base64 of the block.
        case 'privkey':
          return this.keepKey(privateKeyText(a as PrivateFormat));
        case 'privkey_json':
          return this.keepKey(privateKeyText(a as PrivateFormat)).replace(/\n/g, '\\n');
        case 'privkey_spaced':
          // Line breaks turned into spaces, as in an .env value.
          return this.keepKey(privateKeyText(a as PrivateFormat)).replace(/\n/g, ' ');
        case 'privkey_indent':
          // Lines after the first indented by two spaces, as in a YAML block scalar.
          return this.keepKey(privateKeyText(a as PrivateFormat)).replace(/\n/g, '\n  ');
        case 'privkey_b64':
          return Buffer.from(this.keepKey(privateKeyText(a as PrivateFormat)) + '\n').toString('base64');
        case 'privkey_bag_b64':
          // `openssl pkcs12 -nodes -nocerts` output (Bag Attributes, then the key), base64-encoded.
          return Buffer.from(BAG + this.keepKey(privateKeyText(a as PrivateFormat)) + '\n').toString('base64');
        case 'pubkey_bag_b64':
          // The `-nokeys` output (Bag Attributes, then a public block), base64-encoded.
          return Buffer.from(BAG + publicKeyText(a as PublicFormat) + '\n').toString('base64');
        case 'privkey_der':
          return this.keepKey(headerlessPrivateKey(a === 'pkcs1' ? 'pkcs1' : 'pkcs8'));
        case 'privkey_der_lines':
          // Headerless base64 DER wrapped at 64 (`openssl base64`); lines after the first keep its indent.
          return this.keepKey(headerlessPrivateKey(a === 'pkcs1' ? 'pkcs1' : 'pkcs8'))
            .match(/.{1,64}/g)!
            .join('\n');
        case 'privkey_hex':
        case 'privkey_xxd':
        case 'pubkey_xxd': {
          // A DER key in hex: one line of plain hex (privkey_hex), or `xxd -i` lines (a C array).
          const der = Buffer.from(
            name === 'pubkey_xxd' ? publicKeyText('der') : this.keepKey(headerlessPrivateKey(a === 'pkcs1' ? 'pkcs1' : 'pkcs8')),
            'base64',
          );
          return name === 'privkey_hex' ? der.toString('hex') : xxdArray(der);
        }
        case 'privkey_dump':
          // `openssl rsa|ec|pkey -text -noout` (a: rsa, ec, ed25519).
          return this.keepKey(keyTextDump(a as 'rsa' | 'ec' | 'ed25519'));
        case 'privkey_dump_commented':
          // The same with every line after the first behind '# ', as pasted into a shell script.
          return this.keepKey(keyTextDump(a as 'rsa' | 'ec' | 'ed25519')).replace(/\n/g, '\n# ');
        case 'pubkey_dump':
          return keyTextDump(a as 'rsa' | 'ec' | 'ed25519', 'public');
        case 'pubkey':
          return publicKeyText(a as PublicFormat);
        case 'pubkey_lines':
          return publicKeyText(a as PublicFormat)
            .match(/.{1,64}/g)!
            .join('\n');
        case 'jwk':
          return a === 'private' ? this.keepKey(jwk('private')) : jwk('public');
        case 'rsaxml':
          return a === 'private' ? this.keepKey(rsaKeyValueXml('private')) : rsaKeyValueXml('public');
        default:
          throw new Error(`unknown template token {{${name}}}`);
      }
    });
  }
}

/** Bytes as `paperkey` writes them in base16: numbered lines of 22 bytes, each ending with its CRC-24. */
function paperkeyLines(data: Buffer, badCrc = false): string {
  const rows: string[] = [];
  for (let i = 0; i < data.length; i += 22) {
    const line = data.subarray(i, i + 22);
    let crc = crc24(line);
    if (badCrc && i + 22 >= data.length) crc ^= 1;
    const hex = [...line].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
    rows.push(`${String(rows.length + 1).padStart(3)}: ${hex} ${crc.toString(16).padStart(6, '0').toUpperCase()}`);
  }
  return rows.join('\n');
}

/** Bytes as `xxd -i` writes them: lines of twelve `0x..` bytes, two spaces in, comma-separated. */
function xxdArray(data: Buffer): string {
  const rows: string[] = [];
  for (let i = 0; i < data.length; i += 12)
    rows.push(
      '  ' +
        [...data.subarray(i, i + 12)].map((b) => '0x' + b.toString(16).padStart(2, '0')).join(', ') +
        (i + 12 < data.length ? ',' : ''),
    );
  return rows.join('\n');
}
