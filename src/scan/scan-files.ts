import type { Allowlist } from '../allowlist/apply';
import { fingerprint } from '../allowlist/fingerprint';
import { inlineAllows } from '../allowlist/inline';
import type { CompiledRules } from '../detect/engine';
import type { RawFinding, Rule } from '../detect/types';
import type { BlobSource } from '../git/backend';
import type { StagedFile } from '../git/types';
import { addedCount } from '../git/added-lines';
import { maskSecret } from '../report/mask';
import { relatedLocations } from './pairs';
import { attachSecret } from './secret-handle';
import { scanFile } from './scan-file';
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
  const stats: ScanStats = { filesChanged: files.length, filesScanned: 0, linesScanned: 0, binarySkipped: [], otherSkipped: 0 };
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const file of files) {
    if (file.status === 'deleted' || file.kind !== 'file' || addedCount(file) === 0) {
      if (file.kind !== 'file') stats.otherSkipped++;
      continue;
    }
    const scanned = await scanFile(file, opts.compiled, opts.blobs);
    if (scanned === 'binary') {
      stats.binarySkipped.push(file.path);
      continue;
    }
    stats.filesScanned++;
    stats.linesScanned += scanned.lineCount;
    const related = relatedLocations(scanned.found, byId);
    for (const raw of scanned.found) {
      const rule = byId.get(raw.ruleId)!;
      const f = toFinding(raw, rule, file.path);
      if (related.has(raw)) f.related = related.get(raw);
      const inline = inlineAllows(await scanned.textAt(raw.line), rule.id) || inlineAllows(await scanned.textAt(raw.line - 1), rule.id);
      f.suppressedBy = inline ? { by: 'inline' } : (opts.allowlist.match(f, raw.secret, rule.kind) ?? undefined);
      (f.suppressedBy ? suppressed : findings).push(f);
    }
  }
  return { findings, suppressed, expiredEntries: opts.allowlist.expiredHits(), stats };
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
