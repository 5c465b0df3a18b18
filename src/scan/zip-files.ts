import type { Blob, BlobSource } from '../git/backend';
import type { StagedFile } from '../git/types';
import type { Unscanned } from './unscannable';
import { readGzip, readZlib } from './gzip';
import { readSqlite } from './sqlite';
import { readZip, ZIP_LIMITS, type ZipContents, type ZipEntry } from './zip';

/** The formats read inside. */
export type ArchiveFormat = 'zip' | 'gzip' | 'zlib' | 'sqlite';

/** True for a format read inside (its entries are scanned). */
export function isArchiveFormat(format: string | undefined): format is ArchiveFormat {
  return format === 'zip' || format === 'gzip' || format === 'zlib' || format === 'sqlite';
}

/** The reader of a format (null: not one this reader understands). */
function reader(format: ArchiveFormat, path: string, limits: ArchiveLimits): (d: Buffer) => ZipContents | null {
  if (format === 'zip') return (d) => readZip(d, limits);
  if (format === 'sqlite') return (d) => readSqlite(d, path, limits);
  return format === 'gzip' ? (d) => readGzip(d, path, limits) : (d) => readZlib(d, path, limits);
}

export type ArchiveLimits = typeof ZIP_LIMITS;

/** The entries of an archive the commit adds or changes, as files named `<archive>!/<entry>`. */
export interface ZipScan {
  /** One file per readable entry (read as a binary: decoded whole, or as text runs). */
  files: StagedFile[];
  /** Serves the entries' contents to the scanner by their made-up object ids. */
  blobs: () => BlobSource;
  /** Entries that could not be read (encrypted, another method, past the bounds). */
  unreadable: Unscanned[];
  /** Bytes and entries the new archive held (all of them, read or not): what it used of the bounds. */
  used: { bytes: number; entries: number };
}

/** Separates an archive's name from an entry's, as jar: URLs do. */
export const ENTRY_SEP = '!/';

/**
 * Reads an archive's entries: a zip's, or a gzip's or a zlib stream's (a tar inside split into its files), or
 * a SQLite database's values (one entry, a value a line) (and, for
 * a changed archive, the old one's, so that an entry that did not change adds nothing). Null
 * when the blob is no archive this reader understands.
 */
export async function zipEntryFiles(
  file: StagedFile,
  blobs: () => BlobSource,
  format: ArchiveFormat = 'zip',
  limits: ArchiveLimits = ZIP_LIMITS,
): Promise<ZipScan | null> {
  const open = reader(format, file.path, limits);
  const read = async (oid: string | undefined): Promise<ZipEntry[] | null> => {
    if (!oid) return null;
    const b = await blobs().read(oid);
    const z = b ? open(b.data) : null;
    return z ? z.entries : null;
  };
  const nb = file.newOid ? await blobs().read(file.newOid) : null;
  const now = nb ? open(nb.data) : null;
  if (!now) return null;
  const before = new Map((await read(file.oldOid))?.map((e) => [e.name, e.data]) ?? []);
  const served = new Map<string, Buffer>();
  const files: StagedFile[] = [];
  now.entries.forEach((e, i) => {
    const old = before.get(e.name);
    if (old?.equals(e.data)) return;
    const newOid = `zip-entry:${i}`;
    served.set(newOid, e.data);
    const f: StagedFile = {
      path: file.path + ENTRY_SEP + e.name,
      status: old ? 'modified' : 'added',
      kind: 'file',
      newOid,
      binary: true,
      added: [],
    };
    if (old) {
      f.oldOid = `zip-old:${i}`;
      served.set(f.oldOid, old);
    }
    files.push(f);
  });
  const source: BlobSource = {
    read: async (spec: string): Promise<Blob | null> => {
      const data = served.get(spec);
      return data ? { oid: spec, data } : null;
    },
    close() {},
  };
  return {
    files,
    used: { bytes: now.entries.reduce((n, e) => n + e.data.length, 0), entries: now.entries.length },
    blobs: () => source,
    unreadable: now.unreadable.map((u) => ({ path: file.path + ENTRY_SEP + u.name, reason: u.reason, format })),
  };
}
