/** The config's "verify" switch (issue 13): live checks stay off unless it turns them on. */
export interface VerifyConfig {
  /** `ak-hook check` also asks the providers about the keys it finds (like `check --verify`). */
  check?: boolean;
  /** What an invalid key does in `check`: block (default) or only warn. */
  invalid?: 'block' | 'warn';
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Validates `"verify"`; each problem goes to `add(at, message, hint)`. */
export function validateVerifyConfig(v: unknown, add: (at: string, message: string, hint?: string) => void): VerifyConfig | undefined {
  if (v === undefined) return undefined;
  const hint = '"verify": { "check": true, "invalid": "block" }';
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    add('verify', `must be an object, got ${show(v)}`, hint);
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const out: VerifyConfig = {};
  for (const k of Object.keys(o))
    if (k !== 'check' && k !== 'invalid') add(`verify.${k}`, `unknown key "${k}"`, 'known keys: check, invalid');
  if (o.check !== undefined) {
    if (typeof o.check !== 'boolean') add('verify.check', `must be true or false, got ${show(o.check)}`, hint);
    else out.check = o.check;
  }
  if (o.invalid !== undefined) {
    if (o.invalid !== 'block' && o.invalid !== 'warn') add('verify.invalid', `must be "block" or "warn", got ${show(o.invalid)}`, hint);
    else out.invalid = o.invalid;
  }
  return out;
}
