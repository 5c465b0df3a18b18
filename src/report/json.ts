import type { CheckResult, Finding } from '../check';

/**
 * The stable JSON contract: exactly one document, masked secrets only. `verify`: the live check's
 * results when one was made (check --verify, issue 13), as `ak-hook verify --format json` has them.
 */
export function renderJson(result: CheckResult, verify?: { results: object[] }): string {
  const shape = (f: Finding) => ({
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    provider: f.provider,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    secret: f.secret,
    fingerprint: f.fingerprint,
    ...(f.suppressedBy ? { suppressedBy: f.suppressedBy } : {}),
    ...('commit' in f ? { commit: f.commit } : {}),
    ...(f.related ? { related: f.related } : {}),
  });
  return (
    JSON.stringify(
      {
        findings: result.findings.map(shape),
        suppressed: result.suppressed.map(shape),
        expiredEntries: result.expiredEntries,
        stats: { ...result.stats },
        ...('unreadable' in result && (result.unreadable as unknown[]).length > 0 ? { unreadable: result.unreadable } : {}),
        ...('unreadableFiles' in result && (result.unreadableFiles as unknown[]).length > 0
          ? { unreadableFiles: result.unreadableFiles }
          : {}),
        ...(result.configChange
          ? {
              configChange: {
                files: result.configChange.files,
                excluded: result.configChange.excluded,
                rulesOff: result.configChange.rulesOff,
                ...(result.configChange.base !== undefined ? { base: result.configChange.base } : {}),
                allowed: result.configChange.allowed.map((f) => ({ ...shape(f), unblockedBy: f.unblockedBy })),
              },
            }
          : {}),
        ...(verify ? { verify: { results: verify.results } } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}
