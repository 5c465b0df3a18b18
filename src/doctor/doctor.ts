import { checkAllowlist } from './check-allowlist';
import { checkCi } from './check-ci';
import { checkConfig } from './check-config';
import { checkGitignore } from './check-gitignore';
import { checkHistory } from './check-history';
import { checkPreCommit } from './check-pre-commit';
import { checkPrePush } from './check-pre-push';
import { checkVersion } from './check-version';
import type { CheckId, DoctorCheck, DoctorContext } from './types';

export interface DoctorOptions extends DoctorContext {
  /** Also summarise the secrets in the history (reads every commit). */
  history?: boolean;
}

/** Runs every check; a check that cannot run is a warning naming the reason, never a crash. Never prints. */
export async function runDoctor(opts: DoctorOptions): Promise<DoctorCheck[]> {
  const guard = async (id: CheckId, f: () => DoctorCheck | Promise<DoctorCheck>): Promise<DoctorCheck> => {
    try {
      return await f();
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      // A typed error's words by id too, so the message modules can say it in every language.
      const text = (e as { data?: { text?: { id: string; args: unknown } } }).data?.text;
      const words: Record<string, string> = text ? { textId: text.id, textArgs: JSON.stringify(text.args) } : {};
      return { id, status: 'warn', code: 'check-error', params: { error, ...words } };
    }
  };
  const checks: DoctorCheck[] = [];
  checks.push(await guard('pre-commit-hook', () => checkPreCommit(opts)));
  checks.push(await guard('pre-push-hook', () => checkPrePush(opts)));
  checks.push(await guard('version', () => checkVersion(opts)));
  const config = await guard('config', () => checkConfig(opts));
  checks.push(config);
  checks.push(await guard('allowlist', () => checkAllowlist(opts, config.status === 'ok')));
  checks.push(await guard('gitignore', () => checkGitignore(opts)));
  checks.push(await guard('ci', () => checkCi(opts)));
  if (opts.history) checks.push(await guard('history', () => checkHistory(opts)));
  return checks;
}
