import { catalogueText } from '../../detect/catalogue';
import { customRulesHere } from '../../config/custom-rules-at';
import { RULES } from '../../detect/rules';
import type { Command } from '../command';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the detection rules',
  positionals: false,
  options: { config: { type: 'string' } },
  async run({ values, ctx }) {
    // The config's custom rules are listed after the built-in ones.
    const custom = await customRulesHere(ctx.cwd, ctx.env, values.config as string | undefined);
    return { exitCode: 0, stdout: catalogueText([...RULES, ...custom]), stderr: '' };
  },
};
