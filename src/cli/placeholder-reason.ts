import { en } from '../report/messages/en';
import { zh } from '../report/messages/zh';

/** Reasons that say nothing: the printed placeholder (in every language) and the usual fillers. */
const PLACEHOLDERS = new Set(
  [
    en.reasonPlaceholder,
    zh.reasonPlaceholder,
    'todo',
    'tbd',
    'fixme',
    'xxx',
    'reason',
    'placeholder',
    'n/a',
    'na',
    'none',
    'test',
    'ok',
    'safe',
  ].map((s) => s.toLowerCase()),
);

/** True for a reason a reviewer learns nothing from: a placeholder, `<…>`, or only punctuation. */
export function isPlaceholderReason(reason: string): boolean {
  const r = reason.trim().toLowerCase();
  return PLACEHOLDERS.has(r) || PLACEHOLDERS.has(r.replace(/^<(.*)>$/, '$1')) || !/[\p{L}\p{N}]/u.test(r);
}
