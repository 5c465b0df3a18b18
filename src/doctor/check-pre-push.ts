import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { hooksLocation, isExecutable, packageFile, readText } from './git';
import type { DoctorCheck, DoctorContext } from './types';

const HUSKY_PUSH_LINE = 'ak-hook check --pre-push "$@"';
const runsPrePush = (t: string) => /ak-hook[^\n]*--pre-push|ak-hook\/hooks\/pre-push|check --pre-push/.test(t);

/** The pre-push hook runs `ak-hook check --pre-push`: the defence against `git commit --no-verify`. */
export function checkPrePush(ctx: DoctorContext): DoctorCheck {
  const id = 'pre-push-hook' as const;
  const loc = hooksLocation(ctx.root, ctx.env);
  if (!existsSync(loc.dir)) return { id, status: 'warn', code: 'push-hooks-dir-missing', params: { dir: loc.shown } };
  if (loc.husky) {
    const file = '.husky/pre-push';
    const text = readText(path.join(ctx.root, file));
    if (text !== undefined && runsPrePush(text)) return { id, status: 'ok', code: 'push-ok', params: { file } };
    return {
      id,
      status: 'warn',
      code: 'push-missing',
      params: { file },
      fix: `echo '${HUSKY_PUSH_LINE}' >> ${file}`,
      actions: [{ kind: 'append-hook-line', file, line: HUSKY_PUSH_LINE }],
    };
  }
  const file = `${loc.shown}/pre-push`;
  const abs = path.join(loc.dir, 'pre-push');
  const text = readText(abs);
  if (text !== undefined) {
    if (!runsPrePush(text))
      return {
        id,
        status: 'warn',
        code: 'push-other',
        params: { file },
        fix: `add to ${file}: ./node_modules/.bin/ak-hook check --pre-push "$@" || exit $?`,
      };
    if (!isExecutable(abs)) return { id, status: 'warn', code: 'push-not-executable', params: { file }, fix: `chmod +x ${file}` };
    return { id, status: 'ok', code: 'push-ok', params: { file } };
  }
  // Hooks shared by many repositories (a global hooksPath outside this clone) are not ours to write.
  const from = existsSync(path.join(ctx.root, 'node_modules/ak-hook/hooks/pre-push'))
    ? path.join(ctx.root, 'node_modules/ak-hook/hooks/pre-push')
    : packageFile('hooks/pre-push');
  const inside = !path.isAbsolute(loc.shown);
  return {
    id,
    status: 'warn',
    code: 'push-missing',
    params: { file },
    fix: `cp node_modules/ak-hook/hooks/pre-push ${file} && chmod +x ${file}`,
    ...(inside && from ? { actions: [{ kind: 'copy-hook' as const, file, from }] } : {}),
  };
}
