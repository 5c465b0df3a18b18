/** The config's "verify" switch (issue 13): live checks stay off unless it turns them on. */
export interface VerifyConfig {
  /** `ak-hook check` also asks the providers about the keys it finds (like `check --verify`). */
  check?: boolean;
  /** What an invalid key does in `check`: block (default) or only warn. */
  invalid?: 'block' | 'warn';
}

import { say, type Said } from '../config/messages';

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Validates `"verify"`; each problem goes to `add(at, words)`. */
export function validateVerifyConfig(v: unknown, add: (at: string, w: Said) => void): VerifyConfig | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    add('verify', say('verifyNotObject', { value: show(v) }));
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const out: VerifyConfig = {};
  for (const k of Object.keys(o))
    if (k !== 'check' && k !== 'invalid') add(`verify.${k}`, say('unknownKey', { key: k, known: 'check, invalid' }));
  if (o.check !== undefined) {
    if (typeof o.check !== 'boolean') add('verify.check', say('verifyNotBoolean', { value: show(o.check) }));
    else out.check = o.check;
  }
  if (o.invalid !== undefined) {
    if (o.invalid !== 'block' && o.invalid !== 'warn') add('verify.invalid', say('verifyBadInvalid', { value: show(o.invalid) }));
    else out.invalid = o.invalid;
  }
  return out;
}
