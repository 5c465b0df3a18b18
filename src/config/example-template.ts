/**
 * `{{alnum:32}}`-style tokens in a custom rule's examples, filled with random characters from a
 * generator seeded by the text itself (the same example always expands the same way). They let
 * a config hold a positive example without holding a token-shaped string, which ak-hook would
 * otherwise find in the config file itself when it is committed.
 */
import { customRuleText, type Said } from './messages';

const SETS: Record<string, string> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  digits: '0123456789',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz0123456789',
};
export const TEMPLATE_TOKEN = /\{\{([a-z]+):(\d+)\}\}/g;
export const TEMPLATE_NAMES = Object.keys(SETS);

/** An unknown token name or a length above 1,000, or null when the text's tokens are fine. */
export function templateProblem(text: string): Said | null {
  for (const m of text.matchAll(TEMPLATE_TOKEN)) {
    if (!(m[1] in SETS)) return customRuleText.unknownToken(m[1], TEMPLATE_NAMES);
    if (Number(m[2]) < 1 || Number(m[2]) > 1000) return customRuleText.badTokenLength(m[1], m[2]);
  }
  return null;
}

export function expandTemplate(text: string): string {
  // xorshift32 seeded with FNV-1a of the text
  let seed = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 0x01000193) >>> 0;
  let x = seed || 1;
  const next = (n: number): number => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
  return text.replace(TEMPLATE_TOKEN, (all, name: string, len: string) => {
    const set = SETS[name];
    if (!set) return all;
    let out = '';
    for (let i = 0; i < Number(len); i++) out += set[next(set.length)];
    return out;
  });
}
