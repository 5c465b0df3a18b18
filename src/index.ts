export { check } from './check';
export type { CheckOptions, CheckResult, Finding, CheckStats } from './check';
export { scanFiles } from './scan/scan-files';
export { RULES } from './detect/rules';
export type { Rule, Detector, SecretShape } from './detect/types';
export { fingerprint } from './allowlist/fingerprint';
export { maskSecret } from './report/mask';
export { AkHookError } from './errors';
export type { GitBackend } from './git/backend';
export { nativeBackend } from './git/native';
export { run } from './cli/run';
// integrations (issue 4): commits, trees, SARIF
export { scanCommits } from './scan-commits';
export type { CommitFinding, CommitsResult, CommitInfo, CommitSelection } from './scan-commits';
export { scanTree } from './scan-tree';
export { renderSarif } from './report/sarif';
