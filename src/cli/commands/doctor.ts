import { applyFixes, type Change } from '../../doctor/apply-fixes';
import { runDoctor } from '../../doctor/doctor';
import { AkHookError } from '../../errors';
import { findRepoRoot } from '../../git/repo';
import { paint, useColor } from '../../report/colors';
import { renderChanges, renderDoctorChecks, renderDoctorJson } from '../../report/doctor-text';
import { doctorEn } from '../../report/messages/doctor-en';
import { doctorZh } from '../../report/messages/doctor-zh';
import { EXIT, type Command } from '../command';
import { version } from '../version';
import { langFor } from '../verify-lang';

/** The line `init` ends with (issue 13). */
export function suggestDoctor(values: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  return (langFor(values, env) === 'zh' ? doctorZh : doctorEn).suggestDoctor + '\n';
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check that this clone really stops a key: hooks, version, config, .gitignore, CI (--fix: apply the safe fixes)',
  positionals: false,
  options: {
    format: { type: 'string' },
    config: { type: 'string' },
    history: { type: 'boolean' },
    fix: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run({ values, ctx }) {
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new AkHookError('E_USAGE', `--format must be text or json, got "${format}"`);
    const root = await findRepoRoot(ctx.cwd, ctx.env);
    const opts = {
      cwd: ctx.cwd,
      env: ctx.env,
      root,
      configPath: values.config as string | undefined,
      runningVersion: version(),
      history: values.history === true,
    };
    const m = langFor(values, ctx.env) === 'zh' ? doctorZh : doctorEn;
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    const dry = values['dry-run'] === true;
    let checks = await runDoctor(opts);
    let text = renderDoctorChecks(checks, m, p);
    let changes: Change[] | undefined;
    if (values.fix || dry) {
      changes = applyFixes(checks, { root, env: ctx.env, dryRun: dry });
      if (!dry && changes.length > 0) {
        checks = await runDoctor(opts);
        // A fix can make another one possible (husky's folder back, then its pre-push hook): one more round.
        const more = applyFixes(checks, { root, env: ctx.env, dryRun: false });
        if (more.length > 0) checks = await runDoctor(opts);
        changes.push(...more);
      }
      text += renderChanges(changes, dry, m);
      if (!dry && changes.length > 0) text += m.after + '\n' + renderDoctorChecks(checks, m, p);
    }
    const exitCode = checks.some((c) => c.status === 'fail') ? EXIT.findings : EXIT.clean;
    return { exitCode, stdout: format === 'json' ? renderDoctorJson(checks, m, changes) : text, stderr: '' };
  },
};
