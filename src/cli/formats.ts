import { RULES } from '../detect/rules';
import { renderJson } from '../report/json';
import type { Messages } from '../report/messages';
import { renderSarif } from '../report/sarif';
import type { CheckResult } from '../scan/types';
import { usageError } from './usage';

export type Format = 'text' | 'json' | 'sarif';

export function parseFormat(v: unknown): Format {
  const f = (v as string | undefined) ?? 'text';
  if (f !== 'text' && f !== 'json' && f !== 'sarif') throw usageError('badFormat', { value: f, allowed: 'text|json|sarif' });
  return f;
}

/** What goes to stdout: nothing for text (the message is on stderr), else one document. */
export function renderStdout(format: Format, result: CheckResult, m: Messages, version: string, verify?: { results: object[] }): string {
  if (format === 'json') return renderJson(result, verify);
  if (format === 'sarif') return renderSarif(result, [...RULES, ...(result.config.customRules ?? [])], m, version);
  return '';
}
