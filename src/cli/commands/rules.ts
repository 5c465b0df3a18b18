import { catalogueRows, catalogueText } from '../../detect/catalogue';
import { customRulesHere } from '../../config/custom-rules-at';
import { RULES } from '../../detect/rules';
import type { Command } from '../command';
import { usageError } from '../usage';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the detection rules',
  positionals: false,
  options: { config: { type: 'string' }, format: { type: 'string' } },
  async run({ values, ctx, m }) {
    const format = (values?.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw usageError('badFormat', { value: format, allowed: 'text|json' });
    // The config's custom rules are listed after the built-in ones.
    const rules = [...RULES, ...(await customRulesHere(ctx.cwd, ctx.env, values.config as string | undefined))];
    if (format === 'text') return { exitCode: 0, stdout: catalogueText(rules), stderr: '' };
    // One JSON document: every rule with its name in the message language as well.
    const names = new Map(rules.map((r) => [r.id, r.name]));
    const rows = catalogueRows(rules).map((r) => ({ ...r, name: names.get(r.id)!, localName: m.ruleName(r.id, names.get(r.id)!) }));
    return { exitCode: 0, stdout: JSON.stringify({ rules: rows }, null, 2) + '\n', stderr: '' };
  },
};
