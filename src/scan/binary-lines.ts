import type { TextLine } from '../detect/types';
import { AkHookError } from '../errors';
import type { BlobSource, BlobTap } from '../git/backend';
import { dropHeldView, heldView } from '../git/added-lines';
import type { StagedFile } from '../git/types';
import { decodeBlobLines } from '../text/decode';
import { BlobPieces } from '../text/blob-pieces';
import { MIN_RUN, MIN_RUN_NOISY, RunLineReader, textRunLines, visitRunLines } from '../text/runs';
import { RunStore } from './run-store';
import { decodeWideText, mayBeWide, textLines, type WideEncoding } from '../text/wide';
import { unscannableReason, type Unscanned } from './unscannable';
import { keyFile, type KeyFile } from '../detect/keys/key-file';

export interface BinaryView {
  /**
   * The lines to scan: those of the new view that the old view does not have (all for a new
   * file). Empty when `store` holds them.
   */
  lines: TextLine[];
  /** A new file read as runs: its lines (all added), as bytes (see RunStore). */
  store?: RunStore;
  /** Every line of the new view (for context); absent for a new file read by its reader's tap (every line is added). */
  all?: string[];
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
  const held = file.status === 'added' && file.oldOid === undefined ? (heldView(file) as HeldView | null) : null;
  if (held?.runs) {
    // Nothing reads it again (a second view is read only of wide text, which keeps its bytes).
    dropHeldView(file);
    return held.runs;
  }
  const data = held?.bytes ? Buffer.concat(held.bytes) : await mustRead(blobs, file.newOid, file.path);
  const oldData = file.oldOid ? await mustRead(blobs, file.oldOid, file.oldPath ?? file.path) : null;
  const wide = runsOnly ? null : decodeWideText(data);
  let key = runsOnly ? null : keyFile(data);
  // A key file the old blob already was (same key) is not added by this commit.
  if (key?.secret && oldData && keyFile(oldData)?.secret === key.secret) key = null;
  const unscannable = key || !wide ? binaryReason(data, key) : null;
  // In compressed or encrypted bytes, short runs are noise (and slow to search): longer ones only.
  const minRun = unscannable ? MIN_RUN_NOISY : MIN_RUN;
  if (!wide && !oldData && file.status === 'added') {
    // A new file's runs: every line is added (kept as bytes, as a tap keeps them; no `all`: no line is read for context).
    const store = new RunStore();
    visitRunLines(data, minRun, (i, buf, start, end, high) => store.add(i + 1, buf, start, end, high));
    return { lines: [], store, view: 'runs', old: null, unscannable, keyFile: key };
  }
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

/** What a tap keeps of a new binary file: its runs view, or (text in a wide encoding, maybe) its bytes. */
interface HeldView {
  runs?: BinaryView;
  bytes?: Buffer[];
}

/** Bytes read before the view is chosen: what the entropy test reads (more than the wide-text probe). */
const PREFIX = 1 << 20;

/**
 * Taps for a reader's new binary files (StagedChangesOptions.newBinaryTap): each blob is read
 * into its runs view as git hands it over (never held whole), once per blob (a copy staged at
 * another path is not read: the scan of the first stands for it).
 */
export function binaryTaps(): (oid: string) => BlobTap | null {
  const seen = new Set<string>();
  return (oid) => {
    if (seen.has(oid)) return null;
    seen.add(oid);
    return new RunsTap(() => seen.delete(oid));
  };
}

/**
 * The same view as binaryAddedLines reads from the whole blob of a new file: the first MiB is
 * kept until the view is chosen (wide text, or the runs' minimum length from its entropy); then
 * runs are read as bytes come, only lines with runs becoming strings.
 */
class RunsTap implements BlobTap {
  private head: BlobPieces | null = new BlobPieces();
  /** The blob may be wide text: kept whole (decided at end()). */
  private whole = false;
  private runs: RunLineReader | null = null;
  private readonly store = new RunStore();
  private unscannable: BinaryView['unscannable'] = null;
  private key: KeyFile | null = null;

  constructor(readonly drop: () => void) {}

  write(buf: Buffer, start: number, end: number): void {
    if (this.runs) return this.runs.write(buf, start, end);
    const head = this.head!;
    if (this.whole) return head.write(buf, start, end);
    const n = Math.min(end - start, PREFIX - head.size);
    head.write(buf, start, start + n);
    if (head.size < PREFIX) return;
    // The first MiB, of a longer blob (or one of exactly that size: no harm, end() reads it).
    const prefix = Buffer.concat(head.finish());
    if (mayBeWide(prefix)) this.whole = true;
    else this.startRuns(prefix);
    this.write(buf, start + n, end);
  }

  end(): { view: object; bytes: number } {
    if (!this.runs) {
      // Wide text maybe, or shorter than the prefix: decided on the whole blob.
      const head = this.head!;
      const bytes = head.finish();
      const all = this.whole ? null : bytes.length === 1 ? bytes[0] : Buffer.concat(bytes);
      if (!all || mayBeWide(all, head.size)) return { view: { bytes } satisfies HeldView, bytes: head.size };
      this.startRuns(all);
    }
    this.runs!.end();
    const store = this.store;
    const runs: BinaryView = { lines: [], store, view: 'runs', old: null, unscannable: this.unscannable, keyFile: this.key };
    return { view: { runs } satisfies HeldView, bytes: store.heldBytes };
  }

  private startRuns(prefix: Buffer): void {
    this.head = null;
    // As for the whole blob: a key file is read by its structure (every key file fits in the first
    // MiB, which is the whole blob when shorter); the entropy test reads the first MiB only.
    this.key = keyFile(prefix);
    this.unscannable = binaryReason(prefix, this.key);
    const store = this.store;
    this.runs = new RunLineReader(this.unscannable ? MIN_RUN_NOISY : MIN_RUN, (i, buf, start, end, high) =>
      store.add(i + 1, buf, start, end, high),
    );
    this.runs.write(prefix, 0, prefix.length);
  }
}

/**
 * Why a binary's bytes (the whole blob, or its first MiB) cannot all be read, or null: a key file
 * is read by its structure (a store whose contents are all encrypted cannot be); anything else
 * by its format's first bytes or its entropy.
 */
function binaryReason(data: Buffer, key: KeyFile | null): BinaryView['unscannable'] {
  if (key) return key.secret === null ? { reason: 'encrypted', format: key.format } : null;
  return unscannableReason(data.subarray(0, 64), data);
}

/** The lines a view gives to scan, as TextLine objects (those of its store, when it has one). */
export function viewLines(v: BinaryView): TextLine[] {
  return v.store ? v.store.lines() : v.lines;
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
