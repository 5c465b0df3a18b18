import type { SecretShape } from './types';

/**
 * The shared judgement of whether a candidate looks like a real secret: entropy floors,
 * character classes, placeholders. Kept in one place and tested on its own.
 */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

export function charClasses(s: string): number {
  return (/[A-Z]/.test(s) ? 1 : 0) + (/[a-z]/.test(s) ? 1 : 0) + (/[0-9]/.test(s) ? 1 : 0);
}

/** Words that mark a value as a stand-in, not a credential. Lower case. */
export const PLACEHOLDER_WORDS: readonly string[] = [
  'xxxx',
  '****',
  '....',
  '____',
  'example',
  'sample',
  'placeholder',
  'your',
  'dummy',
  'changeme',
  'change_me',
  'replace',
  'redacted',
  'fake',
  'notreal',
  'secret_here',
  'todo',
  'fixme',
  'insert',
];

export function isPlaceholder(s: string): boolean {
  const low = s.toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (low.includes(w)) return true;
  return /(.)\1{5,}/.test(s) || hasSequentialRun(low, 6);
}

/** True when `s` holds `n` consecutive ascending or descending characters (abcdef, 987654). */
export function hasSequentialRun(s: string, n: number): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= n || down >= n) return true;
  }
  return false;
}

/** `GetCallerIdentityResponse`, `ListUsersRequest`: words, not randomness. */
export function looksLikeIdentifier(s: string): boolean {
  return /^(?:[A-Z][a-z]+|[A-Z]{2,}(?=[A-Z][a-z]|$)|[0-9]{1,3})+$/.test(s) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(s);
}

export function passesShape(secret: string, shape: SecretShape): boolean {
  const body = shape.stripPrefix && secret.startsWith(shape.stripPrefix) ? secret.slice(shape.stripPrefix.length) : secret;
  if (isPlaceholder(body)) return false;
  if (shape.minClasses !== undefined && charClasses(body) < shape.minClasses) return false;
  if (shape.minEntropy !== undefined && shannonEntropy(body) < shape.minEntropy) return false;
  if (shape.rejectIdentifiers && looksLikeIdentifier(body)) return false;
  if (shape.rejectHex && /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(body)) return false;
  return true;
}
