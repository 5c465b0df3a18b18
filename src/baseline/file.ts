import { AkHookError } from '../errors';
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
    throw new AkHookError('E_CONFIG_PARSE', `${BASELINE_FILE} is not valid JSON: ${parseErrorMessage(e)}`, { file: BASELINE_FILE });
  }
  const findings = (raw as { findings?: unknown } | null)?.findings;
  const problems: Array<{ at: string; message: string; hint?: string }> = [];
  if (!Array.isArray(findings))
    problems.push({ at: 'findings', message: 'must be an array', hint: 'run "ak-hook baseline" to write it again' });
  else
    findings.forEach((f: Partial<BaselineEntry> | null, i) => {
      if (typeof f?.fingerprint !== 'string' || !FINGERPRINT_RE.test(f.fingerprint))
        problems.push({ at: `findings[${i}].fingerprint`, message: `not a fingerprint: ${JSON.stringify(f?.fingerprint)}` });
    });
  if (problems.length > 0)
    throw new AkHookError('E_CONFIG_INVALID', `${BASELINE_FILE} has ${problems.length} problem(s)`, { file: BASELINE_FILE, problems });
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
