import type { Rule, Severity } from '../detect/types';
import type { CommitInfo } from '../git/commits';
import type { Finding } from '../scan/types';
import type { Messages } from './messages';

type SarifFinding = Finding & { commit?: CommitInfo };

const LEVEL: Record<Severity, 'error' | 'warning'> = { critical: 'error', high: 'error', medium: 'warning' };
/** GitHub code scanning reads this property to rank security alerts (0.0–10.0). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5' };

/**
 * SARIF 2.1.0 (one run): rule metadata with help text, one result per finding with the
 * masked secret only, allowed findings as suppressed results. Paths are relative to the
 * repository root (`%SRCROOT%`), as GitHub code scanning expects.
 */
export function renderSarif(
  result: {
    findings: readonly SarifFinding[];
    suppressed: readonly SarifFinding[];
    unreadable?: ReadonlyArray<{ sha: string; reason: string }>;
  },
  rules: readonly Rule[],
  m: Messages,
  version: string,
): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const steps = (a: Rule['advice']) => m.fixSteps(a).map((step, i) => `${i + 1}. ${step}`);
  const result1 = (f: SarifFinding) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? -1,
    level: LEVEL[f.severity],
    message: { text: `${f.ruleName} (${f.secret})${f.commit ? ` introduced by commit ${f.commit.sha}` : ''}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
          // Line 0: the secret is in the path (no region in the file).
          ...(f.line > 0 ? { region: { startLine: f.line, startColumn: f.column } } : {}),
        },
      },
    ],
    partialFingerprints: { 'akHookFingerprint/v1': f.fingerprint },
    ...(f.suppressedBy
      ? { suppressions: [{ kind: f.suppressedBy.by === 'inline' ? 'inSource' : 'external', justification: suppressionReason(f) }] }
      : {}),
    properties: {
      maskedSecret: f.secret,
      ...(f.commit ? { commit: f.commit.sha, author: f.commit.author, date: f.commit.date } : {}),
    },
  });
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ak-hook',
            version,
            informationUri: 'https://www.npmjs.com/package/ak-hook',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.name },
              fullDescription: { text: r.description },
              help: {
                text: `${m.why(r.advice)}\n${steps(r.advice).join('\n')}`,
                markdown: `**${r.name}** (${r.provider}): ${r.description}\n\n${m.why(r.advice)}\n\n${steps(r.advice).join('\n')}`,
              },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ['security', 'secret'], precision: 'high', 'security-severity': SECURITY_SEVERITY[r.severity] },
            })),
          },
        },
        // Commits or files that could not be read: the run is incomplete (issue 9).
        invocations: [invocation(result)],
        columnKind: 'utf16CodeUnits',
        results: [...result.findings, ...result.suppressed].map(result1),
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function suppressionReason(f: Finding): string {
  const s = f.suppressedBy;
  if (!s || s.by === 'inline') return 'ak-hook-allow comment';
  if (s.by === 'baseline') return 'in the baseline (.akhook-baseline.json)';
  return s.reason ? s.reason : `allow entry #${s.entry}`;
}

/**
 * A repository path as a relative URI reference: each segment percent-encoded, so `#`, `?`
 * and `:` stay part of the name (encodeURI would read `a#b.txt` as `a` with a fragment).
 */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function invocation(result: { unreadable?: ReadonlyArray<{ sha: string; reason: string }>; unreadableFiles?: readonly string[] }): object {
  const notes = [
    ...(result.unreadable ?? []).map((u) => `commit ${u.sha} could not be read: ${u.reason}`),
    ...(result.unreadableFiles ?? []).map((f) => `tracked file ${f} could not be read`),
  ];
  if (notes.length === 0) return { executionSuccessful: true };
  return {
    executionSuccessful: false,
    exitCode: 2,
    toolExecutionNotifications: notes.map((text) => ({ level: 'error', message: { text }, descriptor: { id: 'E_GIT_FAILED' } })),
  };
}
