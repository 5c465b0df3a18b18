import { findRepoRoot } from '../../git/repo';
import { paint, useColor } from '../../report/colors';
import { SUGGEST_DOCTOR } from '../../report/messages/doctor-suggest';
import { scanCommits } from '../../scan-commits';
import { scanTree } from '../../scan-tree';
import { openSession } from '../../scan/session';
import { EXIT, type Command } from '../command';
import { usageError } from '../usage';
import { loadDoctor } from '../load-doctor';
import { version } from '../version';
import { langFor } from '../verify-lang';

/** The line `init` ends with (issue 13). */
export function suggestDoctor(values: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  return SUGGEST_DOCTOR[langFor(values, env)] + '\n';
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
    if (format !== 'text' && format !== 'json') throw usageError('badFormat', { allowed: 'text|json', value: format });
    const root = await findRepoRoot(ctx.cwd, ctx.env);
    const lib = await loadDoctor();
    const opts = {
      cwd: ctx.cwd,
      env: ctx.env,
      root,
      configPath: values.config as string | undefined,
      runningVersion: version(),
      history: values.history === true,
      scans: { openSession, scanTree, scanCommits },
    };
    const m = lib.doctorMessages(langFor(values, ctx.env));
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    const dry = values['dry-run'] === true;
    let checks = await lib.runDoctor(opts);
    let text = lib.renderDoctorChecks(checks, m, p);
    let changes: ReturnType<typeof lib.applyFixes> | undefined;
    if (values.fix || dry) {
      changes = lib.applyFixes(checks, { root, env: ctx.env, dryRun: dry });
      if (!dry && changes.length > 0) {
        checks = await lib.runDoctor(opts);
        // A fix can make another one possible (husky's folder back, then its pre-push hook): one more round.
        const more = lib.applyFixes(checks, { root, env: ctx.env, dryRun: false });
        if (more.length > 0) checks = await lib.runDoctor(opts);
        changes.push(...more);
      }
      text += lib.renderChanges(changes, dry, m);
      if (!dry && changes.length > 0) text += m.after + '\n' + lib.renderDoctorChecks(checks, m, p);
    }
    const exitCode = checks.some((c) => c.status === 'fail') ? EXIT.findings : EXIT.clean;
    return { exitCode, stdout: format === 'json' ? lib.renderDoctorJson(checks, m, changes) : text, stderr: '' };
  },
};
