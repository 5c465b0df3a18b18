import type { Advice } from '../../detect/types';
import type { Messages } from './types';
import { integrationsEn } from './integrations-en';

const WHY: Record<Advice, string> = {
  alibaba:
    'An AccessKey is the only identity a program needs to call Alibaba Cloud APIs as your account: a leaked key means data loss, hijacked servers and bills.',
  'alibaba-sts':
    'An STS credential acts as your account until it expires; tokens copied from logs and scripts are replayed within minutes.',
  cloud: 'A cloud access key lets anyone who reads it act as your account.',
  token: 'An API token lets anyone who reads it act as you on that service.',
  password: 'A committed password is readable by everyone with access to the repository, forever, in its history.',
};

const FIX: Record<Advice, string> = {
  alibaba:
    'Remove it and read the key from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET), a credentials file or a secret manager. Rotate it now in the RAM console (create a new AccessKey, switch to it, disable then delete this one): a staged key may already be copied elsewhere. Use a RAM user with least privilege, never the root account, and check ActionTrail for use of this key.',
  'alibaba-sts':
    'Remove it; have the program obtain STS credentials at run time (AssumeRole through the SDK credentials chain). If it is still valid, revoke the role session or tighten the role policy, and check ActionTrail.',
  cloud: 'Remove it, read it from the environment or a secret manager, and rotate it in the provider console.',
  token: 'Remove it, read it from the environment or a secret manager, and revoke it in the service.',
  password: 'Remove it, read it from the environment or a secret manager, and change the password.',
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
  binarySkipped: (n) => `${n} binary file${n === 1 ? '' : 's'} skipped.`,
  expiredEntry: (at, expires) => `allow entry ${at} expired on ${expires} and no longer applies.`,
  noChanges: 'ak-hook: nothing staged to check.',
  errorPrefix: 'ak-hook: error:',
  errorHint: (code) =>
    ({
      E_USAGE: 'Run "ak-hook --help" for usage.',
      E_NOT_A_REPO: 'Run it inside a git repository.',
      E_GIT_MISSING: 'Install git, or put it on PATH.',
      E_GIT_FAILED: 'Check the repository with "git status"; the commit was stopped to be safe.',
      E_GIT_OUTPUT: 'Unexpected output from git; the commit was stopped to be safe. Please report it.',
      E_CONFIG_PARSE: 'Fix the config file (or run with --config pointing at a good one); the commit was stopped to be safe.',
      E_CONFIG_INVALID: 'Fix the entries listed above; the commit was stopped to be safe.',
      E_PATH_OUTSIDE_REPO: 'Pass paths inside the repository.',
    })[code] ?? 'The commit was stopped to be safe. Please report this.',
  configProblem: (at, message, hint) => `  ${at}: ${message}${hint ? ` (${hint})` : ''}`,
  // integrations (issue 4): commit ranges, pre-push, scan, init / uninstall
  ...integrationsEn,
};
