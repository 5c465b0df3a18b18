import type { DoctorCheck, DoctorContext } from './types';

/** With --history: how many secrets the history holds (each at the commit that introduced it). */
export async function checkHistory(ctx: DoctorContext): Promise<DoctorCheck> {
  const id = 'history' as const;
  const r = await ctx.scans.scanCommits({
    cwd: ctx.cwd,
    env: ctx.env,
    configPath: ctx.configPath,
    root: ctx.root,
    select: { include: [], all: true },
  });
  const secrets = r.findings.length;
  const commits = new Set(r.findings.map((f) => f.commit.sha)).size;
  if (secrets === 0) return { id, status: 'ok', code: 'history-clean', params: { commits: r.commits } };
  const rules = [...new Set(r.findings.map((f) => f.ruleId))].slice(0, 5).join(', ');
  return { id, status: 'warn', code: 'history-secrets', params: { secrets, commits, rules }, fix: 'npx ak-hook scan --history' };
}
