import type { Advice } from '../../detect/types';

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
  // detection catalogue (issue 3)
  pairedWith(where: string): string;
}
