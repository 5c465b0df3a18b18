/**
 * Content ak-hook cannot read: compressed or encrypted formats, known by their first bytes,
 * and, for other binary blobs, bytes as random as compressed or encrypted data (entropy).
 * Such a file is still scanned for text runs; it is also listed as not scanned, on every run.
 */
export type UnscannedReason = 'compressed' | 'encrypted' | 'high-entropy' | 'too-large' | 'missing';

export interface Unscanned {
  path: string;
  reason: UnscannedReason;
  /** The format known from the first bytes (gzip, zip, png, openpgp …). */
  format?: string;
}

interface Magic {
  format: string;
  reason: 'compressed' | 'encrypted';
  /** Bytes at offset `at` (default 0); -1 matches any byte. */
  bytes: number[];
  at?: number;
}

const b = (s: string): number[] => [...Buffer.from(s, 'latin1')];

/** First bytes of formats whose content is compressed or encrypted (a zip holds docx, xlsx, jar, apk …). */
export const MAGICS: readonly Magic[] = [
  { format: 'gzip', reason: 'compressed', bytes: [0x1f, 0x8b] },
  { format: 'zip', reason: 'compressed', bytes: b('PK\x03\x04') },
  { format: 'zip', reason: 'compressed', bytes: b('PK\x05\x06') },
  { format: 'zip', reason: 'compressed', bytes: b('PK\x07\x08') },
  { format: '7z', reason: 'compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'xz', reason: 'compressed', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: 'bzip2', reason: 'compressed', bytes: [...b('BZh'), -1, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { format: 'zstd', reason: 'compressed', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  // A zlib stream (git's loose objects, zlib.compress, pigz -z): deflate with a 32 KiB window, at
  // the levels that give a header no text starts with (`x^`, levels 2 to 5, is left to the entropy test).
  { format: 'zlib', reason: 'compressed', bytes: [0x78, 0x9c] },
  { format: 'zlib', reason: 'compressed', bytes: [0x78, 0xda] },
  { format: 'zlib', reason: 'compressed', bytes: [0x78, 0x01] },
  // A SQLite database: its values are read one per line (sqlite.ts); one that does not parse is named.
  { format: 'sqlite', reason: 'compressed', bytes: b('SQLite format 3\0') },
  { format: 'lz4', reason: 'compressed', bytes: [0x04, 0x22, 0x4d, 0x18] },
  { format: 'rar', reason: 'compressed', bytes: b('Rar!\x1a\x07') },
  // A git packfile (another repository's objects copied in): its objects are deflated one by one.
  { format: 'git-pack', reason: 'compressed', bytes: [...b('PACK'), 0, 0, 0, -1] },
  { format: 'lzop', reason: 'compressed', bytes: [0x89, ...b('LZO'), 0x00, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: 'snappy', reason: 'compressed', bytes: [0xff, 0x06, 0x00, 0x00, ...b('sNaPpY')] },
  // Packages whose payload is compressed: an RPM, a Debian package (an ar of compressed tars).
  { format: 'rpm', reason: 'compressed', bytes: [0xed, 0xab, 0xee, 0xdb] },
  { format: 'deb', reason: 'compressed', bytes: b('!<arch>\ndebian-binary') },
  { format: 'compress', reason: 'compressed', bytes: [0x1f, 0x9d] },
  { format: 'lzip', reason: 'compressed', bytes: b('LZIP') },
  { format: 'cab', reason: 'compressed', bytes: b('MSCF\0\0\0\0') },
  { format: 'png', reason: 'compressed', bytes: [0x89, ...b('PNG\r\n\x1a\n')] },
  { format: 'jpeg', reason: 'compressed', bytes: [0xff, 0xd8, 0xff] },
  { format: 'gif', reason: 'compressed', bytes: b('GIF8') },
  { format: 'webp', reason: 'compressed', bytes: b('WEBP'), at: 8 },
  { format: 'pdf', reason: 'compressed', bytes: b('%PDF-') },
  { format: 'openssl-enc', reason: 'encrypted', bytes: b('Salted__') },
  { format: 'git-crypt', reason: 'encrypted', bytes: b('\0GITCRYPT\0') },
  { format: 'age', reason: 'encrypted', bytes: b('age-encryption.org/') },
  { format: 'age', reason: 'encrypted', bytes: b('-----BEGIN AGE ENCRYPTED FILE-----') },
  { format: 'openpgp', reason: 'encrypted', bytes: b('-----BEGIN PGP MESSAGE-----') },
  { format: 'ansible-vault', reason: 'encrypted', bytes: b('$ANSIBLE_VAULT;') },
  // OpenPGP binary: a symmetric-key (gpg -c) or public-key (gpg -e) session key packet first.
  { format: 'openpgp', reason: 'encrypted', bytes: [0x8c, 0x0d, 0x04] },
  { format: 'openpgp', reason: 'encrypted', bytes: [0xc3, 0x0d, 0x04] },
  { format: 'openpgp', reason: 'encrypted', bytes: [0x85, -1, -1, 0x03] },
  { format: 'openpgp', reason: 'encrypted', bytes: [0x84, -1, 0x03] },
  { format: 'openpgp', reason: 'encrypted', bytes: [0xc1, -1, 0x03] },
];

/** The format whose magic `head` (a blob's first bytes) starts with. */
export function knownFormat(head: Buffer): Magic | null {
  for (const m of MAGICS) {
    const at = m.at ?? 0;
    if (head.length < at + m.bytes.length) continue;
    if (m.bytes.every((x, i) => x === -1 || head[at + i] === x)) return m;
  }
  return null;
}

/** Bits per byte (0..8) of the first `max` bytes. */
export function entropy(d: Buffer, max = 1 << 20): number {
  const n = Math.min(d.length, max);
  if (n === 0) return 0;
  // perf: four tables in turn (no increment waits for the one before it), added up: the same counts.
  const four = new Uint32Array(1024);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    four[d[i]]++;
    four[256 + d[i + 1]]++;
    four[512 + d[i + 2]]++;
    four[768 + d[i + 3]]++;
  }
  for (; i < n; i++) four[d[i]]++;
  const counts = new Uint32Array(256);
  for (let b = 0; b < 256; b++) counts[b] = four[b] + four[256 + b] + four[512 + b] + four[768 + b];
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log2(c / n);
  return h;
}

/** Smallest binary blob judged by its entropy (shorter ones are never uniform enough to tell). */
export const ENTROPY_MIN_BYTES = 1024;
/** Compressed and encrypted data sit near 8 bits a byte; executables and images of raw pixels well below. */
export const ENTROPY_FLOOR = 7.5;

/**
 * Why a file cannot be read, from its new blob's first bytes (`binary`: the whole blob of a file
 * git calls binary, for the entropy test), or null.
 */
export function unscannableReason(head: Buffer, binary?: Buffer): Omit<Unscanned, 'path'> | null {
  const m = knownFormat(head);
  if (m) return { reason: m.reason, format: m.format };
  if (binary && binary.length >= ENTROPY_MIN_BYTES && entropy(binary) >= ENTROPY_FLOOR) return { reason: 'high-entropy' };
  return null;
}
