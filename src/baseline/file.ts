import { say } from '../config/messages';
import { textError } from '../report/messages/text-error';
import type { BlobSource } from '../git/backend';
import { FINGERPRINT_RE } from '../allowlist/fingerprint';
import { readRepoFile } from '../config/repo-file';
import { parseErrorMessage } from '../config/parse-error';

export const BASELINE_FILE = '.akhook-baseline.json';

/** One known finding: no secret, no line number (lines drift; fingerprints do not). */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
}

export interface LoadedBaseline {
  entries: BaselineEntry[];
  fingerprints: Set<string>;
  source: 'index' | 'disk' | 'none';
  file?: string;
}

/** Reads `.akhook-baseline.json` from the index when staged, else from disk. */
export async function loadBaseline(root: string, blobs: () => BlobSource): Promise<LoadedBaseline> {
  const found = await readRepoFile(root, BASELINE_FILE, blobs);
  if (!found) return { entries: [], fingerprints: new Set(), source: 'none' };
  const entries = parseBaseline(found.text);
  return { entries, fingerprints: new Set(entries.map((e) => e.fingerprint)), source: found.source, file: BASELINE_FILE };
}

export function parseBaseline(text: string): BaselineEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw textError(
      'E_CONFIG_PARSE',
      'configNotValid',
      { file: BASELINE_FILE, kind: 'JSON', why: parseErrorMessage(e) },
      { file: BASELINE_FILE },
    );
  }
  const findings = (raw as { findings?: unknown } | null)?.findings;
  const problems: Array<{ at: string; message: string; hint?: string }> = [];
  if (!Array.isArray(findings)) problems.push({ at: 'findings', ...say('baselineNotArray') });
  else
    findings.forEach((f: Partial<BaselineEntry> | null, i) => {
      if (typeof f?.fingerprint !== 'string' || !FINGERPRINT_RE.test(f.fingerprint))
        problems.push({
          at: `findings[${i}].fingerprint`,
          ...say('baselineBadFingerprint', { value: String(JSON.stringify(f?.fingerprint)) }),
        });
    });
  if (problems.length > 0)
    throw textError(
      'E_CONFIG_INVALID',
      'configInvalid',
      { file: BASELINE_FILE, count: String(problems.length) },
      { file: BASELINE_FILE, problems },
    );
  return findings as BaselineEntry[];
}

/** A stable, reviewable text: sorted, one finding per line, no secrets and no line numbers. */
/** Entries sorted by file, rule and fingerprint, one per file and fingerprint. */
export function uniqueBaselineEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const seen = new Set<string>();
  return [...entries]
    .sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint))
    .filter((e) => {
      const k = `${e.file}\0${e.fingerprint}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
}

export function renderBaseline(entries: readonly BaselineEntry[]): string {
  const rows = uniqueBaselineEntries(entries).map(
    (e) => `    ${JSON.stringify({ fingerprint: e.fingerprint, rule: e.rule, file: e.file })}`,
  );
  return `{\n  "version": 1,\n  "findings": [${rows.length > 0 ? `\n${rows.join(',\n')}\n  ` : ''}]\n}\n`;
}
