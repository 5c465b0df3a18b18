/**
 * `npm run eval` part "real code": third-party code nobody here wrote (by default the installed
 * node_modules, about a million lines) committed into a scratch repository and scanned by the
 * built `ak-hook check`, exactly as a user's hook would. Every finding is printed (masked) for
 * review; in such code every finding is presumed a false positive until reviewed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface RealCodeResult {
  files: number;
  lines: number;
  findings: Array<{ file: string; line: number; ruleId: string; secret: string }>;
  ms: number;
}

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Stages every file of `dir` in a fresh repository (the files are not copied) and runs `cli check` there. */
export function scanRealCode(dir: string, cli: string): RealCodeResult {
  const repo = mkdtempSync(path.join(tmpdir(), 'akh-real-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: repo,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(repo, '.gitconfig'),
    LANG: 'C',
    NO_COLOR: '1',
  };
  try {
    git(['init', '-q'], repo, env);
    const gitDir = path.join(repo, '.git');
    git([`--git-dir=${gitDir}`, `--work-tree=${dir}`, '-c', 'core.autocrlf=false', 'add', '-A', '-f', '.'], dir, env);
    let files = 0;
    let lines = 0;
    for (const row of git(['diff', '--cached', '--numstat'], repo, env).split('\n')) {
      const [added] = row.split('\t');
      if (!row) continue;
      files++;
      if (added !== '-') lines += Number(added);
    }
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json'], { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Date.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`ak-hook check exited ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; ruleId: string; secret: string }> };
    return { files, lines, findings: out.findings.map(({ file, line, ruleId, secret }) => ({ file, line, ruleId, secret })), ms };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

export function formatRealCode(dir: string, r: RealCodeResult): string {
  const perM = r.lines > 0 ? (r.findings.length * 1e6) / r.lines : 0;
  const out = [
    `real code (${dir}, committed to a scratch repository, scanned by ak-hook check in ${(r.ms / 1000).toFixed(1)} s): ${r.files} files, ${r.lines} lines, ${r.findings.length} findings = ${perM.toFixed(2)} per million lines (target <= 1 false positive per million)`,
  ];
  for (const f of r.findings) out.push(`  ${f.file}:${f.line} [${f.ruleId}] ${f.secret}`);
  return out.join('\n') + '\n';
}

/** The default real code: the project's installed node_modules (resolved through a symlink). */
export function defaultRealCodeDir(root: string): string | null {
  const d = path.join(root, 'node_modules');
  return existsSync(d) ? d : null;
}
