import { RULES } from '../../detect/rules';
import type { Command } from '../command';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the detection rules',
  positionals: false,
  options: {},
  async run() {
    const lines = RULES.map((r) => `${r.id.padEnd(34)} ${r.provider.padEnd(14)} ${r.description}`);
    return { exitCode: 0, stdout: lines.join('\n') + '\n', stderr: '' };
  },
};
