import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { readText } from './git';
import type { DoctorCheck, DoctorContext } from './types';

const CI_FIX = 'npx ak-hook check --range "$BASE..$HEAD"   # in CI: see the README, section CI';

/** A CI workflow (GitHub Actions, GitLab CI) runs ak-hook on the pushed range of commits. */
export function checkCi(ctx: DoctorContext): DoctorCheck {
  const id = 'ci' as const;
  const files: string[] = [];
  try {
    for (const f of readdirSync(path.join(ctx.root, '.github/workflows'))) if (/\.ya?ml$/.test(f)) files.push(`.github/workflows/${f}`);
  } catch {
    // no GitHub workflows
  }
  if (readText(path.join(ctx.root, '.gitlab-ci.yml')) !== undefined) files.push('.gitlab-ci.yml');
  const texts = files.map((f) => ({ f, t: readText(path.join(ctx.root, f)) ?? '' }));
  const ranged = texts.find(({ t }) => /ak-hook[^\n]*--range/.test(t));
  if (ranged) return { id, status: 'ok', code: 'ci-ok', params: { file: ranged.f } };
  const some = texts.find(({ t }) => /ak-hook/.test(t));
  if (some) return { id, status: 'warn', code: 'ci-no-range', params: { file: some.f }, fix: CI_FIX };
  return { id, status: 'warn', code: files.length > 0 ? 'ci-no-ak-hook' : 'ci-missing', params: { files: files.join(', ') }, fix: CI_FIX };
}
