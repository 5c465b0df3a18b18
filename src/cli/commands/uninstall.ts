import { uninstall } from '../../setup/uninstall';
import type { Command } from '../command';
import { setupOutput } from './setup-output';

export const uninstallCommand: Command = {
  name: 'uninstall',
  summary: 'Remove what ak-hook init added',
  positionals: false,
  options: { 'dry-run': { type: 'boolean' } },
  async run({ values, ctx, m }) {
    const dryRun = values['dry-run'] === true;
    return setupOutput(uninstall({ cwd: ctx.cwd, env: ctx.env, dryRun }), m, dryRun, m.uninstallNothing, 'uninstall');
  },
};
