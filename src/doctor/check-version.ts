import * as path from 'node:path';
import { readText } from './git';
import { satisfies } from './semver';
import type { DoctorCheck, DoctorContext } from './types';

const json = (t: string | undefined): Record<string, unknown> | null => {
  try {
    return t === undefined ? null : (JSON.parse(t) as Record<string, unknown>);
  } catch {
    return null;
  }
};

/** The ak-hook installed in node_modules is the one package.json asks for (and the one that runs). */
export function checkVersion(ctx: DoctorContext): DoctorCheck {
  const id = 'version' as const;
  const pkg = json(readText(path.join(ctx.root, 'package.json')));
  const deps = { ...((pkg?.dependencies as object) ?? {}), ...((pkg?.devDependencies as object) ?? {}) } as Record<string, string>;
  const range = deps['ak-hook'];
  if (range === undefined) return { id, status: 'ok', code: 'version-not-dependency', params: { running: ctx.runningVersion } };
  const installed = json(readText(path.join(ctx.root, 'node_modules/ak-hook/package.json')))?.version;
  if (typeof installed !== 'string') return { id, status: 'fail', code: 'version-not-installed', params: { range }, fix: 'npm ci' };
  const ok = satisfies(installed, range);
  if (ok === false) return { id, status: 'fail', code: 'version-mismatch', params: { range, installed }, fix: 'npm ci' };
  if (installed !== ctx.runningVersion)
    return {
      id,
      status: 'warn',
      code: 'version-running-differs',
      params: { installed, running: ctx.runningVersion },
      fix: 'npx ak-hook doctor',
    };
  return { id, status: 'ok', code: ok === null ? 'version-unknown-range' : 'version-ok', params: { range, installed } };
}
