import type { Advice } from '../../detect/types';
import type { SetupAction, SetupNote } from '../../setup/types';

/** What a scan of commits covers: a push, a range given by hand, or the whole history. */
export type CommitsMode = 'push' | 'range' | 'history';

/** Every user-facing string, one implementation per language. */
export interface Messages {
  blockedTitle(n: number): string;
  why(advice: Advice): string;
  fix(advice: Advice): string;
  allowHow(configFile: string): string;
  allowLabel: string;
  whyLabel: string;
  fixLabel: string;
  summaryBlocked(found: number, allowed: number): string;
  summaryClean(scanned: number, allowed: number): string;
  binarySkipped(n: number): string;
  expiredEntry(at: string, expires: string): string;
  noChanges: string;
  errorPrefix: string;
  errorHint(code: string): string;
  configProblem(at: string, message: string, hint?: string): string;
  // integrations (issue 4): commit ranges, pre-push, scan, init / uninstall
  commitsBlockedTitle(n: number, mode: CommitsMode): string;
  commitHeader(sha: string, author: string, date: string): string;
  commitsClean(commits: number, allowed: number): string;
  commitsSummary(found: number, allowed: number, mode: CommitsMode): string;
  treeBlockedTitle(n: number): string;
  treeClean(files: number, allowed: number): string;
  treeSummary(found: number, allowed: number): string;
  progress(done: number, total: number): string;
  setupAction(a: SetupAction, dryRun: boolean): string;
  setupNote(n: SetupNote): string;
  setupNothing: string;
  setupDryRun: string;
  setupNoPackageJson(dir: string): string;
  uninstallNothing: string;
  setupCommandFailed(command: string, detail: string): string;
}
