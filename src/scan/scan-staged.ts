import { addedBytes, addedCount } from '../git/added-lines';
import type { GitBackend, StreamedOrder } from '../git/backend';
import { BlobSizer } from '../git/blob-sizer';
import { inOrder } from '../git/native';
import { pathSelector } from '../git/select-paths';
import type { StagedFile } from '../git/types';
import { headState, sameAsHead, type HeadState } from './config-change';
import { FileQueue } from './file-queue';
import { binaryTaps } from './binary-lines';
import { FileScanner } from './file-scanner';
import type { ScanSession } from './session';
import type { ScanResult } from './types';

export interface StagedScan {
  result: ScanResult;
  /** Every file the commit changes (names and states; lines released unless `head` differs). */
  changed: StagedFile[];
  /** The files `paths` selects, before the config's include filter. */
  staged: StagedFile[];
  /** Files not scanned for their size: over the reader's limit, then over maxFileSize. */
  largeSkipped: string[];
  /** The config and baseline at HEAD (undefined with an explicit config file). */
  head?: HeadState;
}

interface Entry {
  file: StagedFile;
  part: number;
  selected: boolean;
  included: boolean;
  readerSkipped: boolean;
  dropped: boolean;
}

/**
 * Reads the staged changes and scans each file as soon as the reader has all its lines, while
 * git goes on producing the next ones; a file's lines are released right after its scan, so
 * memory stays bounded by the largest file plus the findings. The lines are kept only when
 * the commit's config or baseline differs from HEAD's (configChange() scans them again).
 * Fails closed: an error of git or of the scan anywhere fails the whole scan.
 */
export async function scanStaged(opts: {
  backend: GitBackend;
  root: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  paths?: readonly string[];
  /** The limit given as an option: known before the diff is read, the reader keeps no lines of larger files. */
  maxFileSize?: number;
  opening: Promise<ScanSession>;
}): Promise<StagedScan> {
  const queue = new FileQueue();
  const stop = new AbortController();
  let first: { e: unknown } | null = null;
  const failed = (e: unknown): void => {
    first ??= { e };
    stop.abort();
    queue.fail(e);
  };
  // A binary file is scanned from its blob: of its lines only the first is kept, and a new one's
  // blob is read into its runs view as git hands it over (not read from git a second time).
  // perf: a new file whose blob was scanned clean at another path is not read (see consume).
  const scan: { blob: (oid: string) => boolean } = { blob: () => false };
  const readOpts = {
    root: opts.root,
    env: opts.env,
    maxFileBytes: opts.maxFileSize,
    firstBinaryLine: true,
    newBinaryTap: binaryTaps(),
    scannedBlob: (oid: string) => scan.blob(oid),
    signal: stop.signal,
  };
  const backend = opts.backend;
  const reading: Promise<StreamedOrder> = (
    backend.streamStagedChanges
      ? backend.streamStagedChanges(readOpts, queue)
      : backend.stagedChanges(readOpts).then((c): StreamedOrder => {
          for (const f of c.files) queue.add(f);
          return { order: 'git' };
        })
  ).then((r) => {
    queue.end();
    return r;
  });
  reading.catch(failed);
  const scanning = consume(opts, queue, scan);
  scanning.catch(failed);
  await Promise.allSettled([reading, scanning]);
  if (first) throw (first as { e: unknown }).e;
  const { order } = await reading;
  const got = await scanning;
  const entries = inOrder(got.entries, order);
  const included = entries.filter((e) => e.included);
  return {
    result: await got.scanner.finish(order === 'path' ? 'path' : 'added'),
    changed: entries.map((e) => e.file),
    staged: entries.filter((e) => e.selected).map((e) => e.file),
    largeSkipped: [...included.filter((e) => e.readerSkipped), ...included.filter((e) => e.dropped)].map((e) => e.file.path),
    head: got.head,
  };
}

async function consume(
  opts: { root: string; env: NodeJS.ProcessEnv; cwd: string; paths?: readonly string[]; opening: Promise<ScanSession> },
  queue: FileQueue,
  scan: { blob: (oid: string) => boolean },
): Promise<{ entries: Entry[]; scanner: FileScanner; head?: HeadState }> {
  const s = await opts.opening;
  const selected = opts.paths && opts.paths.length > 0 ? pathSelector(opts.paths, opts.cwd, opts.root) : null;
  const wanted = (f: StagedFile) => (!selected || selected(f)) && (!s.include || s.include(f.path));
  const scanner = new FileScanner({ compiled: s.compiled, allowlist: s.allowlist, blobs: s.blobs, lfs: s.lfs });
  const max = s.maxFileSize;
  // Files over maxFileSize (the whole staged blob, as git stores it): one cat-file --batch-check,
  // asked as files are queued so the answer is there when the scan reaches them.
  const sizer = max !== undefined ? new BlobSizer(opts.root, opts.env) : null;
  const sizes = new Map<StagedFile, Promise<number>>();
  const sizeOf = (f: StagedFile): Promise<number> => {
    let p = sizes.get(f);
    if (!p) {
      p = sizer!.size(f.newOid!);
      p.catch(() => undefined);
      sizes.set(f, p);
    }
    return p;
  };
  const measured = (f: StagedFile) => f.newOid !== undefined && f.kind === 'file' && !f.tooLarge && addedCount(f) > 0;
  if (sizer) {
    queue.onAdd = (q) => measured(q.file) && wanted(q.file) && void sizeOf(q.file);
    for (const q of queue.waiting()) queue.onAdd(q);
  }
  // Lines are released after each scan once HEAD's config is known to be the same; until then
  // the scanned files wait here. perf: HEAD is asked (a cat-file process) only once the waiting
  // lines pass HOLD_BYTES: a small commit keeps its lines, and configChange() asks HEAD only
  // when the commit touches a config or baseline.
  let release: boolean | null = s.config.source === 'explicit' ? true : null;
  let head: HeadState | undefined;
  const held: StagedFile[] = [];
  let heldBytes = 0;
  let deciding: Promise<void> | null = null;
  const decide = (): Promise<void> =>
    (deciding ??= headState(s).then((h) => {
      head = h;
      release = sameAsHead(s, h);
      for (const f of held.splice(0)) if (release) releaseLines(f);
    }));
  // A copy may go unread only while no file's lines are kept for configChange(), which scans them
  // again with HEAD's config (`release` true: the config and baseline are HEAD's, or explicit).
  // Every file is scanned with the same rules, and its size limit is its blob's: the copy of a
  // blob scanned here would be scanned the same.
  scan.blob = (oid) => release === true && scanner.cleanNewBlob(oid);
  const entries: Entry[] = [];
  try {
    for (;;) {
      const q = await queue.next();
      if (!q) break;
      const f = q.file;
      const e: Entry = { file: f, part: q.part, selected: !selected || selected(f), included: false, readerSkipped: false, dropped: false };
      entries.push(e);
      if (!e.selected) {
        releaseLines(f);
        continue;
      }
      e.included = !s.include || s.include(f.path);
      if (e.included) {
        if (f.tooLarge) e.readerSkipped = true;
        else if (sizer && measured(f)) {
          const size = await sizeOf(f);
          sizes.delete(f);
          if (size > max!) {
            // Over the limit: it stays in the list without its lines (its name is still scanned,
            // and the scan lists it as not scanned).
            f.added = [];
            f.tooLarge = true;
            e.dropped = true;
          }
        }
        await scanner.add(f, q.part);
      }
      if (release === true) releaseLines(f);
      else if (release === null) {
        held.push(f);
        heldBytes += addedBytes(f);
        if (heldBytes > HOLD_BYTES) void decide().catch(() => undefined);
      }
    }
    if (deciding) await deciding;
  } finally {
    sizer?.close();
    queue.onAdd = null;
    // Never left running past the scan: it reads through the session's blob reader, closed next.
    if (deciding) await (deciding as Promise<void>).catch(() => undefined);
  }
  return { entries, scanner, head };
}

/** Lines of scanned files kept before HEAD's config is read to decide whether they may go. */
const HOLD_BYTES = 1 << 20;

/** Drops a scanned file's lines (and so the chunks of git output they live in). */
function releaseLines(f: StagedFile): void {
  if (addedCount(f) > 0) f.added = [];
}
