import { HELP_EN } from './help-en';
import type { Advice } from '../../detect/types';
import type { Messages, UnscannedItem } from './types';
import { integrationsEn } from './integrations-en';
import { cliEn } from './cli-en';

const WHY: Record<Advice, string> = {
  alibaba:
    'An AccessKey is the only identity a program needs to call Alibaba Cloud APIs as your account: a leaked key means data loss, hijacked servers and bills.',
  'alibaba-sts':
    'An STS credential acts as your account until it expires; tokens copied from logs and scripts are replayed within minutes.',
  cloud: 'A cloud access key lets anyone who reads it act as your account.',
  token: 'An API token lets anyone who reads it act as you on that service.',
  key: 'A private key lets anyone who reads it log in, sign or decrypt as its owner (SSH servers, TLS sites, releases, payments) until every place that trusts its public half stops trusting it.',
  'shared-key':
    'A shared secret key (a VPN static or tls-crypt key, a Kerberos keytab, a git-crypt or DNS TSIG key) lets anyone who reads it decrypt, sign or log in as the hosts that share it, until every one of them uses a new key.',
  password: 'A committed password is readable by everyone with access to the repository, forever, in its history.',
};

/** A list shown in one line: the first ten, then how many more (issue 9). */
const list = (xs: string[]) => (xs.length > 10 ? `${xs.slice(0, 10).join(', ')} (+${xs.length - 10})` : xs.join(', '));

const FIX: Record<Advice, string> = {
  alibaba:
    'Remove it and read the key from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET), a credentials file or a secret manager. Rotate it now in the RAM console (create a new AccessKey, switch to it, disable then delete this one): a staged key may already be copied elsewhere. Use a RAM user with least privilege, never the root account, and check ActionTrail for use of this key.',
  'alibaba-sts':
    'Remove it; have the program obtain STS credentials at run time (AssumeRole through the SDK credentials chain). If it is still valid, revoke the role session or tighten the role policy, and check ActionTrail.',
  cloud: 'Remove it, read it from the environment or a secret manager, and rotate it in the provider console.',
  token: 'Remove it, read it from the environment or a secret manager, and revoke it in the service.',
  key: 'Remove the key file from the commit (and add it to .gitignore); make a new key pair, install its public key where the old one was trusted (authorized_keys, certificates, merchant platform), then remove the old public key there.',
  'shared-key':
    "Remove the key file from the commit (and add it to .gitignore); generate a new key, install it on every host or peer that shares it, then retire the old one (for a keytab: change the principal's password or key version in the KDC).",
  password: 'Remove it, read it from the environment or a secret manager, and change the password.',
};

// --- allowlist, baseline and the blocking message (issue 6): what to do now, step by step ---
const FIX_STEPS: Partial<Record<Advice, string[]>> = {
  alibaba: [
    'Remove it from the file; read the key at run time from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET), a credentials file or a secret manager (KMS).',
    'Rotate it now in the RAM console: create a new AccessKey, switch your programs to it, disable the old one, then delete it. A staged key may already have been copied elsewhere.',
    "Use a RAM user with only the permissions it needs (least privilege), never the root account's AccessKey.",
    'Check ActionTrail for calls made with this key.',
  ],
};

export const en: Messages = {
  blockedTitle: (n) => `ak-hook: commit blocked: ${n} secret${n === 1 ? '' : 's'} in the staged changes`,
  why: (a) => WHY[a],
  fix: (a) => FIX[a],
  allowHow: (file) =>
    `False positive? Put a comment "ak-hook-allow <rule-id>" on the line or the line above (any comment syntax), or paste the finding's "allow" entry into the "allow" list of ${file} with a reason.`,
  allowLabel: 'allow:',
  whyLabel: 'Why it matters:',
  fixLabel: 'What to do now:',
  summaryBlocked: (found, allowed) =>
    `${found} secret${found === 1 ? '' : 's'} blocked${allowed > 0 ? `, ${allowed} allowed` : ''}. Nothing was committed; fix the lines above and commit again.`,
  summaryClean: (scanned, allowed) =>
    `ak-hook: no secrets in ${scanned} staged file${scanned === 1 ? '' : 's'}${allowed > 0 ? ` (${allowed} allowed by the allowlist)` : ''}.`,
  expiredEntry: (at, expires) => `allow entry ${at} expired on ${expires} and no longer applies.`,
  noChanges: 'ak-hook: nothing staged to check.',
  errorPrefix: 'ak-hook: error:',
  errorHint: (code, stopped = 'commit') => {
    // What stopped: the commit in a pre-commit hook, the push in pre-push, the scan otherwise.
    const stop = {
      commit: 'the commit was stopped to be safe',
      push: 'the push was stopped to be safe',
      scan: 'the scan stopped',
      none: '',
    }[stopped];
    const then = (fix: string) => (stop ? `${fix}; ${stop}.` : `${fix}.`);
    const hints: Record<string, string> = {
      E_USAGE: 'Run "ak-hook --help" for usage.',
      E_NOT_A_REPO: 'Run it inside a git repository.',
      E_GIT_MISSING: 'Install git, or put it on PATH (without git: npm i -D isomorphic-git, the pure-JavaScript reader).',
      E_GIT_FAILED: then('Check the repository with "git status"'),
      E_GIT_OUTPUT: `Unexpected output from git${stop ? `; ${stop}` : ''}. Please report it.`,
      E_CONFIG_PARSE: then('Fix the config file (or run with --config pointing at a good one)'),
      E_CONFIG_INVALID: then('Fix the entries listed above'),
      E_PATH_OUTSIDE_REPO: 'Pass paths inside the repository.',
      E_WRITE_FAILED: 'Make the file and its folder writable and run it again; nothing was changed.',
      // perf: backends
      E_GIT_UNSUPPORTED: then('Run with --git-backend native (needs git on PATH)'),
    };
    return hints[code] ?? `${stop ? stop[0].toUpperCase() + stop.slice(1) + '. ' : ''}Please report this.`;
  },
  configProblem: ({ at, message, hint }) => `  ${at}: ${message}${hint ? ` (${hint})` : ''}`,
  // --- fail closed, no silent holes (issue 9) ---
  configChangeTitle: (files, base) =>
    base === undefined
      ? `ak-hook: this commit changes the ak-hook config (${files.join(', ')}). The new config applies to this commit; compared with the config at HEAD it:`
      : `ak-hook: these commits are checked with an ak-hook config (${files.join(', ')}) that differs from ${base === null ? 'none (the oldest commit has no parent)' : `the config at ${base.slice(0, 12)}, the commit they build on`}; compared with it, the config that applies:`,
  configChangeExcluded: (paths, commits) =>
    `  excludes ${paths.length} file${paths.length === 1 ? '' : 's'} of ${commits ? 'these commits' : 'this commit'} from the check: ${list(paths)}`,
  configChangeRulesOff: (ids) => `  turns off ${ids.length} rule${ids.length === 1 ? '' : 's'}: ${list(ids)}`,
  configChangeAllowed: (n, commits) =>
    `  lets through ${n} finding${n === 1 ? '' : 's'} that ${commits ? 'the earlier config' : 'the config at HEAD'} would block:`,
  configChangeReason: (by, entry) =>
    by === 'excluded'
      ? 'file excluded'
      : by === 'rule-off'
        ? 'rule turned off'
        : by === 'rule-settings'
          ? 'rule settings changed'
          : by === 'baseline'
            ? 'baseline'
            : entry !== undefined
              ? `allow[${entry}]`
              : by,
  configChangeFooter: '  If this is not intended, unstage the config change (git restore --staged <file>) and commit again.',
  configChangeFooterCommits: (mode) =>
    `  If this is not intended, undo the config change in a new commit${mode === 'push' ? ' and push again' : ' and check again'}.`,
  unreadableTitle: (n, mode) =>
    `ak-hook: ${n} commit${n === 1 ? '' : 's'} could not be read (missing or damaged objects: a partial or damaged clone?). Only the commits that could be read were scanned; ${mode === 'push' ? 'the push was stopped' : 'the scan stopped'} (exit 2):`,
  unreadableCommit: (sha, reason) => `  ${sha.slice(0, 12)}  ${reason}`,
  unreadableFix: 'See what is damaged with "git fsck"; fetch the missing objects (git fetch --refetch) and scan again.',
  unreadableFilesTitle: (n) =>
    `ak-hook: ${n} tracked file${n === 1 ? '' : 's'} could not be read (missing objects: a partial or damaged clone?). Only the files that could be read were scanned; the scan stopped (exit 2):`,
  // --- allowlist, baseline and the blocking message (issue 6) ---
  fixSteps: (a) => FIX_STEPS[a] ?? [FIX[a]],
  secretLabel: 'secret:',
  allowItLabel: 'false positive?',
  reasonPlaceholder: 'why this is safe',
  allowInline: (ruleId) => `or put the comment "ak-hook-allow ${ruleId}" on the line or the line above`,
  sameAsAbove: (location) => `what to do: as for ${location} above`,
  summaryCounts: ({ found, allowed, baselined, expired }) =>
    `Summary: ${found} found, ${allowed} allowed, ${baselined} baselined, ${expired} expired allow entr${expired === 1 ? 'y' : 'ies'}.`,
  blockedFooter: 'Nothing was committed: fix (or allow) the findings above and commit again.',
  expiredAllowEntry: (at, what, expires, reason) =>
    `${at} (${what}${reason ? `, "${reason}"` : ''}) expired on ${expires} and no longer allows anything: renew "expires" or remove the entry.`,
  verboseConfig: (source, file) =>
    source === 'none'
      ? 'config: none found'
      : `config: ${file} (read from ${source === 'index' ? 'the index: staged' : source === 'disk' ? 'disk: not staged' : '--config'})`,
  verboseBaseline: (source, file, entries) =>
    source === 'none'
      ? 'baseline: none'
      : `baseline: ${file} (${entries} finding${entries === 1 ? '' : 's'}, read from ${source === 'index' ? 'the index' : 'disk'})`,
  allowWrote: (n, file, tracked) =>
    `ak-hook: added ${n} allow entr${n === 1 ? 'y' : 'ies'} to ${file}.${tracked ? ` Stage it so the hook reads it: git add ${file}` : ''}`,
  allowAlready: (fp) => `ak-hook: ${fp} is already allowed; left as it is.`,
  allowNothingLast: 'ak-hook: no blocked run is recorded for this repository: nothing to allow.',
  allowCannotEdit: (file, entries) =>
    `ak-hook: ${file} is code, so it is not edited automatically. Add these entries to its "allow" list:\n${entries}`,
  baselineWrote: (n, file, skipped) =>
    `ak-hook: wrote ${file} with ${n} finding${n === 1 ? '' : 's'} (no secrets, no line numbers)${skipped > 0 ? `; ${skipped} large file${skipped === 1 ? '' : 's'} skipped` : ''}. Commit it: git add ${file}`,
  staleNone: 'ak-hook: every allow entry matches something in the tracked files.',
  staleHeader: (n, file) => `ak-hook: ${n} allow entr${n === 1 ? 'y' : 'ies'} in ${file} match nothing in the tracked files (remove them):`,
  staleEntry: (at, what, reason) => `  ${at}  ${what}${reason ? `  "${reason}"` : ''}`,
  staleBaseline: (n, file) => `ak-hook: ${n} finding${n === 1 ? '' : 's'} in ${file} no longer exist; run "ak-hook baseline" to drop them.`,
  // integrations (issue 4): commit ranges, pre-push, scan, init / uninstall
  ...integrationsEn,
  // detection catalogue (issue 3)
  pairedWith: (where) => `same credential as ${where}`,
  help: HELP_EN,
  ...cliEn,
  // every added byte is scanned or listed (issue 9)
  unscanned: (items, more, max) => {
    const why = (i: UnscannedItem): string =>
      i.reason === 'too-large'
        ? i.format
          ? `${i.format} content past the reading bounds`
          : `larger than maxFileSize, ${max} bytes`
        : i.reason === 'missing'
          ? `${i.format ?? 'git-lfs'} object not stored in this repository`
          : i.reason === 'high-entropy'
            ? 'random-looking bytes: compressed or encrypted?'
            : `${i.format ? `${i.format}, ` : ''}${i.reason}`;
    const n = items.length + more;
    return `Not scanned (${n} file${n === 1 ? '' : 's'}): ${items.map((i) => `${i.path} (${why(i)})`).join(', ')}${more > 0 ? ` and ${more} more (see --format json)` : ''}.`;
  },
  inFileName: 'in the file name',
};
