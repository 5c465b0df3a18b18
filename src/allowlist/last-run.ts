import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gitCommonDir } from '../git/repo';

/** What `ak-hook allow --last` needs from the last blocked run: never a secret, never a line. */
export interface LastRunFinding {
  fingerprint: string;
  rule: string;
  file: string;
}

async function lastRunFile(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  return path.join(await gitCommonDir(root, env), 'ak-hook', 'last-blocked.json');
}

/**
 * Records a blocked run's findings under `<git common dir>/ak-hook/` (local, never committed).
 * Best effort: a read-only git dir must not change the verdict, so failures are ignored.
 */
export async function saveLastRun(root: string, env: NodeJS.ProcessEnv, findings: readonly LastRunFinding[]): Promise<void> {
  try {
    const file = await lastRunFile(root, env);
    const text = JSON.stringify({ version: 1, findings }, null, 2) + '\n';
    // perf: the same commit blocked again leaves the record as it is (no write, no rename).
    if (readText(file) === text) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch {
    /* best effort */
  }
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export async function loadLastRun(root: string, env: NodeJS.ProcessEnv): Promise<LastRunFinding[]> {
  try {
    const doc = JSON.parse(readFileSync(await lastRunFile(root, env), 'utf8')) as { findings?: LastRunFinding[] };
    return Array.isArray(doc.findings) ? doc.findings : [];
  } catch {
    return [];
  }
}
