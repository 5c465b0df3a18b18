import { usageError } from './usage';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `64MB`, `500k`, `1048576` -> bytes (binary units); 0 means no limit. */
export function parseSize(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(s);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw usageError('badSize', { value: s });
  const n = Math.floor(Number(m[1]) * unit);
  return n === 0 ? Infinity : n;
}

export function formatSize(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return 'the limit';
  if (n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MB`;
  if (n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}
