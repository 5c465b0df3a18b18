import { init } from '../../setup/init';
import type { Command } from '../command';
import { setupOutput } from './setup-output';

export const initCommand: Command = {
  name: 'init',
  summary: 'Make every git commit run ak-hook (husky, an existing hooks folder, or lint-staged)',
  positionals: false,
  options: { 'dry-run': { type: 'boolean' }, 'lint-staged': { type: 'boolean' }, 'pre-push': { type: 'boolean' } },
  async run({ values, ctx, m }) {
    const dryRun = values['dry-run'] === true;
    return setupOutput(
      init({ cwd: ctx.cwd, env: ctx.env, dryRun, lintStaged: values['lint-staged'] === true, prePush: values['pre-push'] === true }),
      m,
      dryRun,
      m.setupNothing,
      'init',
    );
  },
};
