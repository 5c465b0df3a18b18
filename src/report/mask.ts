/**
 * Masks a secret for display: enough to recognise it, never enough to use it.
 * Long keys keep their first and last four characters (`LTAI…Q9xZ`); shorter
 * secrets keep less, and passwords keep nothing but their length.
 */
export function maskSecret(secret: string, kind: 'key' | 'password' = 'key'): string {
  const chars = [...secret];
  const n = chars.length;
  if (kind === 'password' || n < 12) return `${'*'.repeat(Math.min(n, 8))} (${n} chars)`;
  const keep = n >= 20 ? 4 : 2;
  return `${chars.slice(0, keep).join('')}…${chars.slice(n - keep).join('')}`;
}
