import { AkHookError } from '../../errors';
import { parsePushUpdates, pushSelection } from '../../git/pre-push';
import { paint, useColor } from '../../report/colors';
import { renderCommitsText, renderUnreadable } from '../../report/commits-text';
import type { CommitsMode } from '../../report/messages/types';
import { scanCommits, type CommitSelection } from '../../scan-commits';
import { EXIT, type CommandInput, type RunResult } from '../command';
import { messagesWithConfig } from '../config-lang';
import { parseFormat, renderStdout } from '../formats';
import { version } from '../version';

/**
 * `check --range A..B` (the lines those commits add) and `check --pre-push` (what git is
 * about to push, read from the hook's standard input). Positionals are ignored with
 * --pre-push: git passes the remote's name and URL there.
 */
export async function checkCommits({ values, positionals, ctx, m: localeMessages }: CommandInput): Promise<RunResult> {
  const format = parseFormat(values.format);
  let mode: CommitsMode;
  let select: CommitSelection | ((root: string) => Promise<CommitSelection>);
  if (values['pre-push']) {
    if (values.range !== undefined) throw new AkHookError('E_USAGE', '--range and --pre-push cannot be used together');
    if (!ctx.stdin) throw new AkHookError('E_USAGE', "--pre-push reads git's ref list from standard input");
    const updates = parsePushUpdates(await ctx.stdin());
    mode = 'push';
    select = (root) => pushSelection(updates, { root, env: ctx.env });
  } else {
    if (positionals.length > 0) throw new AkHookError('E_USAGE', '--range scans whole commits: it takes no paths');
    const range = String(values.range);
    mode = 'range';
    select = { include: [range] };
  }
  const result = await scanCommits({ cwd: ctx.cwd, env: ctx.env, configPath: values.config as string | undefined, select });
  const m = messagesWithConfig(localeMessages, values, result.config.lang);
  // Commits that could not be read: what was read is reported, and the run fails (issue 9).
  const exitCode = result.unreadable.length > 0 ? EXIT.error : result.findings.length > 0 ? EXIT.findings : EXIT.clean;
  const quietClean =
    exitCode === 0 &&
    values.verbose !== true &&
    result.suppressed.length === 0 &&
    result.expiredEntries.length === 0 &&
    result.stats.unscanned.length === 0;
  const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
  const stderr = (quietClean ? '' : renderCommitsText(result, mode, m, p)) + renderUnreadable(result, mode, m, p);
  return { exitCode, stdout: renderStdout(format, result, m, version()), stderr };
}
