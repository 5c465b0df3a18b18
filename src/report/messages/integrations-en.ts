import type { SetupAction, SetupNote } from '../../setup/types';
import type { CommitsMode, Messages } from './types';

const s = (n: number) => (n === 1 ? '' : 's');
const WHERE: Record<CommitsMode, string> = { push: 'the commits being pushed', range: 'the commits scanned', history: 'the history' };

/** English texts of the integrations: commit ranges, pre-push, scan, init / uninstall. */
export const integrationsEn: Pick<
  Messages,
  | 'commitsBlockedTitle'
  | 'commitHeader'
  | 'commitsClean'
  | 'commitsFooter'
  | 'treeBlockedTitle'
  | 'treeClean'
  | 'treeFooter'
  | 'progress'
  | 'setupAction'
  | 'setupNote'
  | 'setupNothing'
  | 'setupNoPackageJson'
  | 'uninstallNothing'
  | 'setupCommandFailed'
> = {
  commitsBlockedTitle: (n, mode) => `ak-hook: ${mode === 'push' ? 'push blocked: ' : ''}${n} secret${s(n)} in ${WHERE[mode]}`,
  commitHeader: (sha, author, date) => `commit ${sha.slice(0, 12)}  ${author}  ${date}  (introduced here)`,
  commitsClean: (commits, allowed) =>
    `ak-hook: no secrets in ${commits} commit${s(commits)}${allowed > 0 ? ` (${allowed} allowed by the allowlist)` : ''}.`,
  commitsFooter: (mode) =>
    mode === 'push'
      ? 'Nothing was pushed. Remove the secrets from these commits (git rebase -i, git commit --amend), rotate the keys, and push again.'
      : 'A key that ever reached a commit must be rotated, even if a later commit removed it.',
  treeBlockedTitle: (n) => `ak-hook: ${n} secret${s(n)} in the tracked files`,
  treeClean: (files, allowed) =>
    `ak-hook: no secrets in ${files} tracked file${s(files)}${allowed > 0 ? ` (${allowed} allowed by the allowlist)` : ''}.`,
  treeFooter: 'Remove these secrets from the files and rotate the keys: they are in the history too (ak-hook scan --history).',
  progress: (done, total) => `ak-hook: scanning commits ${done}/${total}`,
  setupAction: (a: SetupAction, dry) => {
    const v = (now: string, past: string) => (dry ? `would ${now}` : past);
    switch (a.kind) {
      case 'install-husky':
        return `${v('run', 'ran')}: ${a.command}`;
      case 'prepare-script':
        return `${v('set', 'set')} package.json "scripts.prepare" to "${a.value}"`;
      case 'run-husky':
        return `${v('run', 'ran')}: husky (sets git config core.hooksPath=${a.hooksPath})`;
      case 'create-hook':
        return `${v('create', 'created')} ${a.file} running "${a.line}"`;
      case 'add-line':
        return `${v('add', 'added')} "${a.line}" to ${a.file}`;
      case 'remove-line':
        return `${v('remove', 'removed')} "${a.line}" from ${a.file}`;
      case 'delete-hook':
        return `${v('delete', 'deleted')} ${a.file} (nothing else was in it)`;
      case 'add-task':
        return `${v('add', 'added')} the lint-staged task "${a.glob}": "${a.command}" to ${a.file}`;
      case 'remove-task':
        return `${v('remove', 'removed')} the lint-staged task "${a.glob}": "${a.command}" from ${a.file}`;
    }
  },
  setupNote: (n: SetupNote) => {
    switch (n.kind) {
      case 'pre-push-offer':
        return 'To also scan what git push sends (commits made with --no-verify): npx --no ak-hook init --pre-push';
      case 'pre-push-manual':
        return `${n.file} already exists: add this line to it yourself, before anything that reads standard input: ${n.line}`;
      case 'lint-staged-offer':
        return 'This project uses lint-staged: ak-hook runs as its own line before lint-staged (faster than a lint-staged task). To run it as a lint-staged task instead: npx --no ak-hook init --lint-staged';
      case 'lint-staged-manual':
        return `lint-staged is configured in ${n.file}, which ak-hook does not edit. Add this task to it: ${n.task}`;
      case 'hooks-path':
        return `git config core.hooksPath is "${n.hooksPath}": the hook goes there; husky was not installed.`;
      case 'hooks-outside':
        return `git runs this repository's hooks from ${n.dir}, outside it (a global core.hooksPath, shared with other repositories): nothing was changed, so ak-hook does not run here yet. Fix, either: add this line to ${n.dir}/pre-commit (it then runs in every repository using those hooks): ${n.line}\nor give this repository its own hooks (the global ones then no longer run here): git config --local core.hooksPath .git/hooks && npx ak-hook init --plain`;
      case 'hook-not-shell':
        return `${n.file} is not a shell script (${n.shebang}): nothing was changed, so ak-hook does not run yet. Make that hook run this command first and stop the commit when it fails: ${n.line}`;
      case 'husky-kept':
        return 'husky and the "prepare" script were left in place (other hooks may use them).';
    }
  },
  setupNothing: 'ak-hook: already set up; nothing changed.',
  setupNoPackageJson: (dir) =>
    `ak-hook: no package.json in ${dir}, the repository's root. Run "ak-hook init" at the root of an npm project, or install plain git hooks into .git/hooks: npx ak-hook init --plain`,
  uninstallNothing: 'ak-hook: nothing to remove; nothing changed.',
  setupCommandFailed: (command, detail) => `ak-hook: "${command}" failed; the steps listed above were done, nothing after them.\n${detail}`,
};
