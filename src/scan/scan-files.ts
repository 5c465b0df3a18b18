import type { Allowlist } from '../allowlist/apply';
import { fingerprint } from '../allowlist/fingerprint';
import { inlineAllows } from '../allowlist/inline';
import type { CompiledRules } from '../detect/engine';
import type { RawFinding, Rule } from '../detect/types';
import type { BlobSource } from '../git/backend';
import type { StagedFile } from '../git/types';
import { addedCount, addedLineNumber, addedStore } from '../git/added-lines';
import { maskSecret } from '../report/mask';
import { relatedLocations } from './pairs';
import { attachSecret } from './secret-handle';
import { scanFile, type ScannedFile } from './scan-file';
import { addsLinkTarget, linkTargetFile, pathsFile } from './names';
import { unscannableReason } from './unscannable';
import { zipEntryFiles } from './zip-files';
import type { Finding, ScanResult, ScanStats } from './types';

export interface ScanFilesOptions {
  compiled: CompiledRules;
  allowlist: Allowlist;
  /** Reads blobs by object id (for context and UTF-16 files); opened on first use. */
  blobs: () => BlobSource;
}

/**
 * Scans a set of changed files, wherever they came from (the staged diff, a commit range,
 * the tracked tree), and sorts findings into blocking and suppressed ones.
 */
export async function scanFiles(files: readonly StagedFile[], opts: ScanFilesOptions): Promise<ScanResult> {
  const byId = new Map(opts.compiled.rules.map((r) => [r.id, r]));
  const stats: ScanStats = emptyStats();
  stats.filesChanged = files.length;
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  const collect = async (scanned: ScannedFile, where: (raw: RawFinding) => { file: string; line: number } | null): Promise<void> => {
    const related = relatedLocations(scanned.found, byId);
    for (const raw of scanned.found) {
      const at = where(raw);
      if (!at) continue;
      const rule = byId.get(raw.ruleId)!;
      const f = toFinding({ ...raw, line: at.line }, rule, at.file);
      if (related.has(raw) && at.line === raw.line) f.related = related.get(raw);
      const inline =
        at.line === raw.line &&
        (inlineAllows(await scanned.textAt(raw.line), rule.id) || inlineAllows(await scanned.textAt(raw.line - 1), rule.id));
      f.suppressedBy = inline ? { by: 'inline' } : (opts.allowlist.match(f, raw.secret, rule.kind) ?? undefined);
      (f.suppressedBy ? suppressed : findings).push(f);
    }
  };
  /** Entries of archives read inside (their names are scanned with the commit's names). */
  const entries: StagedFile[] = [];
  const asIs = (file: StagedFile) => (raw: RawFinding) => ({ file: file.path, line: raw.line });
  // perf: a blob staged at several paths (a vendored tool's copies, a repeated licence) is read
  // once: the same old and new blobs give the same added lines, so a copy of one that found
  // nothing finds nothing (only what the stats and the reasons below read is kept).
  const clean = new Map<string, ScannedFile>();
  for (const file of files) {
    if (file.status === 'deleted') continue;
    if (file.tooLarge) {
      stats.unscanned.push({ path: file.path, reason: 'too-large' });
      continue;
    }
    if (addsLinkTarget(file)) {
      // A symbolic link's target is what it adds: read as a one-line file.
      await collect(await scanFile(await linkTargetFile(file, opts.blobs), opts.compiled, opts.blobs), asIs(file));
      continue;
    }
    if (file.kind !== 'file') {
      if (file.kind !== 'symlink') stats.otherSkipped++;
      continue;
    }
    if (addedCount(file) === 0) continue;
    const key = file.newOid ? `${file.binary ? 'b' : 't'}\0${file.oldOid ?? ''}\0${file.newOid}` : null;
    const seen = key === null ? undefined : clean.get(key);
    const scanned = seen ? { ...seen, found: [] } : await scanFile(file, opts.compiled, opts.blobs);
    if (key !== null && !seen && scanned.found.length === 0) clean.set(key, reusable(scanned));
    if (scanned.view === 'runs') stats.textRuns.push(file.path);
    let why = scanned.unscannable ?? (file.binary ? null : firstLineReason(file));
    // A zip (jar, docx, xlsx …) is read inside: its entries are scanned as `<archive>!/<entry>`.
    const zip = why?.format === 'zip' ? await zipEntryFiles(file, opts.blobs) : null;
    const inside: Array<{ file: StagedFile; scanned: ScannedFile }> = [];
    if (zip) {
      why = null;
      for (const entry of zip.files) {
        const s = await scanFile(entry, opts.compiled, zip.blobs);
        if (s.unscannable) stats.unscanned.push({ path: entry.path, ...s.unscannable });
        stats.linesScanned += s.lineCount;
        inside.push({ file: entry, scanned: s });
      }
      stats.unscanned.push(...zip.unreadable);
      entries.push(...zip.files);
      // Entry names and stored entries show in the archive's own text runs too: reported once, inside.
      const inner = new Set(inside.flatMap((x) => x.scanned.found.map((f) => f.secret)));
      scanned.found = scanned.found.filter((f) => !inner.has(f.secret) && !zip.files.some((e) => e.path.includes(f.secret)));
    }
    if (why) stats.unscanned.push({ path: file.path, ...why });
    stats.filesScanned++;
    stats.linesScanned += scanned.lineCount;
    await collect(scanned, asIs(file));
    if (scanned.view && scanned.view !== 'runs') {
      // Decoded whole as UTF-16/UTF-32: its text runs too, so ASCII appended to (or mixed into)
      // wide text is never lost to the decoding. What the decoded view found is not repeated.
      const runs = await scanFile(file, opts.compiled, opts.blobs, { runsOnly: true });
      const seen = new Set(scanned.found.map((f) => f.secret));
      runs.found = runs.found.filter((f) => !seen.has(f.secret));
      await collect(runs, asIs(file));
    }
    for (const x of inside) await collect(x.scanned, asIs(x.file));
  }
  // The names the commit adds: a key in a file name blocks like a key in a file. A rename
  // or copy keeps nothing its old name already held.
  const names = pathsFile([...files, ...entries]);
  const inNames = new Map<string, Array<{ secret: string; kind: Rule['kind'] }>>();
  if (names.paths.length > 0) {
    const scanned = await scanFile(names.file, opts.compiled, opts.blobs);
    await collect(scanned, (raw) => {
      const f = names.paths[raw.line - 1];
      if (f.oldPath?.includes(raw.secret)) return null;
      inNames.set(f.path, [...(inNames.get(f.path) ?? []), { secret: raw.secret, kind: byId.get(raw.ruleId)!.kind }]);
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
  return { findings, suppressed, expiredEntries: opts.allowlist.expiredHits(), stats };
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

export function toFinding(raw: RawFinding, rule: Rule, file: string): Finding {
  const f: Finding = {
    ruleId: rule.id,
    ruleName: rule.name,
    provider: rule.provider,
    severity: rule.severity,
    advice: rule.advice,
    file,
    line: raw.line,
    column: raw.column,
    secret: maskSecret(raw.secret, rule.kind),
    fingerprint: '',
  };
  // Computed on first read: a password fingerprint is a slow scrypt, and a finding suppressed
  // by a path entry or an inline marker never needs one.
  let fp: string | undefined;
  attachSecret(f, raw.secret);
  Object.defineProperty(f, 'fingerprint', { enumerable: true, get: () => (fp ??= fingerprint(rule.id, raw.secret, rule.kind)) });
  return f;
}

export function emptyStats(): ScanStats {
  return { filesChanged: 0, filesScanned: 0, linesScanned: 0, textRuns: [], unscanned: [], otherSkipped: 0 };
}

/** A text file whose first line is the start of a compressed or encrypted format (armoured PGP, a gzip without NUL …). */
function firstLineReason(file: StagedFile): ReturnType<typeof unscannableReason> {
  if (addedLineNumber(file, 0) !== 1) return null;
  const store = addedStore(file);
  const head = store ? store.bytes(0) : file.added[0].bytes;
  return unscannableReason(head.subarray(0, 64));
}
