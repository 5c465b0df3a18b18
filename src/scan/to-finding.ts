import { fingerprint } from '../allowlist/fingerprint';
import type { RawFinding, Rule } from '../detect/types';
import { maskSecret } from '../report/mask';
import { attachSecret } from './secret-handle';
import type { Finding, ScanStats } from './types';

export function toFinding(raw: RawFinding, rule: Rule, file: string): Finding {
  const f: Finding = {
    ruleId: rule.id,
    ruleName: rule.name,
    provider: rule.provider,
    severity: rule.severity,
    advice: raw.advice ?? rule.adviceFor?.(raw.secret) ?? rule.advice,
    file,
    line: raw.line,
    column: raw.column,
    secret: maskSecret(raw.secret, rule.kind),
    fingerprint: '',
    ...(raw.wholeFile ? { wholeFile: true as const } : {}),
  };
  // Computed on first read: a password fingerprint is a slow scrypt, and a finding suppressed
  // by a path entry or an inline marker never needs one.
  let fp: string | undefined;
  attachSecret(f, raw.secret);
  Object.defineProperty(f, 'fingerprint', { enumerable: true, get: () => (fp ??= fingerprint(rule.id, raw.secret, rule.kind)) });
  return f;
}

export function emptyStats(): ScanStats {
  return { filesChanged: 0, filesScanned: 0, linesScanned: 0, textRuns: [], unscanned: [], otherSkipped: 0 };
}
