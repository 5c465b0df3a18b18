import { catalogueRows, catalogueText } from '../../detect/catalogue';
import { RULES } from '../../detect/rules';
import type { Command } from '../command';
import { usageError } from '../usage';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the detection rules',
  positionals: false,
  options: { format: { type: 'string' } },
  async run({ values, m }) {
    const format = (values?.format as string | undefined) ?? 'text';
    if (format === 'text') return { exitCode: 0, stdout: catalogueText(RULES), stderr: '' };
    if (format !== 'json') throw usageError('badFormat', { value: format, allowed: 'text|json' });
    // One JSON document: every rule with its name in the message language as well.
    const names = new Map(RULES.map((r) => [r.id, r.name]));
    const rows = catalogueRows(RULES).map((r) => ({ ...r, name: names.get(r.id)!, localName: m.ruleName(r.id, names.get(r.id)!) }));
    return { exitCode: 0, stdout: JSON.stringify({ rules: rows }, null, 2) + '\n', stderr: '' };
  },
};
