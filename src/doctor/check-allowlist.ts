import type { DoctorCheck, DoctorContext } from './types';

/**
 * No allow entry has expired or matches nothing any more, and the baseline holds no finding the
 * tracked files no longer have (the `ak-hook stale` logic: the index, with the baseline).
 */
export async function checkAllowlist(ctx: DoctorContext, configOk: boolean): Promise<DoctorCheck> {
  const id = 'allowlist' as const;
  if (!configOk) return { id, status: 'warn', code: 'allowlist-skipped', params: {} };
  const r = await ctx.scans.scanTree({ cwd: ctx.cwd, env: ctx.env, configPath: ctx.configPath, root: ctx.root, source: 'index' });
  const expired = r.expiredEntries.length;
  const unused = r.unusedEntries.length;
  const baseline = r.unusedBaseline;
  if (expired + unused + baseline === 0) return { id, status: 'ok', code: 'allowlist-ok', params: {} };
  return { id, status: 'warn', code: 'allowlist-stale', params: { expired, unused, baseline }, fix: 'npx ak-hook stale' };
}
