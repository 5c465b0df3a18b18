/**
 * The whole secret behind a (masked) finding, for `ak-hook verify` only. It is held by a
 * closure under a non-enumerable symbol key: JSON output, text reports, object spreads and
 * equality checks never see it, and inspecting a finding does not show it. `Symbol.for`:
 * the verify bundle (dist/verify.js) reads what the CLI bundle attached.
 */
const SECRET = Symbol.for('ak-hook.secret');

type Held = { [SECRET]?: () => string };

export function attachSecret(finding: object, secret: string): void {
  Object.defineProperty(finding, SECRET, { value: () => secret, enumerable: false });
}

export function secretOf(finding: object): string | undefined {
  return (finding as Held)[SECRET]?.();
}

/** Returns `to` holding the same secret as `from` (a finding copied by a spread). */
export function keepSecret<T extends object>(from: object, to: T): T {
  const get = (from as Held)[SECRET];
  if (get) Object.defineProperty(to, SECRET, { value: get, enumerable: false });
  return to;
}
