import { init } from '../../setup/init';
import { initPlain } from '../../setup/init-plain';
import type { Command } from '../command';
import { setupOutput } from './setup-output';
import { suggestDoctor } from './doctor';

export const initCommand: Command = {
  name: 'init',
  summary: 'Make every git commit run ak-hook (husky, an existing hooks folder, or lint-staged)',
  positionals: false,
  options: { 'dry-run': { type: 'boolean' }, 'lint-staged': { type: 'boolean' }, plain: { type: 'boolean' } },
  async run({ values, ctx, m }) {
    const dryRun = values['dry-run'] === true;
    const opts = { cwd: ctx.cwd, env: ctx.env, dryRun, lintStaged: values['lint-staged'] === true };
    // --plain: hook files in .git/hooks, no husky (issue 9)
    const r = setupOutput(values.plain === true ? initPlain(opts) : init(opts), m, dryRun, m.setupNothing);
    return r.exitCode === 0 && !dryRun && r.stdout !== m.setupNothing + '\n'
      ? { ...r, stdout: r.stdout + suggestDoctor(values, ctx.env) }
      : r;
  },
};
