import type { Change } from '../doctor/apply-fixes';
import type { DoctorCheck } from '../doctor/types';
import type { Paint } from './colors';
import type { DoctorMessages } from './messages/doctor-en';

/** One line per check (status, name, message) and its fix command under it. */
export function renderDoctorChecks(checks: readonly DoctorCheck[], m: DoctorMessages, p: Paint): string {
  const out: string[] = [];
  for (const c of checks) {
    const st = m.status(c.status).padEnd(5);
    const colored = c.status === 'ok' ? p.green(st) : c.status === 'warn' ? p.yellow(st) : p.red(p.bold(st));
    out.push(`${colored} ${m.checkName(c.id)}: ${m.message(c.code, c.params)}`);
    if (c.status !== 'ok' && c.fix) out.push(`      ${m.fixLabel} ${c.fix}`);
  }
  const count = (s: DoctorCheck['status']) => checks.filter((c) => c.status === s).length;
  out.push(m.summary(count('fail'), count('warn'), count('ok')));
  return out.join('\n') + '\n';
}

export function renderChanges(changes: readonly Change[], dry: boolean, m: DoctorMessages): string {
  if (changes.length === 0) return m.noSafeFix + '\n';
  return changes.map((c) => `  ${m.change(c.action, dry, c.ok, c.error)}`).join('\n') + '\n';
}

/** The JSON contract: `{ "checks": [ { id, status, message, fix } ] }`. */
export function renderDoctorJson(checks: readonly DoctorCheck[], m: DoctorMessages, changes?: readonly Change[]): string {
  const doc = {
    checks: checks.map((c) => ({
      id: c.id,
      status: c.status,
      message: m.message(c.code, c.params),
      fix: c.status === 'ok' ? null : (c.fix ?? null),
    })),
    ...(changes ? { changes: changes.map((c) => ({ ...c.action, ok: c.ok, ...(c.error ? { error: c.error } : {}) })) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
