import type { Advice } from '../../detect/types';
import type { SetupAction, SetupNote } from '../../setup/types';

/** What a scan of commits covers: a push, a range given by hand, or the whole history. */
export type CommitsMode = 'push' | 'range' | 'history';

/** Typed errors the CLI renders by id (AkHookError data.text), in every language. */
export type ErrorTextId =
  | 'noCommand'
  | 'unknownCommand'
  | 'unknownOption'
  | 'optionNeedsValue'
  | 'optionTakesNoValue'
  | 'noArguments'
  | 'badLang'
  | 'badFormat'
  | 'badSize'
  | 'badBackend'
  | 'rangeAndPrePush'
  | 'prePushStdin'
  | 'rangeNoPaths'
  | 'historyAndIndex'
  | 'reasonMissing'
  | 'reasonPlaceholder'
  | 'badExpires'
  | 'expiresPast'
  | 'badFingerprint'
  | 'allowNothing'
  | 'notARepo'
  | 'gitMissing'
  | 'isomorphicMissing'
  | 'outsideRepo'
  | 'notARevision'
  | 'outputNeedsFormat'
  // config files (issue 12)
  | 'configInvalid'
  | 'configNotValid'
  | 'configCannotRead'
  | 'cannotRead'
  | 'cannotWrite'
  | 'cannotAddEntries'
  | 'configTimeout'
  | 'configExited'
  | 'configSyntax'
  | 'configThrew'
  | 'configFailed'
  // verify (issue 13)
  | 'verifySources'
  | 'stdinNeeded'
  | 'badTimeout'
  | 'endpointNotUrl'
  | 'endpointNotHttps'
  | 'endpointNotBase';
export type ErrorTextArgs = Record<string, string | undefined>;
/** What an error stopped: a commit (pre-commit hook), a push (pre-push), a scan, or nothing (set-up, allow). */
export type Stopped = 'commit' | 'push' | 'scan' | 'none';

/** A file that could not be read, as messages name it (its path already made visible). */
export interface UnscannedItem {
  path: string;
  reason: 'compressed' | 'encrypted' | 'high-entropy' | 'too-large' | 'missing';
  format?: string;
}

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
  expiredEntry(at: string, expires: string): string;
  noChanges: string;
  errorPrefix: string;
  /** The fix for an error code, saying what stopped (default: the commit). */
  errorHint(code: string, stopped?: Stopped): string;
  /** One config problem, in this language when it has an id (config-en.ts / config-zh.ts). */
  configProblem(p: { at: string; message: string; hint?: string; id?: string; args?: Record<string, string | number> }): string;
  // --- fail closed, no silent holes (issue 9) ---
  /**
   * A config (or baseline) change in this commit: it applies; what follows is what it suppresses.
   * `base`: commits mode (`check --range`, `--pre-push`), compared with the config at that commit
   * (the one the commits build on; null: no such commit, compared with no config).
   */
  configChangeTitle(files: string[], base?: string | null): string;
  /** `commits`: the files are those of the checked commits, not of this commit. */
  configChangeExcluded(paths: string[], commits?: boolean): string;
  configChangeRulesOff(ids: string[]): string;
  configChangeAllowed(n: number, commits?: boolean): string;
  /** Why a finding the config at HEAD would block now passes. */
  configChangeReason(by: string, entry?: number): string;
  configChangeFooter: string;
  /** The footer in commits mode: what to do before pushing (or checking) again. */
  configChangeFooterCommits(mode: CommitsMode): string;
  /** Commits a scan could not read (a partial or damaged clone); what stopped: the push or the scan. */
  unreadableTitle(n: number, mode: CommitsMode): string;
  unreadableCommit(sha: string, reason: string): string;
  unreadableFix: string;
  unreadableFilesTitle(n: number): string;
  // --- allowlist, baseline and the blocking message (issue 6) ---
  /** What to do now, as numbered steps. */
  fixSteps(advice: Advice): string[];
  secretLabel: string;
  allowItLabel: string;
  /** Placeholder reason in the printed `ak-hook allow` command (runs as is; edit it in the config). */
  reasonPlaceholder: string;
  allowInline(ruleId: string): string;
  sameAsAbove(location: string): string;
  summaryCounts(c: { found: number; allowed: number; baselined: number; expired: number }): string;
  blockedFooter: string;
  expiredAllowEntry(at: string, what: string, expires: string, reason?: string): string;
  verboseConfig(source: string, file?: string): string;
  verboseBaseline(source: string, file: string | undefined, entries: number): string;
  allowWrote(n: number, file: string, tracked: boolean): string;
  allowAlready(fp: string): string;
  allowNothingLast: string;
  allowCannotEdit(file: string, entries: string): string;
  baselineWrote(n: number, file: string, skipped: number): string;
  staleNone: string;
  staleHeader(n: number, file: string): string;
  staleEntry(at: string, what: string, reason?: string): string;
  staleBaseline(n: number, file: string): string;
  // integrations (issue 4): commit ranges, pre-push, scan, init / uninstall
  commitsBlockedTitle(n: number, mode: CommitsMode): string;
  commitHeader(sha: string, author: string, date: string): string;
  commitsClean(commits: number, allowed: number): string;
  commitsFooter(mode: CommitsMode): string;
  treeBlockedTitle(n: number): string;
  treeClean(files: number, allowed: number): string;
  treeFooter: string;
  progress(done: number, total: number): string;
  setupAction(a: SetupAction, dryRun: boolean): string;
  setupNote(n: SetupNote): string;
  setupNothing: string;
  setupNoPackageJson(dir: string): string;
  uninstallNothing: string;
  setupCommandFailed(command: string, detail: string): string;
  // detection catalogue (issue 3)
  pairedWith(where: string): string;
  // --help, in this language
  help: string;
  // the CLI shell (issue 12): per-command help, typed errors by id, rule names
  /** `ak-hook help <command>`; undefined for a command without its own page. */
  commandHelp(name: string): string | undefined;
  errorText(id: ErrorTextId, args: ErrorTextArgs): string | undefined;
  /** A title put before an error's own (untranslated) detail, e.g. git's words; undefined: none. */
  errorTitle(code: string): string | undefined;
  /** The rule's name in this language (the rule file holds the English one). */
  ruleName(id: string, name: string): string;
  dryRunHeader(command: string): string;
  /** Under a blocking message: the one command that allows everything it found. */
  allowLastHint(command: string): string;
  // --- every added byte is scanned or listed (issue 9) ---
  /** One line naming what could not be read (`more`: how many further names were left off). */
  unscanned(items: readonly UnscannedItem[], more: number, maxFileSize: number): string;
  /** Where a finding in a file's name (not its content) is, after the path. */
  inFileName: string;
}
