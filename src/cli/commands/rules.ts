import { catalogueText } from '../../detect/catalogue';
import { RULES } from '../../detect/rules';
import type { Command } from '../command';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the detection rules',
  positionals: false,
  options: {},
  async run() {
    return { exitCode: 0, stdout: catalogueText(RULES), stderr: '' };
  },
};
