import { compileAllowlist, type Suppression } from './allowlist/apply';
import { fingerprint } from './allowlist/fingerprint';
import { inlineAllows } from './allowlist/inline';
import { loadConfig } from './allowlist/load';
import type { AllowEntry, ConfigSource } from './allowlist/types';
import { compileRules, contextCandidates, scanLines, type CompiledRules } from './detect/engine';
import { RULES } from './detect/rules';
import type { Advice, RawFinding, Rule, Severity, TextLine } from './detect/types';
import type { BlobSource, GitBackend } from './git/backend';
import { nativeBackend } from './git/native';
import { findRepoRoot } from './git/repo';
import { selectPaths } from './git/select-paths';
import type { StagedFile } from './git/types';
import { maskSecret } from './report/mask';
import { decodeBlobLines, decodeLine, isUtf16 } from './text/decode';

export interface CheckOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Only these files' staged changes (absolute or relative to cwd). */
  paths?: readonly string[];
  /** Explicit config file (overrides discovery). */
  configPath?: string;
  backend?: GitBackend;
  rules?: readonly Rule[];
  /** Today's date, for allow entries that expire. */
  now?: Date;
}

/** One finding as the outside world sees it: the secret is masked, never whole. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  provider: string;
  severity: Severity;
  advice: Advice;
  file: string;
  line: number;
  column: number;
  /** Masked secret, e.g. `LTAI…Q9xZ`. */
  secret: string;
  fingerprint: string;
  suppressedBy?: Suppression;
}

export interface CheckStats {
  filesChanged: number;
  filesScanned: number;
  linesScanned: number;
  binarySkipped: string[];
  otherSkipped: number;
}

export interface CheckResult {
  root: string;
  findings: Finding[];
  suppressed: Finding[];
  expiredEntries: AllowEntry[];
  config: { source: ConfigSource; file?: string };
  stats: CheckStats;
}

/** Reads what the commit will contain, detects, applies the allowlist. Never prints, never exits. */
export async function check(opts: CheckOptions): Promise<CheckResult> {
  const env = opts.env;
  const root = await findRepoRoot(opts.cwd, env);
  const backend = opts.backend ?? nativeBackend();
  let blobSource: BlobSource | null = null;
  const blobs = (): BlobSource => (blobSource ??= backend.openBlobReader({ root, env }));
  try {
    const [changes, loaded] = await Promise.all([
      backend.stagedChanges({ root, env }),
      loadConfig({ root, explicit: opts.configPath, blobs, cwd: opts.cwd }),
    ]);
    const files = opts.paths && opts.paths.length > 0 ? selectPaths(changes.files, opts.paths, opts.cwd, root) : changes.files;
    const compiled = compileRules(opts.rules ?? RULES);
    const byId = new Map(compiled.rules.map((r) => [r.id, r]));
    const allowlist = compileAllowlist(loaded.config, (opts.now ?? new Date()).toISOString().slice(0, 10));
    const stats: CheckStats = { filesChanged: files.length, filesScanned: 0, linesScanned: 0, binarySkipped: [], otherSkipped: 0 };
    const findings: Finding[] = [];
    const suppressed: Finding[] = [];

    for (const file of files) {
      if (file.status === 'deleted' || file.kind !== 'file' || file.added.length === 0) {
        if (file.kind !== 'file') stats.otherSkipped++;
        continue;
      }
      const scanned = await scanFile(file, compiled, blobs);
      if (scanned === 'binary') {
        stats.binarySkipped.push(file.path);
        continue;
      }
      stats.filesScanned++;
      stats.linesScanned += scanned.lines.length;
      for (const raw of scanned.found) {
        const rule = byId.get(raw.ruleId)!;
        const f = toFinding(raw, rule, file.path);
        const inline = inlineAllows(await scanned.textAt(raw.line), rule.id) || inlineAllows(await scanned.textAt(raw.line - 1), rule.id);
        f.suppressedBy = inline ? { by: 'inline' } : (allowlist.match(f) ?? undefined);
        (f.suppressedBy ? suppressed : findings).push(f);
      }
    }
    return {
      root,
      findings,
      suppressed,
      expiredEntries: allowlist.expiredHits(),
      config: { source: loaded.source, file: loaded.file },
      stats,
    };
  } finally {
    (blobSource as BlobSource | null)?.close();
  }
}

function toFinding(raw: RawFinding, rule: Rule, file: string): Finding {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    provider: rule.provider,
    severity: rule.severity,
    advice: rule.advice,
    file,
    line: raw.line,
    column: raw.column,
    secret: maskSecret(raw.secret, rule.kind),
    fingerprint: fingerprint(rule.id, raw.secret, rule.kind),
  };
}

interface ScannedFile {
  lines: TextLine[];
  found: RawFinding[];
  /** Text of any line of the staged file (loads the blob when the line was not added). */
  textAt(line: number): Promise<string | undefined>;
}

async function scanFile(file: StagedFile, compiled: CompiledRules, blobs: () => BlobSource): Promise<ScannedFile | 'binary'> {
  let staged: string[] | null = null;
  const stagedLines = async (): Promise<string[] | null> => {
    if (staged === null && file.newOid) {
      const b = await blobs().read(file.newOid);
      staged = b ? decodeBlobLines(b.data) : [];
    }
    return staged;
  };

  let lines: TextLine[];
  if (file.binary) {
    const utf16 = await utf16AddedLines(file, blobs);
    if (!utf16) return 'binary';
    lines = utf16.lines;
    staged = utf16.all;
  } else {
    lines = file.added.map((a) => ({ line: a.line, text: decodeLine(a.bytes).text }));
  }

  const whole = file.status === 'added';
  const contextHits = new Map<RegExp, boolean>();
  let needBlob = false;
  for (const { detector } of compiled.contextual) {
    const re = detector.fileContext!;
    if (contextHits.has(re)) continue;
    const hit = lines.some((l) => re.test(l.text));
    contextHits.set(re, hit);
    if (!hit && !whole) needBlob = true;
  }
  if (needBlob && contextCandidates(lines, compiled)) {
    const all = await stagedLines();
    if (all)
      for (const [re, hit] of contextHits)
        if (!hit)
          contextHits.set(
            re,
            all.some((t) => re.test(t)),
          );
  }
  const found = scanLines(lines, compiled, { matches: (re) => contextHits.get(re) === true });

  const byLine = new Map(lines.map((l) => [l.line, l.text]));
  return {
    lines,
    found,
    async textAt(line) {
      if (line < 1) return undefined;
      const t = byLine.get(line);
      if (t !== undefined || whole) return t;
      const all = await stagedLines();
      return all ? all[line - 1] : undefined;
    },
  };
}

/** A file with NUL bytes is binary unless its staged blob is UTF-16 with a BOM; then diff it as text. */
async function utf16AddedLines(file: StagedFile, blobs: () => BlobSource): Promise<{ lines: TextLine[]; all: string[] } | null> {
  if (!file.newOid) return null;
  const b = await blobs().read(file.newOid);
  if (!b || !isUtf16(b.data)) return null;
  const all = decodeBlobLines(b.data);
  const before = new Map<string, number>();
  if (file.oldOid) {
    const old = await blobs().read(file.oldOid);
    if (old) for (const t of decodeBlobLines(old.data)) before.set(t, (before.get(t) ?? 0) + 1);
  }
  const lines: TextLine[] = [];
  all.forEach((text, i) => {
    const n = before.get(text) ?? 0;
    if (n > 0) before.set(text, n - 1);
    else lines.push({ line: i + 1, text });
  });
  return { lines, all };
}
