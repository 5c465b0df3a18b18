import { COMMAND_HELP_EN } from './command-help-en';
import type { ErrorTextArgs, ErrorTextId, Messages } from './types';

const list = (s: string | undefined, or: string) =>
  (s ?? '')
    .split('|')
    .join(', ')
    .replace(/, ([^,]*)$/, ` ${or} $1`);
const q = (s: string | undefined) => (s ? ` (did you mean "${s}"?)` : '');

/** Words of the typed errors the CLI and the library raise, by id (the error's data.text). */
const ERRORS: Record<ErrorTextId, (a: ErrorTextArgs) => string> = {
  noCommand: () => 'no command given: the hook line is "ak-hook check" (usage above)',
  unknownCommand: (a) => `unknown command "${a.name}"${q(a.suggestion)}`,
  unknownOption: (a) => `"${a.command}" has no option ${a.option}${q(a.suggestion)} (its options: ${a.options})`,
  optionNeedsValue: (a) => `option ${a.option} needs a value`,
  optionTakesNoValue: (a) => `option ${a.option} takes no value`,
  noArguments: (a) => `"${a.command}" takes no arguments`,
  badLang: (a) => `--lang must be en or zh, got "${a.value}"`,
  badFormat: (a) => `--format must be ${list(a.allowed, 'or')}, got "${a.value}"`,
  badSize: (a) => `--max-file-size must be a size such as 64MB or 500KB, got "${a.value}"`,
  badBackend: (a) => `--git-backend must be native, isomorphic or auto, got "${a.value}"`,
  rangeAndPrePush: () => '--range and --pre-push cannot be used together',
  prePushStdin: () => "--pre-push reads git's ref list from standard input",
  rangeNoPaths: () => '--range scans whole commits: it takes no paths',
  historyAndIndex: () => '--history and --index cannot be used together',
  reasonMissing: () => 'allow needs --reason "…": say why this is not a secret (reviewers read it)',
  reasonPlaceholder: (a) => `--reason "${a.value}" is a placeholder: say why this value is safe (reviewers read it)`,
  badExpires: (a) => `--expires must be a date YYYY-MM-DD, got "${a.value}"`,
  expiresPast: (a) => `--expires ${a.value} is not after today (${a.today}): the entry would allow nothing`,
  badFingerprint: (a) => `not a fingerprint: "${a.value}" (expected akfp1: followed by 32 hex digits)`,
  allowNothing: () => 'allow needs fingerprints, or --last',
  notARepo: (a) => `${a.dir} is not inside a git work tree`,
  gitMissing: () => 'git was not found on PATH',
  isomorphicMissing: () => 'no git binary on PATH, and isomorphic-git (the pure-JavaScript reader) is not installed',
  outsideRepo: (a) => `${a.path} is outside the repository`,
  notARevision: (a) => `not a revision: "${a.value}"`,
  outputNeedsFormat: () => '--output needs --format json or sarif',
  configInvalid: (a) => `${a.file} has ${a.count} problem${a.count === '1' ? '' : 's'}`,
  configNotValid: (a) => `${a.file} is not valid ${a.kind}: ${a.why}`,
  configCannotRead: (a) => `cannot read config ${a.file}: ${a.why}`,
  cannotRead: (a) => `cannot read ${a.file}: ${a.why}`,
  cannotWrite: (a) => `cannot write ${a.file}: ${a.why}`,
  cannotAddEntries: (a) => `${a.file}: cannot add entries: ${a.why}`,
  configTimeout: (a) => `${a.file} did not finish loading within ${a.seconds} s (an endless loop, or a promise that never settles?)`,
  configExited: (a) => `${a.file} ended with process.exit(${a.code}) before exporting a config`,
  configSyntax: (a) => `${a.file} is not valid JavaScript: ${a.why}`,
  configThrew: (a) => `${a.file} threw while loading: ${a.name}: ${a.why}`,
  configFailed: (a) => `${a.file} failed while loading: ${a.why}`,
  verifySources: (a) => `${a.list} cannot be used together`,
  stdinNeeded: () => '--stdin reads one credential from standard input',
  badTimeout: (a) => `AK_HOOK_VERIFY_TIMEOUT_MS must be a whole number of milliseconds from 1 to 30000, got "${a.value}"`,
  endpointNotUrl: (a) => `${a.name} is not a URL: "${a.value}"`,
  endpointNotHttps: (a) => `${a.name} must be an https:// URL (http:// only for 127.0.0.1 or [::1]), got "${a.value}"`,
  endpointNotBase: (a) => `${a.name} must be a base URL without user, query or fragment, got "${a.value}"`,
};

/** English texts of the CLI shell: per-command help, typed errors by id, rule names. */
export const cliEn: Pick<Messages, 'commandHelp' | 'errorText' | 'errorTitle' | 'ruleName' | 'dryRunHeader' | 'allowLastHint'> = {
  commandHelp: (name) => COMMAND_HELP_EN[name],
  errorText: (id, args) => ERRORS[id]?.(args),
  errorTitle: () => undefined,
  ruleName: (_id, name) => name,
  dryRunHeader: (command) => `ak-hook: dry run, nothing was written. ak-hook ${command} would:`,
  allowLastHint: (command) => `To allow all of the above at once (after checking each): ${command}`,
};
