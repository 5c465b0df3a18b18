import {
  isEncodedPrivateKeyBlock,
  isHeaderlessKeyLines,
  isHeaderlessPrivateKey,
  unescapedValue,
  isKeyTextDump,
  isPrivateExponent,
  isWireguardKey,
  isPrivateKeyBlock,
  isSignifySecretKey,
  isDnssecPrivateKey,
  LINE_MARK,
} from '../keys/key-text';
import { isAgentKeyText } from '../keys/gpg-agent';
import { isHexEncodedKey } from '../keys/hex-keys';
import { isAsn1ParsePrivateKey, isGpgPacketDump, isLabelledHexDump, isPaperkeyText, isPuttygenTextSecret } from '../keys/key-dumps';
import { isEncodedKeyFile, isEncodedKeyFileLines, isEncodedPgpSecretKey, isPgpRsaExponentLine } from '../keys/key-file';
import { isBech32 } from '../checksum';
import type { Detector, Rule } from '../types';

/**
 * `-----BEGIN RSA PRIVATE KEY-----`, `-----BEGIN PGP PRIVATE KEY BLOCK-----`, ssh.com's `---- BEGIN
 * SSH2 ENCRYPTED PRIVATE KEY ----`, Nebula's `NEBULA X25519 PRIVATE KEY`, OpenVPN's static,
 * tls-crypt-v2 and auth-token keys.
 */
const HEADER =
  '-{4,5} ?BEGIN (?:[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?|OpenVPN (?:Static key V1|tls-crypt-v2 (?:server|client) key|auth-token server key)) ?-{4,5}';

/**
 * Go's convention for the test keys of its sources and binaries (crypto/tls, net/http's
 * internal testcert): `-----BEGIN RSA TESTING KEY-----`, renamed to PRIVATE KEY only at run time
 * so that scanners pass them. The label says the key is a published test key: its body is no
 * headerless key of anyone's.
 */
const TESTING_HEADER = '-{4,5} ?BEGIN [A-Z0-9 ]{0,30}TESTING KEY ?-{4,5}';

/** openvpn's comment lines before a static key (`#`, `# 2048 bit OpenVPN static key`, `#`), base64-encoded: 33 bytes, 44 characters. */
const OPENVPN_PREAMBLE_B64 = Buffer.from('#\n# 2048 bit OpenVPN static key\n#', 'latin1').toString('base64');

/** Keywords of a block's BEGIN line. */
const BLOCK_KEYWORDS = ['private key', 'openvpn static key', 'openvpn tls-crypt-v2', 'openvpn auth-token'];

/**
 * A line inside a key block, however the project holds it: raw or indented (a file, a YAML
 * block scalar, a Terraform heredoc), or one string of a concatenation (`"MIIE…\n" +`). The
 * `secret` group is its content: base64, an armour header (`Proc-Type: 4,ENCRYPTED`,
 * `Comment: …`, PPK's `Encryption: none`), or nothing (the blank line before a PGP body).
 * A leading `+` is a concatenation only before a quote or a blank, and `//` a comment only
 * before a character that is not base64: otherwise they are the line's first base64
 * characters (one body line in 64 starts with `+`; dropping it shifts every byte after it).
 */
const BLOCK_LINE = new RegExp(
  `^\\s{0,40}(?:${LINE_MARK}\\s{0,4})?(?:\\+(?=[\\s"'\`])\\s{0,4})?["'\`]?(?<secret>[A-Za-z0-9+/]{1,100}={0,2}|[A-Za-z][A-Za-z0-9-]{0,40}: [^\\\\]{0,200}|)(?:\\\\r)?(?:\\\\n)?["'\`]?\\s{0,4}(?:[+.,;&)]|\\\\)?\\s{0,4}$`,
);

/** A comment mark a dump or block line may carry (a shell script, a Markdown quote, C, SQL). */
const COMMENT = '(?:(?:#|\\/\\/|\\*|;|>|--(?!-))\\s{0,8})?';

/** A line under an `openssl … -text` header: a label (`priv:`, `publicExponent: 65537 (0x10001)`) or hex bytes. */
const DUMP_LINE = new RegExp(
  `^\\s{0,40}${COMMENT}(?<secret>[a-zA-Z][a-zA-Z0-9-]{1,30}:(?: \\d{1,12} \\(0x[0-9a-f]{1,12}\\))?|(?:[0-9a-f]{2}:){1,31}[0-9a-f]{0,2})\\s{0,4}$`,
);

/** A line of a `gpg --list-packets` packet, under its header (indented: `version 4, algo 1, …`, `skey[2]: …`). */
const GPG_PACKET_LINE = new RegExp(
  `^\\s{0,40}${COMMENT}\\s{0,8}(?<secret>(?:version \\d|[ps]key\\[\\d{1,2}\\]:|checksum:|keyid:|protect|iter|simple|gnu-|unknown)[^\\r\\n]{0,20000})\\r?$`,
);

/** A line of `openssl asn1parse`: offset, depth, lengths, then the item (`prim: INTEGER :…`). */
const ASN1PARSE_LINE = new RegExp(
  `^\\s{0,40}${COMMENT}(?<secret>\\d{1,6}:d=\\d{1,2}\\s{1,4}hl=\\d{1,2} l=\\s{0,6}\\d{1,6} (?:prim|cons):[^\\r\\n]{0,20000})\\r?$`,
);

/** A base16 line of `paperkey`: its number, bytes in hex, and the line's CRC-24. */
const PAPERKEY_LINE = new RegExp(`^\\s{0,40}${COMMENT}(?<secret>\\d{1,5}: (?:[0-9A-F]{2} ){0,60}[0-9A-F]{6})\\s{0,4}$`);

/**
 * A continuation line of an agent key's `Key:` value: indented (kept whole, see isAgentKeyText).
 * A salt or nonce may be a quoted string of raw bytes (`"\x93…"`): any character but a line end.
 */
const AGENT_KEY_LINE = /^(?<secret>\s{1,60}\S[^\r\n]{0,1200})\r?$/;

/** Enough lines of about 70 characters to reach the private part past a DSA-3072 or Elgamal-4096 group. */
const AGENT_KEY_LINES = 48;

/** A line of a BIND private key file under its format line (`Algorithm: 13 (ECDSAP256SHA256)`, `PrivateKey: …`). */
const DNSSEC_LINE = new RegExp(`^\\s{0,40}${COMMENT}(?<secret>[A-Za-z][A-Za-z0-9]{0,30}: ?[A-Za-z0-9+/=() _.-]{1,1400})\\s{0,4}$`);

/** Armour headers, a blank line and the first base64 lines: enough to decode what the key is. */
const BLOCK_LINES = 7;

/**
 * Lines a PEM block's detector gathers after its BEGIN line: enough to reach the private bytes
 * past the group a DSA, DH or X9.42 key (and an explicit EC curve) carries before them, up to
 * DSA-3072 and ffdhe8192, so the secret (and its fingerprint) is this key's. With 7, every DSA
 * key made from one parameter file, and every key of an RFC 5114 group, had the same secret: one
 * allowed or baselined key hid all the others. The headerless detector reads as many: a body
 * line it starts on (`MII…` holding one of its keywords, as a PKCS#1 key's first line does)
 * starts a new chain of lines in the scan, of its own length, so a shorter one would cut the
 * block's secret short there.
 */
const PEM_BLOCK_LINES = 32;

/**
 * Fixed runs of a DER private key's first bytes in base64, whatever the key's size: PKCS#8 RSA,
 * PKCS#1 RSA, SEC1 EC (P-256, secp256k1, P-384, P-521), PKCS#8 EC, PBES2-encrypted PKCS#8, and
 * PKCS#8 Ed25519, X25519, Ed448 and X448 (`…CAQAwBQYDK2V…`). An encrypted PKCS#8 key's
 * encryption OID (PBES2 1.2.840.113549.1.5.13, PKCS#12 PBE 1.2.840.113549.1.12.1.*) sits at a
 * byte offset set by its outer length's size, so each has a run per offset: 4-byte header (over
 * 255 bytes: RSA, P-384), 3-byte (128-255 bytes: an encrypted P-256, Ed25519 or X448 key), 2-byte
 * (PBE-SHA1-3DES of an Ed25519 or X25519 key, under 128).
 */
const HEADERLESS_KEYWORDS = [
  'adanbgkqhkig9w0baqefaas',
  'ibaakc',
  'ibaakbg',
  'mhccaqee',
  'mhqcaqee',
  'migkagebbd',
  'mihcagebbe',
  'gbyqgsm49ageg',
  'bgkqhkig9w0bbq0w',
  'caqawbqydk2v',
  'gcsqgsib3dqefdt',
  'bgoqhkig9w0bdae',
  'gciqgsib3dqemaq',
  'ykkozihvcnaqwba',
  // (Not a key's start: the BEGIN line of Go's test keys is kept among the scanned lines, so that
  // `notAfter` sees it above the body.)
  'testing key-',
];

/** A PKCS#12 store's first bytes in base64 (`MII…`, then `AIBAzCC`: version 3 and its content's SEQUENCE). */
const PKCS12_KEYWORDS = ['ibazcc'];

/** An OpenSSH key body (`openssh-key-v1`) and a PuTTY key file (`PuTTY-User-Key-File-`), base64-encoded. */
const ENCODED_FILE_KEYWORDS = ['b3blbnnzac1rzxktdje', 'uhvuvfktvxnlci1lzxktrmlszs0'];

/**
 * A binary OpenPGP secret key's first bytes in base64 (`lFgE…`, `lHcE…`: an old-format packet with
 * a one-byte length, version 4, the time, the algorithm), then its curve's OID: Ed25519, NIST P-256,
 * P-384 and P-521, secp256k1, brainpool. An RSA key (gpg 2.2's default) has no fixed run in its
 * first bytes, but its public exponent 65537 and the byte after it (how the secret part is
 * protected: 00 none, FE or FF a passphrase or a stub) are fixed (`00 11 01 00 01 xx`): in base64 at
 * each of the three byte alignments (RSA-2048 puts it at 0, RSA-3072 at 2, RSA-4096 at 1). Found on
 * one line (a CI variable, a Kubernetes Secret value); over wrapped lines from the first line when
 * the run is on it (a curve key's OID is), else an RSA key at the line of its exponent (see below).
 */
const PGP_RSA_KEYWORDS = ['abebaaea', 'abebaah+', 'abebaah/', 'araqaba', 'araqab/', 'eqeaaqa', 'eqeaaf'];
const PGP_BINARY_KEYWORDS = ['kwybbaharw8baqda', 'kozizj0daqccaw', 'k4eeac', 'k4eeaao', 'kyqdawiiaqe', ...PGP_RSA_KEYWORDS];

/**
 * The line before an armoured block's first body line, however it is held: blank (also as an
 * empty string of a concatenation, or behind a comment mark), an armour header, or the BEGIN line.
 */
const ARMOUR_GAP = new RegExp(
  `^\\s{0,40}(?:${LINE_MARK}\\s{0,4})?(?:\\+\\s{0,4})?["'\`]?(?:\\\\r)?(?:\\\\n)?["'\`]?\\s{0,4}(?:[+.,;&)]|\\\\)?\\s{0,4}$|BEGIN |(?:Comment|Version|Hash|Charset|MessageID): `,
);

/** A key written in hex, in one syntax: see hex-keys.ts. */
interface HexSyntax {
  /** A DER key's version (`02 01 00`, `02 01 01`) or a PEM block's `BEGIN`, in the syntax. */
  keywords: string[];
  /** The line the key starts on (the secret: its hex, with what surrounds it on the line). */
  pattern: RegExp;
  /** A line that goes on with the hex (the next one, or the one before a line that is not a start). */
  line: RegExp;
  lines: number;
}

/** A byte array in C, Java, Go, Rust or C# (`xxd -i key.der`): `0x30, 0x82, …` lines. */
const HEX_ARRAY: HexSyntax = {
  keywords: [
    '0x02, 0x01, 0x00',
    '0x02, 0x01, 0x01',
    '0x02,0x01,0x00',
    '0x02,0x01,0x01',
    '(byte) 0x02, (byte) 0x01, (byte) 0x00',
    '(byte) 0x02, (byte) 0x01, (byte) 0x01',
    '0x42, 0x45, 0x47, 0x49, 0x4e',
    '0x42,0x45,0x47,0x49,0x4e',
    // (An encrypted PKCS#8 key has no version: its SEQUENCE with a long length, as a certificate's.)
    '0x30, 0x82',
    '0x30,0x82',
    '0x30, 0x81',
    '0x30,0x81',
    '(byte) 0x30, (byte) 0x82',
    '(byte) 0x30, (byte) 0x81',
  ],
  pattern: /^(?<secret>[^\r\n]{0,200}?0[xX][0-9a-fA-F]{1,2}\s{0,4},\s{0,4}(?:\(byte\)\s{0,2})?0[xX][0-9a-fA-F][^\r\n]{0,20000})\r?$/g,
  line: /^\s{0,40}(?<secret>(?:\(byte\)\s{0,2})?0[xX][0-9a-fA-F]{1,2}[^\r\n]{0,2000})\r?$/,
  lines: 32,
};

/** A string of `\x..` escapes (C, Python, PHP, shell). */
const HEX_ESCAPES: HexSyntax = {
  keywords: ['\\x02\\x01\\x00', '\\x02\\x01\\x01', '\\x42\\x45\\x47\\x49\\x4e', '\\x30\\x82', '\\x30\\x81'],
  pattern: /^(?<secret>[^\r\n]{0,200}?\\x[0-9a-fA-F]{2}\\x[0-9a-fA-F]{2}[^\r\n]{0,20000})\r?$/g,
  line: /^\s{0,40}(?<secret>[^\r\n]{0,40}?\\x[0-9a-fA-F]{2}[^\r\n]{0,4000})\r?$/,
  lines: 32,
};

/**
 * Plain hex digits, a line of nothing else (`xxd -p`, 60 a line; a quoted line of a string),
 * from the key's first byte. (Not hex after a name on a line, `private_key = 3082…`: that is how
 * crypto libraries write their test vectors, hundreds to a file, and BoringSSL's, vendored by
 * grpc and couchbase, held 245 of them; nor an `openssl asn1parse` `[HEX DUMP]:`, whose own
 * detector reports the key at its version line.)
 */
const HEX_PLAIN: HexSyntax = {
  // (An encrypted PKCS#8 key by its encryption's OID: PBES2, PKCS#12 PBE.)
  keywords: ['020100', '020101', '2d2d2d2d2d424547494e', '2a864886f70d01050d', '2a864886f70d010c01'],
  pattern:
    /^\s{0,40}["'`]?(?<secret>(?:30(?:[0-7][0-9a-fA-F]|81[0-9a-fA-F]{2}|82[0-9a-fA-F]{4})(?:0201(?:00|01)|30[0-9a-fA-F]{2,6}06(?:09|0[aA])2[aA]864886[fF]70[dD]010(?:50[dD]|[cC]01))|2[dD]2[dD]2[dD]2[dD]2[dD]424547494[eE])[0-9a-fA-F]{20,20000})["'`]?\s{0,4}[,+]?\s{0,4}\r?$/g,
  line: /^\s{0,40}["'`]?(?<secret>[0-9a-fA-F]{16,400})["'`]?\s{0,4}[,+]?\s{0,4}\r?$/,
  lines: 16,
};

/**
 * The detectors of one hex syntax: the key on one line, and the key starting on a line and going
 * on over the next ones (reported once, at the line it starts on: not again at a line inside the
 * same run of hex, such as a PKCS#8 key's inner PKCS#1 two lines down).
 */
function hexKeyDetectors(x: HexSyntax): Detector[] {
  return [
    { keywords: x.keywords, pattern: x.pattern, notAfter: x.line, validate: isHexEncodedKey },
    { keywords: x.keywords, pattern: x.pattern, nextLine: x.line, nextLines: x.lines, notAfter: x.line, validate: isHexEncodedKey },
  ];
}

export const privateKey: Rule = {
  id: 'private-key',
  name: 'Private key',
  provider: 'Generic',
  severity: 'critical',
  kind: 'key',
  advice: 'key',
  // OpenVPN's static and tls-crypt keys are shared by both ends, not one half of a pair.
  adviceFor: (secret) => (/OpenVPN/.test(secret) || secret.startsWith(OPENVPN_PREAMBLE_B64) ? 'shared-key' : undefined),
  description:
    'Private key (PEM PKCS#1/PKCS#8/SEC1 of any algorithm (DH and DSA groups, explicit EC curves), encrypted or not, OpenSSH, PuTTY PPK, PGP, ssh.com, GnuPG agent key file (private-keys-v1.d), headerless base64 DER (also in JSON with escaped slashes), a key file base64-encoded (PKCS#12 store, OpenSSH body without armour, PPK, binary ECC PGP secret key), openssl -text dump, age identity, WireGuard PrivateKey, JWK, .NET XML, Nebula keys, OpenVPN static, tls-crypt-v2 and auth-token keys, minisign and signify secret keys, DNSSEC/TSIG .private key files; as a binary file: DER, PKCS#12 with a key bag, JKS/JCEKS with a key entry, binary PGP secret key, GnuPG agent key (canonical S-expression), SSH-1 key (plain or encrypted), PVK, PRIVATEKEYBLOB, Dropbear private key, Kerberos keytab with a key, Tor ed25519 secret key, git-crypt key), decided by its decoded structure: reported once per key',
  detectors: [
    {
      // A block on its own lines (raw, indented, or one string per line): the BEGIN line, then what follows.
      keywords: BLOCK_KEYWORDS,
      pattern: new RegExp(`(?<secret>${HEADER})(?:\\\\r)?(?:\\\\n)?["'\`]?\\s{0,4}(?:[+.,;&)]|\\\\)?\\s{0,4}$`, 'g'),
      nextLine: BLOCK_LINE,
      nextLines: PEM_BLOCK_LINES,
      validate: isPrivateKeyBlock,
    },
    {
      // A block inside one string with escaped newlines ("-----BEGIN PRIVATE KEY-----\nMIIE…"), as in GCP
      // JSON keys, or with its line breaks turned into spaces or removed (an .env value).
      keywords: BLOCK_KEYWORDS,
      pattern: new RegExp(`(?<secret>${HEADER}(?:(?:\\\\r)?\\\\n| |(?=[A-Za-z0-9+/]{40}))[A-Za-z0-9+/=\\\\:,.@<>()" _-]{16,8000})`, 'g'),
      validate: isPrivateKeyBlock,
    },
    {
      // A PuTTY key file (PPK v2/v3): its header line, then Encryption, Comment, Public-Lines and the public key.
      keywords: ['putty-user-key-file-'],
      pattern:
        /^\s{0,40}["'`]?(?<secret>PuTTY-User-Key-File-[23]: [a-z0-9.@-]{3,60})(?:\\r)?(?:\\n)?["'`]?\s{0,4}(?:[+.,;&)]|\\)?\s{0,4}$/g,
      nextLine: BLOCK_LINE,
      nextLines: BLOCK_LINES,
      validate: isPrivateKeyBlock,
    },
    {
      // The whole block base64-encoded: a Kubernetes Secret `data:` value, a kubeconfig `client-key-data`.
      keywords: ['ls0tls1crudjtib', 'ls0tlsbcrudjti'],
      pattern: /(?<![A-Za-z0-9+/])(?<secret>LS0tL(?:S1CRUdJTiB|SBCRUdJTi)[A-Za-z0-9+/]{60,12000}={0,2})(?![A-Za-z0-9+/=])/g,
      validate: isEncodedPrivateKeyBlock,
    },
    {
      // The same for `openssl pkcs12 -nodes` output: `Bag Attributes` lines, then the block.
      keywords: ['qmfnief0dhjpynv0zx'],
      pattern: /(?<![A-Za-z0-9+/])(?<secret>QmFnIEF0dHJpYnV0ZX[A-Za-z0-9+/]{60,12000}={0,2})(?![A-Za-z0-9+/=])/g,
      validate: isEncodedPrivateKeyBlock,
    },
    {
      // Headerless base64 DER on one line, as Alipay and WeChat Pay merchant private keys sit in
      // configs (`alipay.private-key=MIIEv…`): keywords are fixed runs of the encoded structure
      // (PKCS#8 RSA, PKCS#1 RSA, SEC1 EC, PKCS#8 EC, encrypted PKCS#8, PKCS#8 Ed25519/X25519/Ed448/X448,
      // whose 48 bytes are 64 characters).
      // Not the body of a PEM block (an Ed25519 key's one body line is a whole key): the block's
      // own detector reports it, at its BEGIN line on this line or the line before.
      // A PKCS#12 store base64-encoded (`P12_BASE64=MIIK…`, a signing certificate for CI) too.
      keywords: [...HEADERLESS_KEYWORDS, ...PKCS12_KEYWORDS],
      pattern: /(?<![A-Za-z0-9+/-])(?<!BEGIN [^\n]{0,80})(?<secret>M[A-Za-z0-9+/]{60,16000}={0,2})(?![A-Za-z0-9+/=])/g,
      notAfter: new RegExp(`${HEADER}|${TESTING_HEADER}`),
      validate: (s) => isHeaderlessPrivateKey(s) || isEncodedKeyFile(s),
    },
    {
      // An OpenSSH key body without its armour, whole, on one line (`SSH_KEY=b3BlbnNzaC1rZXktdjE…`),
      // or a PuTTY key file base64-encoded: decoded and read as the file.
      keywords: ENCODED_FILE_KEYWORDS,
      pattern:
        /(?<![A-Za-z0-9+/-])(?<!BEGIN [^\n]{0,80})(?<secret>(?:b3BlbnNzaC1rZXktdjE|UHVUVFktVXNlci1LZXktRmlsZS0)[A-Za-z0-9+/]{60,16000}={0,2})(?![A-Za-z0-9+/=])/g,
      notAfter: new RegExp(HEADER),
      validate: isEncodedKeyFile,
    },
    {
      // The one-line values (headerless DER, a PKCS#12 store, an OpenSSH body, a PuTTY file, a PGP key)
      // inside a JSON string whose encoder escapes `/` as `\/` (PHP's json_encode) or `+` as
      // `\u002B` (.NET's System.Text.Json): at least one escape, so a value the detectors above
      // read is not read twice. (A whole block base64-encoded holds neither `/` nor `+`: the base64
      // of PEM text has none.)
      keywords: [...HEADERLESS_KEYWORDS, ...PKCS12_KEYWORDS, ...ENCODED_FILE_KEYWORDS, ...PGP_BINARY_KEYWORDS],
      pattern:
        /(?<![A-Za-z0-9+/\\-])(?<secret>(?:M|b3BlbnNzaC1rZXktdjE|UHVUVFktVXNlci1LZXktRmlsZS0|l)[A-Za-z0-9+/]{0,16000}\\(?:\/|u00[23])[A-Za-z0-9+/=\\]{0,16000})(?![A-Za-z0-9+/=\\])/g,
      validate: (s) => {
        const value = unescapedValue(s);
        return isHeaderlessPrivateKey(value) || isEncodedKeyFile(value) || isEncodedPgpSecretKey(value);
      },
    },
    {
      // Headerless base64 DER over several lines (`openssl base64 -in key.der`, `base64 key.der`, a
      // PEM body without its armour): the first line, then the base64 lines after it. Not the
      // first body line of a PEM block (the block's own detector reports that key).
      keywords: [...HEADERLESS_KEYWORDS, ...PKCS12_KEYWORDS],
      pattern: /^\s{0,40}["'`]?(?<secret>M[A-Za-z0-9+/]{59,75})(?:\\r)?(?:\\n)?["'`]?\s{0,4}(?:[+.,;&)]|\\)?\s{0,4}$/g,
      nextLine: BLOCK_LINE,
      nextLines: PEM_BLOCK_LINES,
      notAfter: new RegExp(`${HEADER}|${TESTING_HEADER}`),
      validate: (t) => isHeaderlessKeyLines(t) || isEncodedKeyFileLines(t),
    },
    {
      // A binary OpenPGP secret key base64-encoded on one line (Gradle's `signingInMemoryKey=lFgE…`,
      // the armoured body with its line breaks removed) or over lines (`gpg --export-secret-keys | base64`):
      // the whole first packet must decode. Not an armoured block's body (its first line follows a
      // blank line or an armour header).
      keywords: PGP_BINARY_KEYWORDS,
      pattern: /^\s{0,40}["'`]?(?<secret>l[A-Za-z0-9+/]{59,75})(?:\\r)?(?:\\n)?["'`]?\s{0,4}(?:[+.,;&)]|\\)?\s{0,4}$/g,
      nextLine: BLOCK_LINE,
      nextLines: PEM_BLOCK_LINES,
      notAfter: ARMOUR_GAP,
      validate: isEncodedPgpSecretKey,
    },
    {
      keywords: PGP_BINARY_KEYWORDS,
      pattern: /(?<![A-Za-z0-9+/-])(?<!BEGIN [^\n]{0,80})(?<secret>l[A-Za-z0-9+/]{80,16000}={0,2})(?![A-Za-z0-9+/=])/g,
      validate: isEncodedPgpSecretKey,
    },
    {
      // An RSA key's binary export wrapped as coreutils `base64` writes it (76 a line): its first
      // line holds nothing fixed, so it is found at the line holding its public exponent and
      // protection byte (decided by `isPgpRsaExponentLine`). Only 76-character lines: an armoured
      // block's body (64 a line, found at its BEGIN line) holds the same run.
      keywords: PGP_RSA_KEYWORDS,
      pattern: /^\s{0,40}["'`]?(?<secret>[A-Za-z0-9+/]{76})["'`]?\s{0,4}\r?$/g,
      validate: isPgpRsaExponentLine,
    },
    {
      // The same when the run is cut by the line break (RSA-3072, gpg 2.2's default, at 76 a
      // line): the line ends with the exponent's first group (`ABEB`: 00 11 01, or `EQEA`: 11 01 00).
      keywords: ['abeb', 'eqea'],
      pattern: /^\s{0,40}["'`]?(?<secret>[A-Za-z0-9+/]{72}(?:ABEB|EQEA))["'`]?\s{0,4}\r?$/g,
      nextLine: /^\s{0,40}["'`]?(?<secret>[A-Za-z0-9+/]{76})["'`]?\s{0,4}\r?$/,
      validate: isPgpRsaExponentLine,
    },
    {
      // The text form `openssl rsa|ec|pkey … -text` prints (`Private-Key: (2048 bit, 2 primes)`,
      // `ED25519 Private-Key:`), pasted into a file, a doc or a log: the header, then the label
      // and hex lines under it (decided by `isKeyTextDump`).
      keywords: ['private-key:'],
      pattern: new RegExp(
        `^\\s{0,40}${COMMENT}(?<secret>(?:[A-Z][A-Z0-9-]{1,15} )?Private-Key:(?: \\(\\d{2,5} bit(?:, \\d primes?)?\\))?)\\s{0,4}$`,
        'g',
      ),
      nextLine: DUMP_LINE,
      nextLines: 8,
      // (`openssl pkey -text` without `-noout` prints the PEM block, then its dump: one key, reported at BEGIN.)
      notAfter: /-{4,5} ?END [A-Z0-9 ]{0,30}PRIVATE KEY ?-{4,5}/,
      validate: isKeyTextDump,
    },
    {
      // `puttygen key.ppk -O text` (PuTTY 0.78+) prints a key's numbers as `name=0x…` lines: the
      // private one is `private_exponent=` (RSA, ECDSA, EdDSA) or `private_x=` (DSA).
      keywords: ['private_exponent=0x', 'private_x=0x'],
      pattern: new RegExp(`^\\s{0,40}${COMMENT}(?<secret>private_(?:exponent|x)=0x[0-9a-fA-F]{32,2100})\\s{0,4}$`, 'g'),
      validate: isPuttygenTextSecret,
    },
    {
      // `gpg -v --list-packets` of an unprotected secret key: the packet's header, then its lines,
      // the private numbers in hex on its `skey[N]:` lines (decided by `isGpgPacketDump`).
      keywords: [':secret key packet:', ':secret sub key packet:'],
      pattern: new RegExp(`^\\s{0,40}${COMMENT}(?<secret>:secret (?:sub )?key packet:)\\s{0,4}$`, 'g'),
      nextLine: GPG_PACKET_LINE,
      nextLines: 10,
      validate: isGpgPacketDump,
    },
    {
      // GnuTLS `certtool -k` / `--generate-privkey`: the key's numbers under their labels, the
      // private one under `private exponent:` (RSA) or `private key:` (EC, EdDSA, DSA), in hex.
      keywords: ['private exponent:', 'private key:'],
      pattern: new RegExp(`^\\s{0,40}${COMMENT}(?<secret>private (?:exponent|key):)\\s{0,4}$`, 'g'),
      nextLine: DUMP_LINE,
      nextLines: 8,
      validate: isLabelledHexDump,
    },
    {
      // `openssl asn1parse` of a private key: the version (`INTEGER :00`, `:01`) at depth 1 right
      // under the top SEQUENCE, then the key's items (decided by `isAsn1ParsePrivateKey`).
      keywords: ['prim:'],
      pattern: new RegExp(
        `^\\s{0,40}${COMMENT}(?<secret>\\d{1,2}:d=1\\s{1,4}hl=\\d{1,2} l=\\s{0,4}1 prim:\\s{1,8}INTEGER\\s{1,40}:0[01])\\s{0,4}$`,
        'g',
      ),
      nextLine: ASN1PARSE_LINE,
      nextLines: 8,
      validate: isAsn1ParsePrivateKey,
    },
    {
      // `paperkey --secret-key` (base16): an OpenPGP key's secret parts, each line ending with
      // its CRC-24; the first starts with version 0 and the key's version and fingerprint.
      keywords: ['1: 00 04 ', '1: 00 05 '],
      pattern: new RegExp(`^\\s{0,40}${COMMENT}(?<secret>1: 00 0[45](?: [0-9A-F]{2}){1,60} [0-9A-F]{6})\\s{0,4}$`, 'g'),
      nextLine: PAPERKEY_LINE,
      nextLines: 4,
      validate: isPaperkeyText,
    },
    ...hexKeyDetectors(HEX_ARRAY),
    ...hexKeyDetectors(HEX_ESCAPES),
    ...hexKeyDetectors(HEX_PLAIN),
    {
      // A GnuPG agent key file (`private-keys-v1.d/<keygrip>.key`, extended format): its `Key:`
      // header holds the S-expression `(private-key (rsa (n #…#)…(d #…#)…))`, continued over
      // indented lines; decided by parsing it (a private part of a key's size, or a protected blob).
      keywords: ['(private-key', '(protected-private-key'],
      // (Indentation and line ends are kept: the value is folded anywhere, a token too, and a fold
      // is a line break and one more blank than the `Key:` line has.)
      pattern: /^(?<secret>\s{0,40}(?:Key:\s{0,4})?\((?:protected-)?private-key(?:[ (][^\r\n]{0,300})?)\r?$/g,
      nextLine: AGENT_KEY_LINE,
      nextLines: AGENT_KEY_LINES,
      validate: isAgentKeyText,
    },
    {
      // The whole OpenVPN static key file base64-encoded (a Kubernetes Secret holding `ta.key`):
      // it starts with openvpn's comment lines `#`, `# 2048 bit OpenVPN static key`, `#`.
      keywords: [OPENVPN_PREAMBLE_B64.toLowerCase()],
      pattern: new RegExp(`(?<![A-Za-z0-9+/])(?<secret>${OPENVPN_PREAMBLE_B64}[A-Za-z0-9+/]{60,12000}={0,2})(?![A-Za-z0-9+/=])`, 'g'),
      validate: isEncodedPrivateKeyBlock,
    },
    {
      // The secret key line of a minisign or signify key file (`RWRTY…`, `RWQAA…`, `RWRCS…`), or the
      // same line as a value (`MINISIGN_SECRET_KEY=RW…`), decided by its decoded layout.
      keywords: ['rwrty', 'rwqaaeiy', 'rwrcs'],
      // (After a word boundary, or after an escaped line break inside a JSON string.)
      pattern: /(?:(?<![A-Za-z0-9+/])|(?<=\\[nr]))(?<secret>RW[QR][A-Za-z0-9+/]{136,209}={0,2})(?![A-Za-z0-9+/=])/g,
      validate: isSignifySecretKey,
    },
    {
      // A DNSSEC or TSIG key file of BIND (`dnssec-keygen`: K<zone>+<alg>+<id>.private), Knot or
      // PowerDNS: the format line, then the algorithm and the key (RSA's private exponent comes
      // after the modulus and the public exponent).
      // (`privateexponent:` keeps RSA's key line among the lines a commit's scan keeps, even when
      // a keyword hit on the modulus line ends the block's chain there.)
      keywords: ['private-key-format:', 'privateexponent:'],
      pattern: new RegExp(`^\\s{0,40}${COMMENT}(?<secret>Private-key-format: v1\\.\\d)\\s{0,4}$`, 'g'),
      nextLine: DNSSEC_LINE,
      nextLines: 5,
      validate: isDnssecPrivateKey,
    },
    {
      // An age identity (`age-keygen`): bech32 of the X25519 secret, its checksum checked.
      keywords: ['age-secret-key-1'],
      // (After a word boundary, or after an escaped line break inside a JSON string.)
      pattern: /(?:(?<![A-Za-z0-9-])|(?<=\\[nr]))(?<secret>AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58})(?![A-Za-z0-9])/g,
      validate: isBech32,
    },
    {
      // A WireGuard interface's key (`wg genkey`, wg0.conf's `PrivateKey =` line): 32 bytes in base64.
      keywords: ['privatekey'],
      pattern: /^\s{0,40}PrivateKey\s{0,4}=\s{0,4}(?<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)\s{0,4}$/g,
      validate: isWireguardKey,
    },
    {
      // .NET RSA.ToXmlString(true): the private exponent `<D>`.
      keywords: ['<d>'],
      pattern: /<D>(?<secret>[A-Za-z0-9+/]{40,1400}={0,2})<\/D>/g,
      validate: isPrivateExponent,
    },
    {
      // A private JWK on one line (`{"kty":"EC",…,"d":"…"}`): `"d"` is the private exponent or scalar.
      keywords: ['"kty"'],
      pattern: /"d"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9_-]{40,1400})"/g,
      validate: isPrivateExponent,
    },
    {
      // A pretty-printed private JWK: a line that is only its `"d"` member.
      keywords: ['"d"'],
      pattern: /^\s{0,40}"d"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9_-]{40,1400})"\s{0,4},?\s{0,4}$/g,
      validate: isPrivateExponent,
    },
  ],
  shape: { byStructure: true },
  examples: {
    positive: [
      '{{privkey:openssh}}',
      '{{privkey:openssh-enc}}',
      '{{privkey:pkcs1}}',
      '{{privkey:pkcs8}}',
      '{{privkey:pkcs8-enc}}',
      '{{privkey:legacy-enc}}',
      '{{privkey:sec1}}',
      '{{privkey:ed25519}}',
      '{{privkey:pgp}}',
      '{{privkey:ppk}}',
      '{{privkey:sshcom}}',
      '{{privkey:dh}}',
      '{{privkey:gpg-agent-rsa}}',
      '{{privkey:gpg-agent-ecc}}',
      '{{privkey:gpg-agent-protected}}',
      'gpg_key: |\n  {{privkey_indent:gpg-agent-ecc}}',
      '  "private_key": "{{privkey_json:pkcs8}}\\n",',
      '  "ssh_key": "{{privkey_json:openssh}}",',
      'SSH_KEY="{{privkey_spaced:openssh}}"',
      '  tls.key: {{privkey_b64:pkcs1}}',
      '    client-key-data: {{privkey_b64:sec1}}',
      '  tls.key: {{privkey_bag_b64:pkcs8}}',
      'alipay.private-key={{privkey_der:pkcs8}}',
      "'merchant_private_key' => '{{privkey_der:pkcs1}}',",
      '{{privkey_der_lines:pkcs8}}',
      '{{privkey_der_lines:pkcs1}}',
      '# merchant key\n    {{privkey_der_lines:pkcs8}}',
      '{"keys": [{{jwk:private}}]}',
      '<RSAKeyValue>{{rsaxml:private}}</RSAKeyValue>',
      '[Interface]\nAddress = 10.8.0.1/24\nPrivateKey = {{wg_key}}\nListenPort = 51820',
      '{{age_key}}',
      '# created: 2025-01-01T00:00:00Z\n# public key: age1{{lower:58}}\n{{age_key}}',
      '{"age": "# created: 2025-01-01T00:00:00Z\\n{{age_key}}\\n"}',
      '{{privkey_dump:rsa}}',
      '{{privkey_dump:ec}}',
      '```\n{{privkey_dump:ed25519}}\n```',
      '# the key:\n# {{privkey_dump_commented:ec}}',
      '{{privkey:nebula-x25519}}',
      '{{privkey:nebula-ed25519}}',
      '{{privkey:openvpn-static}}',
      'remote vpn.example.test 1194\n<tls-auth>\n{{privkey:openvpn-static}}\n</tls-auth>\nkey-direction 1',
      '<tls-crypt-v2>\n{{privkey:tls-crypt-v2}}\n</tls-crypt-v2>',
      '{{privkey:minisign}}',
      '{{privkey:signify}}',
      '{"minisign": "{{privkey_json:minisign}}\\n"}',
      'Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: {{wg_key}}\nCreated: 20260101000000',
      'Private-key-format: v1.2\nAlgorithm: 157 (HMAC_MD5)\nKey: {{wg_key}}\nBits: AAA=',
      'key_type="EdDSA"\ncurve_name="Ed25519"\npublic_affine_x=0x{{hex:64}}\npublic_affine_y=0x{{hex:64}}\nprivate_exponent=0x{{hex:64}}',
      'key_type="DSA"\np=0x{{hex:256}}\nq=0x{{hex:40}}\ng=0x{{hex:256}}\npublic_y=0x{{hex:256}}\nprivate_x=0x{{hex:40}}',
      ':secret key packet:\n\tversion 4, algo 22, created 1796353956, expires 0\n\tpkey[0]: 092B06010401DA470F01 ed25519 (1.3.6.1.4.1.11591.15.1)\n\tpkey[1]: 40{{hexup:64}}\n\tskey[2]: {{hexup:64}}\n\tchecksum: 0f2c',
      'curve:\tEd25519\nprivate key:\n{{hexcolon:32}}\n\t\n\nx:\n{{hexcolon:32}}',
      'public exponent:\n\t01:00:01\n\nprivate exponent:\n{{hexcolon:256}}',
      '    0:d=0  hl=2 l=  46 cons: SEQUENCE\n    2:d=1  hl=2 l=   1 prim: INTEGER           :00\n    5:d=1  hl=2 l=   5 cons: SEQUENCE\n    7:d=2  hl=2 l=   3 prim: OBJECT            :ED25519\n   12:d=1  hl=2 l=  34 prim: OCTET STRING      [HEX DUMP]:0420{{hexup:64}}',
      '    0:d=0  hl=2 l= 119 cons: SEQUENCE\n    2:d=1  hl=2 l=   1 prim: INTEGER           :01\n    5:d=1  hl=2 l=  32 prim: OCTET STRING      [HEX DUMP]:{{hexup:64}}',
      '    4:d=1  hl=2 l=   1 prim: INTEGER           :00\n    7:d=1  hl=3 l= 129 prim: INTEGER           :00{{hexup:256}}\n  139:d=1  hl=2 l=   3 prim: INTEGER           :010001\n  144:d=1  hl=3 l= 128 prim: INTEGER           :{{hexup:256}}\n  275:d=1  hl=2 l=  65 prim: INTEGER           :00{{hexup:128}}\n  342:d=1  hl=2 l=  65 prim: INTEGER           :00{{hexup:128}}',
      '# Secret portions of key {{hexup:40}}\n# Each base16 line ends with a CRC-24 of that line.\n\n{{paperkey:40}}',
      'unsigned char key_der[] = {\n{{privkey_xxd:pkcs8}}\n};',
      'static const uint8_t kKey[] = {\n{{privkey_xxd:pkcs1}}\n};',
      '{{privkey_hex:pkcs8}}',
      'KEYS = [\n  "{{privkey_hex:pkcs1}}",\n]',
    ],
    negative: [
      'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\n<your private key here>',
      'The file starts with -----BEGIN PGP PRIVATE KEY BLOCK----- followed by armour headers and the base64 lines of the key',
      'SSH_KEY="-----BEGIN OPENSSH PRIVATE KEY----- paste the key here -----END OPENSSH PRIVATE KEY-----"',
      '-----BEGIN OPENSSH PRIVATE KEY-----\n{{pem}}\n{{pem}}\n-----END OPENSSH PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\n{{rep:A:64}}\n{{rep:A:64}}\n-----END PRIVATE KEY-----',
      '{{pubkey:spki}}',
      '{{pubkey:rsapub}}',
      '{{pubkey:openssh}}',
      '{{pubkey:pgp}}',
      '{{pubkey:ppk-pub}}',
      '{{pubkey:gpg-agent-shadowed}}',
      'Key: (private-key (rsa (n #00C0FFEE#)(e #010001#)))',
      'gpg-agent keeps each key as (private-key (ecc (curve Ed25519)(q …)(d …))) in private-keys-v1.d',
      'Key: (private-key (ecc (curve Ed25519)(flags eddsa)(q\n  #40{{hex:64}}#)\n (d #{{rep:0:64}}#)))',
      'alipay.public-key={{pubkey:der}}',
      '{{pubkey_lines:der}}',
      // Go's test keys: the body under a TESTING KEY label (net/http's testcert, in every Go binary that links it).
      '-----BEGIN RSA TESTING KEY-----\n{{privkey_der_lines:pkcs1}}\n-----END RSA TESTING KEY-----',
      '-----BEGIN TESTING KEY-----\n{{privkey_der_lines:pkcs8}}\n-----END TESTING KEY-----',
      '  tls.crt: {{pem_b64:CERTIFICATE}}',
      '  ca.crt: {{pubkey_bag_b64:spki}}',
      '{"keys": [{{jwk:public}}]}',
      '  "d": "{{hex:64}}",',
      '{{rsaxml:public}}',
      'Private-Key: (2048 bit, 2 primes)',
      'The dump starts with a Private-Key: (2048 bit) header, then modulus: and hex lines.',
      'Private-Key: (256 bit)\npriv:\n    00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:\n    00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:',
      '{{pubkey_dump:ec}}',
      '{{age_key_badsum}}',
      '[Peer]\nPublicKey = {{wg_key}}',
      'PrivateKey = {{rep:A:43}}=',
      'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
      '{{pubkey:nebula}}',
      '-----BEGIN NEBULA X25519 PRIVATE KEY-----\n{{rep:A:43}}=\n-----END NEBULA X25519 PRIVATE KEY-----',
      '-----BEGIN NEBULA ED25519 PRIVATE KEY-----\n{{b64:43}}=\n-----END NEBULA ED25519 PRIVATE KEY-----',
      '-----BEGIN OpenVPN Static key V1-----\n{{rep:0:32}}\n{{rep:0:32}}\n{{rep:0:32}}\n{{rep:0:32}}\n-----END OpenVPN Static key V1-----',
      'tls-auth ta.key 0 # made with: openvpn --genkey secret ta.key (starts -----BEGIN OpenVPN Static key V1-----)',
      '{{pubkey:signify}}',
      'untrusted comment: signify secret key\nRWRCS{{rep:A:135}}=',
      'Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: <base64 of the key>',
      'Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: {{rep:A:43}}=',
      'example.test. IN DNSKEY 256 3 13 {{b64:86}}==',
      'key_type="RSA"\npublic_modulus=0x{{hex:512}}\npublic_exponent=0x10001',
      'private_exponent=0x{{rep:0:64}}',
      ':secret key packet:\n\tversion 4, algo 22, created 1796353956, expires 0\n\tpkey[0]: [80 bits] ed25519 (1.3.6.1.4.1.11591.15.1)\n\tpkey[1]: [263 bits]\n\tskey[2]: [256 bits]\n\tchecksum: 0f2c',
      ':secret key packet:\n\tversion 4, algo 22, created 1796353956, expires 0\n\tskey[2]: [v4 protected]\n\tkeyid: 2026AF2250863788',
      ':public key packet:\n\tversion 4, algo 22, created 1796353956, expires 0\n\tpkey[1]: 40{{hexup:64}}',
      'private key:\n\t00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00\n\t00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00',
      'The private key: is printed after the public one.',
      'modulus:\n{{hexcolon:256}}\n\npublic exponent:\n\t01:00:01',
      '    0:d=0  hl=2 l=  42 cons: SEQUENCE\n    2:d=1  hl=2 l=   5 cons: SEQUENCE\n    4:d=2  hl=2 l=   3 prim: OBJECT            :ED25519\n    9:d=1  hl=2 l=  33 prim: BIT STRING',
      '    4:d=1  hl=2 l=   1 prim: INTEGER           :00\n    7:d=1  hl=2 l=   1 prim: INTEGER           :05',
      '# Secret portions of key {{hexup:40}}\n\n{{paperkey_badcrc:40}}',
      'unsigned char pub_der[] = {\n{{pubkey_xxd}}\n};',
      'const uint8_t table[] = {\n  0x30, 0x82, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,\n  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00\n};',
      '"30820122020100{{rep:0:40}}",',
    ],
  },
};
