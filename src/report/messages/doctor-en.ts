import type { CheckId, CheckStatus, FixAction } from '../../doctor/types';
import { SUGGEST_DOCTOR } from './doctor-suggest';

/** Texts of `ak-hook doctor` (issue 13), one implementation per language. */
export interface DoctorMessages {
  checkName(id: CheckId): string;
  status(s: CheckStatus): string;
  message(code: string, p: Record<string, string | number>): string;
  fixLabel: string;
  change(a: FixAction, dry: boolean, ok: boolean, error?: string): string;
  noSafeFix: string;
  after: string;
  summary(fail: number, warn: number, ok: number): string;
  /** The line `init` ends with. */
  suggestDoctor: string;
}

type P = Record<string, string | number>;
const n = (v: string | number | undefined) => Number(v ?? 0);
const s = (v: string | number | undefined) => (n(v) === 1 ? '' : 's');

const MESSAGES: Record<string, (p: P) => string> = {
  'hook-ok': (p) => `git runs ${p.file}, and it runs ak-hook${p.hooksPath ? ` (core.hooksPath ${p.hooksPath}, ${p.scope} config)` : ''}.`,
  'husky-dir-missing': (p) =>
    `core.hooksPath is ${p.dir}, which does not exist (a new worktree, or husky never ran here): git runs NO hook, silently.`,
  'husky-not-installed': (p) =>
    `core.hooksPath is ${p.dir}, which does not exist, and husky is not installed (node_modules is missing: run npm ci first): git runs NO hook.`,
  'husky-sparse': (p) => `sparse checkout left ${p.dir} out of this working tree: husky's hooks are gone and git runs NO hook, silently.`,
  'hooks-path-missing': (p) => `core.hooksPath (${p.scope} config) names ${p.dir}, which does not exist: git runs NO hook, silently.`,
  'hook-missing': (p) => `${p.file} does not exist: nothing runs ak-hook before a commit.`,
  'hook-not-executable': (p) => `${p.file} is not executable: git skips it (and says so only as a hint).`,
  'hook-no-ak-hook': (p) => `${p.file} does not run ak-hook (nor lint-staged or pre-commit with ak-hook in their config).`,
  'push-ok': (p) => `${p.file} runs ak-hook check --pre-push.`,
  'push-missing': (p) => `no pre-push hook runs ak-hook (${p.file}): a commit made with --no-verify would be pushed unchecked.`,
  'push-other': (p) => `${p.file} exists but does not run ak-hook check --pre-push.`,
  'push-not-executable': (p) => `${p.file} is not executable: git skips it.`,
  'push-hooks-dir-missing': (p) => `the hooks folder ${p.dir} does not exist (see the pre-commit check).`,
  'version-not-dependency': (p) => `ak-hook ${p.running} runs here; it is not a dependency in package.json.`,
  'version-not-installed': (p) => `package.json asks for ak-hook ${p.range}, but node_modules has none.`,
  'version-mismatch': (p) => `package.json asks for ak-hook ${p.range}, but node_modules has ${p.installed}.`,
  'version-running-differs': (p) =>
    `node_modules has ak-hook ${p.installed}, but this command is ak-hook ${p.running} (another copy, e.g. a global install).`,
  'version-ok': (p) => `ak-hook ${p.installed} is installed, as package.json asks (${p.range}).`,
  'version-unknown-range': (p) => `ak-hook ${p.installed} is installed (package.json: ${p.range}).`,
  'config-none': () => 'no config file: the defaults apply.',
  'config-ok': (p) => `${p.file} is valid.`,
  'config-invalid': (p) =>
    `${p.file} is not valid (${p.count} problem${s(p.count)}; first: ${p.detail}): every check and commit stops on it.`,
  'allowlist-ok': () => 'no allow entry has expired or gone stale, and the baseline is current.',
  'allowlist-stale': (p) =>
    `${n(p.expired)} expired and ${n(p.unused)} stale allow entr${n(p.unused) === 1 ? 'y' : 'ies'}, ${n(p.baseline)} baselined finding${s(p.baseline)} no longer in the files.`,
  'allowlist-skipped': () => 'skipped: the config is not valid.',
  'gitignore-ok': () => '.gitignore covers credential files (.env*, keys, .aliyun/, .ossutilconfig, credentials) and keeps .env.example.',
  'gitignore-missing': (p) => `.gitignore does not cover: ${p.lines}`,
  'ci-ok': (p) => `${p.file} runs ak-hook on the pushed range.`,
  'ci-no-range': (p) => `${p.file} runs ak-hook, but not on the pushed range of commits (check --range).`,
  'ci-no-ak-hook': (p) => `no CI workflow runs ak-hook (${p.files}): a commit made with --no-verify reaches the repository unchecked.`,
  'ci-missing': () => 'no CI workflow (GitHub Actions, GitLab CI) runs ak-hook on pushed commits.',
  'history-clean': (p) => `no secrets in ${p.commits} commit${s(p.commits)} of history.`,
  'history-secrets': (p) =>
    `${p.secrets} secret${s(p.secrets)} in ${p.commits} commit${s(p.commits)} of history (${p.rules}): rotate them, removing them from the files is not enough.`,
  'check-error': (p) => `could not check: ${p.error}`,
};

const NAMES: Record<CheckId, string> = {
  'pre-commit-hook': 'pre-commit hook',
  'pre-push-hook': 'pre-push hook',
  version: 'version',
  config: 'config',
  allowlist: 'allowlist',
  gitignore: '.gitignore',
  ci: 'CI',
  history: 'history',
};

export const doctorEn: DoctorMessages = {
  checkName: (id) => NAMES[id],
  status: (st) => ({ ok: 'ok', warn: 'warn', fail: 'FAIL' })[st],
  message: (code, p) => (MESSAGES[code] ?? (() => code))(p),
  fixLabel: 'fix:',
  change: (a, dry, ok, error) => {
    const what =
      a.kind === 'append-gitignore'
        ? `append to .gitignore: ${a.lines.join(' ')}`
        : a.kind === 'run-husky'
          ? 're-create .husky/_ (node node_modules/husky/bin.js)'
          : a.kind === 'append-hook-line'
            ? `add "${a.line}" to ${a.file}`
            : `install ${a.file} (a copy of ak-hook's hooks/pre-push)`;
    return `${dry ? 'would ' : ok ? 'done: ' : 'FAILED: '}${what}${error ? ` (${error})` : ''}`;
  },
  noSafeFix: 'nothing doctor can fix by itself: run the fix commands above.',
  after: 'after the fixes:',
  summary: (fail, warn, ok) => `ak-hook doctor: ${fail} failed, ${warn} warning${s(warn)}, ${ok} ok.`,
  suggestDoctor: SUGGEST_DOCTOR.en,
};
