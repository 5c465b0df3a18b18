import type { TextLine } from '../detect/types';
import { AkHookError } from '../errors';
import type { BlobSource } from '../git/backend';
import type { StagedFile } from '../git/types';
import { decodeBlobLines } from '../text/decode';
import { MIN_RUN, MIN_RUN_NOISY, textRunLines } from '../text/runs';
import { decodeWideText, textLines, type WideEncoding } from '../text/wide';
import { unscannableReason, type Unscanned } from './unscannable';
import { keyFile, type KeyFile } from '../detect/keys/key-file';

export interface BinaryView {
  /** The lines to scan: those of the new view that the old view does not have (all for a new file). */
  lines: TextLine[];
  /** Every line of the new view (for context). */
  all: string[];
  /** How it was read: decoded whole in a wide encoding, or as `strings`-like text runs. */
  view: WideEncoding | 'runs';
  /** The old blob, when the file is read as runs (a finding whose secret it holds is not new). */
  old: Buffer | null;
  unscannable: Omit<Unscanned, 'path'> | null;
  /** The file is a private key (or a store of one) in binary form, and the commit adds it. */
  keyFile: KeyFile | null;
}

async function mustRead(blobs: () => BlobSource, oid: string, path: string): Promise<Buffer> {
  const b = await blobs().read(oid);
  if (!b) throw new AkHookError('E_GIT_FAILED', `missing object ${oid} (${path})`);
  return b.data;
}

/**
 * A file git calls binary (a NUL byte in an added line). UTF-16 and UTF-32 text (with or without
 * a BOM) is decoded whole; anything else is read as its text runs. Lines are compared with the
 * old blob's lines read the same way, as a multiset: what the commit adds is what is scanned.
 */
export async function binaryAddedLines(file: StagedFile, blobs: () => BlobSource, runsOnly = false): Promise<BinaryView> {
  if (!file.newOid) throw new AkHookError('E_GIT_OUTPUT', `no object id for ${file.path}`);
  const data = await mustRead(blobs, file.newOid, file.path);
  const oldData = file.oldOid ? await mustRead(blobs, file.oldOid, file.oldPath ?? file.path) : null;
  const wide = runsOnly ? null : decodeWideText(data);
  let key = runsOnly ? null : keyFile(data);
  // A key file the old blob already was (same key) is not added by this commit.
  if (key?.secret && oldData && keyFile(oldData)?.secret === key.secret) key = null;
  // A key file is read by its structure; a store whose contents are all encrypted cannot be.
  const unscannable = key
    ? key.secret === null
      ? { reason: 'encrypted' as const, format: key.format }
      : null
    : wide
      ? null
      : unscannableReason(data.subarray(0, 64), data);
  // In compressed or encrypted bytes, short runs are noise (and slow to search): longer ones only.
  const minRun = unscannable ? MIN_RUN_NOISY : MIN_RUN;
  const all = wide ? textLines(wide.text) : textRunLines(data, minRun);
  const before = new Map<string, number>();
  if (oldData) {
    let old: string[];
    if (wide) {
      const w = runsOnly ? null : decodeWideText(oldData);
      old = w ? textLines(w.text) : decodeBlobLines(oldData);
    } else old = textRunLines(oldData, minRun);
    for (const t of old) before.set(t, (before.get(t) ?? 0) + 1);
  }
  const lines: TextLine[] = [];
  all.forEach((text, i) => {
    const n = before.get(text) ?? 0;
    if (n > 0) before.set(text, n - 1);
    else if (text !== '') lines.push({ line: i + 1, text });
  });
  return {
    lines,
    all,
    view: wide ? wide.encoding : 'runs',
    old: wide ? null : oldData,
    unscannable,
    keyFile: key,
  };
}

/** True when the old blob already holds `secret` (as UTF-8, UTF-16 LE or BE): not added by this commit. */
export function secretInOld(old: Buffer, secret: string): boolean {
  if (old.includes(Buffer.from(secret, 'utf8'))) return true;
  const le = Buffer.from(secret, 'utf16le');
  if (old.includes(le)) return true;
  const be = Buffer.from(le);
  be.swap16();
  return old.includes(be);
}
