import type { Hash } from 'node:crypto';

/**
 * perf: node:crypto loaded on first use, not when the bundle loads: a clean commit hashes
 * nothing (a finding's fingerprint, a work-tree file checked against its blob id, a loose object
 * do), and loading the module costs a cold process a few milliseconds.
 */
function crypto(): typeof import('node:crypto') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof import('node:crypto');
}

export function createHash(algorithm: string): Hash {
  return crypto().createHash(algorithm);
}

/** One-shot digest of `data` (node:crypto's `hash`, Node >= 20.12), as hex. */
export function hash(algorithm: string, data: Buffer, encoding: 'hex'): string {
  return crypto().hash(algorithm, data, encoding);
}

export function scryptSync(...args: Parameters<typeof import('node:crypto').scryptSync>): Buffer {
  return crypto().scryptSync(...args);
}
