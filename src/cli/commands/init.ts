import { init } from '../../setup/init';
import type { Command } from '../command';
import { setupOutput } from './setup-output';
import { suggestDoctor } from './doctor';

export const initCommand: Command = {
  name: 'init',
  summary: 'Make every git commit run ak-hook (husky, an existing hooks folder, or lint-staged)',
  positionals: false,
  options: { 'dry-run': { type: 'boolean' }, 'lint-staged': { type: 'boolean' } },
  async run({ values, ctx, m }) {
    const dryRun = values['dry-run'] === true;
    const r = setupOutput(
      init({ cwd: ctx.cwd, env: ctx.env, dryRun, lintStaged: values['lint-staged'] === true }),
      m,
      dryRun,
      m.setupNothing,
    );
    return r.exitCode === 0 && !dryRun && r.stdout !== m.setupNothing + '\n'
      ? { ...r, stdout: r.stdout + suggestDoctor(values, ctx.env) }
      : r;
  },
};
