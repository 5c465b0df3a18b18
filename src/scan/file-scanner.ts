import { inlineAllows } from '../allowlist/inline';
import type { RawFinding, Rule } from '../detect/types';
import { addedCount, addedLineNumber, addedStore } from '../git/added-lines';
import type { BlobSource } from '../git/backend';
import { mayBePointer, parsePointer } from '../git/lfs';
import type { StagedFile } from '../git/types';
import { AkHookError } from '../errors';
import { maskSecret } from '../report/mask';
import { addsLinkTarget, linkTargetFile, pathsFile } from './names';
import { relatedLocations } from './pairs';
import { scanFile, type ScannedFile } from './scan-file';
import type { ScanFilesOptions } from './scan-files';
import { emptyStats, toFinding } from './to-finding';
import type { Finding, ScanResult, ScanStats } from './types';
import { unscannableReason, type Unscanned } from './unscannable';
import { ZIP_LIMITS } from './zip';
import { isArchiveFormat, zipEntryFiles } from './zip-files';

/** How deep archives inside archives are read (a jar in a war in a tar.gz: 3). */
const MAX_NESTING = 3;

/** What one file gave: kept per file so files read out of order can be reported in order. */
interface FileRecord {
  file: StagedFile;
  part: number;
  seq: number;
  findings: Finding[];
  suppressed: Finding[];
  unscanned: Unscanned[];
  textRuns: string[];
  /** Entries of an archive read inside (names only: their names are scanned with the commit's). */
  entries: StagedFile[];
}

/**
 * Scans changed files one at a time as a reader hands them over, and sorts findings into
 * blocking and suppressed ones at finish(). It keeps no file's lines after add() returns
 * (only findings and names), so the caller may release them: memory stays bounded by the
 * largest file, however many files the commit has.
 */
export class FileScanner {
  private readonly byId: Map<string, Rule>;
  private readonly stats: ScanStats = emptyStats();
  private readonly records: FileRecord[] = [];
  // perf: a blob staged at several paths (a vendored tool's copies, a repeated licence) is read
  // once: the same old and new blobs give the same added lines, so a copy of one that found
  // nothing finds nothing (only what the stats and the reasons below read is kept).
  private readonly clean = new Map<string, ScannedFile>();
  /**
   * New files (no old blob) whose scan found nothing and read nothing by their path (no archive,
   * no LFS object, nothing named as not scanned, one view), by blob id: a later new file with
   * the same blob is the same bytes, so its reader need not read it (cleanNewBlob, `sameBlob`).
   */
  private readonly cleanNew = new Map<string, CleanNew>();
  /** The archive each file read inside one came from (by the entry's path): its path entries allow them. */
  private readonly archives = new Map<string, string>();

  constructor(private readonly opts: ScanFilesOptions) {
    this.byId = new Map(opts.compiled.rules.map((r) => [r.id, r]));
  }

  /**
   * True when a new file with blob `oid` needs no reading: a new file with that blob was scanned
   * here and found nothing (see cleanNew). Its copy, handed over with `sameBlob`, counts that scan.
   */
  cleanNewBlob(oid: string): boolean {
    return this.cleanNew.has(oid);
  }

  /** Scans one file (`part`: which of several readers at once gave it, for finish('path')). */
  async add(file: StagedFile, part = 0): Promise<void> {
    const { opts, stats } = this;
    const rec: FileRecord = {
      file,
      part,
      seq: this.records.length,
      findings: [],
      suppressed: [],
      unscanned: [],
      textRuns: [],
      entries: [],
    };
    this.records.push(rec);
    stats.filesChanged++;
    const asIs = (f: StagedFile) => (raw: RawFinding) => ({ file: f.path, line: raw.line });
    if (file.status === 'deleted') return;
    if (file.tooLarge) {
      rec.unscanned.push({ path: file.path, reason: 'too-large' });
      return;
    }
    if (addsLinkTarget(file)) {
      // A symbolic link's target is what it adds: read as a one-line file.
      await this.collect(rec, await scanFile(await linkTargetFile(file, opts.blobs), opts.compiled, opts.blobs), asIs(file));
      return;
    }
    if (file.kind !== 'file') {
      if (file.kind !== 'symlink') stats.otherSkipped++;
      return;
    }
    if (file.sameBlob) return this.addCopy(rec, file);
    if (addedCount(file) === 0) return;
    // A Git LFS pointer: the file's bytes are the LFS object it names, scanned in its place.
    let blobs = opts.blobs;
    const pointer = !!opts.lfs && mayBePointer(file);
    if (pointer) {
      const lfs = await this.lfsObject(file);
      if (lfs && 'unscanned' in lfs) {
        rec.unscanned.push(lfs.unscanned);
        return;
      }
      if (lfs) ({ file, blobs } = lfs);
    }
    const key = file.newOid ? `${file.binary ? 'b' : 't'}\0${file.oldOid ?? ''}\0${file.newOid}` : null;
    const seen = key === null ? undefined : this.clean.get(key);
    const scanned = seen ? { ...seen, found: [] } : await scanFile(file, opts.compiled, blobs);
    if (key !== null && !seen && scanned.found.length === 0) this.clean.set(key, reusable(scanned));
    if (scanned.view === 'runs') rec.textRuns.push(file.path);
    let why = scanned.unscannable ?? (file.binary ? null : firstLineReason(file));
    // A zip (jar, docx, xlsx …), a gzip (.gz, .tar.gz) or a zlib stream (a git loose object) is read inside: its entries are scanned as
    // `<archive>!/<entry>`, and an archive inside one (a jar in a war, a .tar.gz in a .tgz) the same way.
    const inside: Array<{ file: StagedFile; scanned: ScannedFile }> = [];
    if (why && (await this.readInside(file, blobs, why, rec, inside, { ...ZIP_LIMITS }, 0))) {
      why = null;
      // Entry names and stored entries show in the archive's own text runs too: reported once, inside.
      const inner = new Set(inside.flatMap((x) => x.scanned.found.map((f) => f.secret)));
      scanned.found = scanned.found.filter((f) => !inner.has(f.secret) && !inside.some((e) => e.file.path.includes(f.secret)));
    }
    if (why) rec.unscanned.push({ path: file.path, ...why });
    stats.filesScanned++;
    stats.linesScanned += scanned.lineCount;
    await this.collect(rec, scanned, asIs(file));
    if (scanned.view && scanned.view !== 'runs') {
      // Decoded whole as UTF-16/UTF-32: its text runs too, so ASCII appended to (or mixed into)
      // wide text is never lost to the decoding. What the decoded view found is not repeated.
      const runs = await scanFile(file, opts.compiled, blobs, { runsOnly: true });
      const seen = new Set(scanned.found.map((f) => f.secret));
      runs.found = runs.found.filter((f) => !seen.has(f.secret));
      await this.collect(rec, runs, asIs(file));
    }
    for (const x of inside) await this.collect(rec, x.scanned, asIs(x.file));
    const plain = !pointer && !why && !scanned.unscannable && inside.length === 0 && (!scanned.view || scanned.view === 'runs');
    if (plain && file.newOid && file.status === 'added' && file.oldOid === undefined && file.oldPath === undefined) {
      const clean = scanned.found.length === 0 && rec.findings.length === 0 && rec.suppressed.length === 0 && rec.unscanned.length === 0;
      if (clean && !this.cleanNew.has(file.newOid))
        this.cleanNew.set(file.newOid, { binary: file.binary, lineCount: scanned.lineCount, runs: scanned.view === 'runs' });
    }
  }

  /** A new file not read (`sameBlob`): the clean scan of its blob at an earlier path is counted for it, as a copy's scan is above. */
  private addCopy(rec: FileRecord, file: StagedFile): void {
    const was = file.newOid === undefined ? undefined : this.cleanNew.get(file.newOid);
    // Fail closed: a copy handed over unread must have been scanned (never skipped unseen).
    if (!was) throw new AkHookError('E_INTERNAL', `no scan of blob ${file.newOid} for ${file.path}`);
    file.binary = was.binary;
    if (was.runs) rec.textRuns.push(file.path);
    this.stats.filesScanned++;
    this.stats.linesScanned += was.lineCount;
  }

  /**
   * Reads an archive's entries into `inside` (scanned, not yet collected), and archives among
   * them in turn, up to MAX_NESTING deep, all within one set of bounds (`budget`, used up as
   * entries are read: a nested archive cannot multiply them). False when `file` is no archive
   * this reader understands (it then stays named as not scanned).
   */
  private async readInside(
    file: StagedFile,
    blobs: () => BlobSource,
    why: Omit<Unscanned, 'path'>,
    rec: FileRecord,
    inside: Array<{ file: StagedFile; scanned: ScannedFile }>,
    budget: { entryBytes: number; totalBytes: number; entries: number },
    depth: number,
  ): Promise<boolean> {
    if (!isArchiveFormat(why.format)) return false;
    if (budget.totalBytes < 1 || budget.entries < 1) {
      // The archives around it used up the bounds: named as past them.
      rec.unscanned.push({ path: file.path, reason: 'too-large', format: why.format });
      return true;
    }
    const zip = await zipEntryFiles(file, blobs, why.format, budget);
    if (!zip) return false;
    budget.totalBytes = Math.max(0, budget.totalBytes - zip.used.bytes);
    budget.entries = Math.max(0, budget.entries - zip.used.entries);
    for (const entry of zip.files) {
      const s = await scanFile(entry, this.opts.compiled, zip.blobs);
      this.stats.linesScanned += s.lineCount;
      const from = inside.length;
      if (
        s.unscannable &&
        depth + 1 < MAX_NESTING &&
        (await this.readInside(entry, zip.blobs, s.unscannable, rec, inside, budget, depth + 1))
      ) {
        // What the nested archive's entries hold is reported there, once.
        const inner = new Set(inside.slice(from).flatMap((x) => x.scanned.found.map((f) => f.secret)));
        s.found = s.found.filter((f) => !inner.has(f.secret));
      } else if (s.unscannable) rec.unscanned.push({ path: entry.path, ...s.unscannable });
      inside.splice(from, 0, { file: entry, scanned: s });
    }
    rec.unscanned.push(...zip.unreadable);
    rec.entries.push(...zip.files.map(nameOnly));
    for (const entry of zip.files) this.archives.set(entry.path, this.archives.get(file.path) ?? file.path);
    return true;
  }

  /**
   * The LFS object a pointer file names, as a binary file served by its own source (the old
   * object too, when the old blob was a pointer whose object is here: only what the commit adds
   * is reported); what to name as not scanned when the object is missing or too large; null
   * when the blob is no pointer.
   */
  private async lfsObject(file: StagedFile): Promise<{ file: StagedFile; blobs: () => BlobSource } | { unscanned: Unscanned } | null> {
    const { opts } = this;
    const nb = await opts.blobs().read(file.newOid!);
    const ptr = nb ? parsePointer(nb.data) : null;
    if (!ptr) return null;
    const got = await opts.lfs!.read(ptr, ZIP_LIMITS.totalBytes);
    if (!('data' in got)) return { unscanned: { path: file.path, reason: 'missing' in got ? 'missing' : 'too-large', format: 'git-lfs' } };
    const served = new Map<string, Buffer>([[`lfs:${ptr.oid}`, got.data]]);
    let oldOid = file.oldOid;
    const ob = oldOid ? await opts.blobs().read(oldOid) : null;
    const old = ob ? parsePointer(ob.data) : null;
    if (old) {
      const o = await opts.lfs!.read(old, ZIP_LIMITS.totalBytes);
      oldOid = 'data' in o ? `lfs:${old.oid}` : undefined;
      if ('data' in o) served.set(oldOid!, o.data);
    }
    const source: BlobSource = {
      read: async (spec) => {
        const data = served.get(spec);
        return data ? { oid: spec, data } : opts.blobs().read(spec);
      },
      close() {},
    };
    const object: StagedFile = {
      path: file.path,
      ...(file.oldPath !== undefined ? { oldPath: file.oldPath } : {}),
      status: file.status,
      kind: 'file',
      newOid: `lfs:${ptr.oid}`,
      ...(oldOid ? { oldOid } : {}),
      binary: true,
      added: [],
    };
    return { file: object, blobs: () => source };
  }

  /**
   * The result: files in the order they were added, or (`path`) merged in path-byte order (by
   * part, then as added, among equal paths), as the files of readers working at once must be.
   */
  async finish(order: 'added' | 'path' = 'added'): Promise<ScanResult> {
    const records = order === 'path' ? byPath(this.records) : this.records;
    const stats = this.stats;
    const findings: Finding[] = [];
    const suppressed: Finding[] = [];
    for (const r of records) {
      findings.push(...r.findings);
      suppressed.push(...r.suppressed);
      stats.unscanned.push(...r.unscanned);
      stats.textRuns.push(...r.textRuns);
    }
    // The names the commit adds: a key in a file name blocks like a key in a file. A rename
    // or copy keeps nothing its old name already held.
    const names = pathsFile([...records.map((r) => r.file), ...records.flatMap((r) => r.entries)]);
    const inNames = new Map<string, Array<{ secret: string; kind: Rule['kind'] }>>();
    if (names.paths.length > 0) {
      const scanned = await scanFile(names.file, this.opts.compiled, this.opts.blobs);
      const rec: FileRecord = { file: names.file, part: 0, seq: 0, findings, suppressed, unscanned: [], textRuns: [], entries: [] };
      await this.collect(rec, scanned, (raw) => {
        const f = names.paths[raw.line - 1];
        if (f.oldPath?.includes(raw.secret)) return null;
        inNames.set(f.path, [...(inNames.get(f.path) ?? []), { secret: raw.secret, kind: this.byId.get(raw.ruleId)!.kind }]);
        return { file: f.path, line: 0 };
      });
    }
    // A name holding a secret is shown masked wherever a path is shown (matched unmasked above).
    if (inNames.size > 0) {
      const shown = (p: string): string => {
        for (const { secret, kind } of inNames.get(p) ?? []) p = p.split(secret).join(maskSecret(secret, kind));
        return p;
      };
      for (const f of [...findings, ...suppressed]) f.file = shown(f.file);
      stats.textRuns = stats.textRuns.map(shown);
      for (const u of stats.unscanned) u.path = shown(u.path);
    }
    return { findings, suppressed, expiredEntries: this.opts.allowlist.expiredHits(), stats };
  }

  private async collect(
    rec: FileRecord,
    scanned: ScannedFile,
    where: (raw: RawFinding) => { file: string; line: number } | null,
  ): Promise<void> {
    const related = relatedLocations(scanned.found, this.byId);
    for (const raw of scanned.found) {
      const at = where(raw);
      if (!at) continue;
      const rule = this.byId.get(raw.ruleId)!;
      const f = toFinding({ ...raw, line: at.line }, rule, at.file);
      if (related.has(raw) && at.line === raw.line) f.related = related.get(raw);
      const inline =
        at.line === raw.line &&
        (inlineAllows(await scanned.textAt(raw.line), rule.id) || inlineAllows(await scanned.textAt(raw.line - 1), rule.id));
      const archive = this.archives.get(at.file);
      const target = archive === undefined ? f : { ...f, archive };
      f.suppressedBy = inline ? { by: 'inline' } : (this.opts.allowlist.match(target, raw.secret, rule.kind) ?? undefined);
      (f.suppressedBy ? rec.suppressed : rec.findings).push(f);
    }
  }
}

function byPath(records: FileRecord[]): FileRecord[] {
  const keyed = records.map((r) => ({ r, key: Buffer.from(r.file.path, 'utf8') }));
  keyed.sort((x, y) => Buffer.compare(x.key, y.key) || x.r.part - y.r.part || x.r.seq - y.r.seq);
  return keyed.map((k) => k.r);
}

/** An archive entry as the names scan needs it (its lines are not kept). */
function nameOnly(f: StagedFile): StagedFile {
  return {
    path: f.path,
    ...(f.oldPath !== undefined ? { oldPath: f.oldPath } : {}),
    status: f.status,
    kind: f.kind,
    binary: f.binary,
    added: [],
  };
}

/** What a new file's clean scan leaves for the copies of its blob (see FileScanner.cleanNew). */
interface CleanNew {
  binary: boolean;
  lineCount: number;
  /** Read as text runs (a binary): listed among the files read so. */
  runs: boolean;
}

/** What a later copy of a file that found nothing needs (not its lines: memory stays flat). */
function reusable(s: ScannedFile): ScannedFile {
  return {
    lines: [],
    lineCount: s.lineCount,
    found: [],
    textAt: async () => undefined,
    ...(s.view ? { view: s.view, unscannable: s.unscannable } : {}),
  };
}

/** A text file whose first line is the start of a compressed or encrypted format (armoured PGP, a gzip without NUL …). */
function firstLineReason(file: StagedFile): ReturnType<typeof unscannableReason> {
  if (addedLineNumber(file, 0) !== 1) return null;
  const store = addedStore(file);
  const head = store ? store.bytes(0) : file.added[0].bytes;
  return unscannableReason(head.subarray(0, 64));
}
