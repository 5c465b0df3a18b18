import { FINGERPRINT_RE } from './fingerprint';
import type { AllowEntry, Config, ConfigProblem } from './types';

const TOP_KEYS = new Set(['allow']);
const ENTRY_KEYS = new Set(['fingerprint', 'path', 'rule', 'reason', 'expires']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates a parsed config; reports every problem at once. */
export function validateConfig(raw: unknown): { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (!isObject(raw)) return { ok: false, problems: [{ at: '(root)', message: 'must be an object', hint: '{ "allow": [] }' }] };
  for (const k of Object.keys(raw)) {
    if (!TOP_KEYS.has(k)) problems.push({ at: k, message: `unknown key "${k}"`, hint: `known keys: ${[...TOP_KEYS].join(', ')}` });
  }
  const allow: AllowEntry[] = [];
  if (raw.allow !== undefined && !Array.isArray(raw.allow)) {
    problems.push({ at: 'allow', message: 'must be an array', hint: '"allow": [{ "fingerprint": "akfp1:…", "reason": "…" }]' });
  } else if (Array.isArray(raw.allow)) {
    raw.allow.forEach((e, i) => {
      const at = `allow[${i}]`;
      if (!isObject(e)) {
        problems.push({ at, message: 'must be an object' });
        return;
      }
      for (const k of Object.keys(e)) {
        if (!ENTRY_KEYS.has(k))
          problems.push({ at: `${at}.${k}`, message: `unknown key "${k}"`, hint: `known keys: ${[...ENTRY_KEYS].join(', ')}` });
      }
      for (const k of ENTRY_KEYS) {
        if (e[k] !== undefined && typeof e[k] !== 'string')
          problems.push({ at: `${at}.${k}`, message: `must be a string, got ${JSON.stringify(e[k])}` });
      }
      const entry = e as AllowEntry;
      if (entry.fingerprint === undefined && entry.path === undefined) {
        problems.push({ at, message: 'needs "fingerprint" or "path"', hint: 'copy the entry that the blocking message prints' });
      }
      if (typeof entry.fingerprint === 'string' && !FINGERPRINT_RE.test(entry.fingerprint)) {
        problems.push({
          at: `${at}.fingerprint`,
          message: `not a fingerprint: ${JSON.stringify(entry.fingerprint)}`,
          hint: 'expected akfp1: followed by 32 hex digits',
        });
      }
      if (typeof entry.path === 'string' && entry.path.trim() === '') problems.push({ at: `${at}.path`, message: 'must not be empty' });
      if (typeof entry.expires === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(entry.expires)) {
        problems.push({ at: `${at}.expires`, message: `not a date: ${JSON.stringify(entry.expires)}`, hint: 'use YYYY-MM-DD' });
      } else if (typeof entry.expires === 'string' && Number.isNaN(Date.parse(entry.expires))) {
        problems.push({ at: `${at}.expires`, message: `not a valid date: ${JSON.stringify(entry.expires)}` });
      }
      allow.push(entry);
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: { allow } };
}
