import { usageError } from '../usage';
import { parsePushUpdates, pushSelection } from '../../git/pre-push';
import { paint, useColor } from '../../report/colors';
import { renderCommitsText, renderUnreadable } from '../../report/commits-text';
import { renderConfigChange } from '../../report/config-change-text';
import type { CommitsMode } from '../../report/messages/types';
import { scanCommits, type CommitSelection } from '../../scan-commits';
import { EXIT, type CommandInput, type RunResult } from '../command';
import { messagesWithConfig } from '../config-lang';
import { checkVerify } from '../check-verify';
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
    if (values.range !== undefined) throw usageError('rangeAndPrePush');
    if (!ctx.stdin) throw usageError('prePushStdin');
    const updates = parsePushUpdates(await ctx.stdin());
    mode = 'push';
    select = (root) => pushSelection(updates, { root, env: ctx.env });
  } else {
    if (positionals.length > 0) throw usageError('rangeNoPaths');
    const range = String(values.range);
    mode = 'range';
    select = { include: [range] };
  }
  const result = await scanCommits({
    cwd: ctx.cwd,
    env: ctx.env,
    configPath: values.config as string | undefined,
    select,
    configChange: true,
  });
  const m = messagesWithConfig(localeMessages, values, result.config.lang);
  let exitCode: 0 | 1 | 2 = result.findings.length > 0 ? EXIT.findings : EXIT.clean;
  // issue 13: a live check only when asked for (--verify or the config's verify.check)
  const live =
    exitCode === EXIT.findings && (values.verify === true || result.config.verify?.check === true)
      ? await checkVerify(result, values, ctx)
      : null;
  if (live?.unblock) exitCode = EXIT.clean;
  // Commits that could not be read: what was read is reported, and the run fails (issue 9).
  if (result.unreadable.length > 0) exitCode = EXIT.error;
  const quietClean =
    exitCode === 0 &&
    values.verbose !== true &&
    result.suppressed.length === 0 &&
    result.expiredEntries.length === 0 &&
    result.stats.unscanned.length === 0;
  const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
  const stderr =
    (quietClean || live?.unblock ? '' : renderCommitsText(result, mode, m, p)) +
    (live?.text ?? '') +
    // A config that lets through what the config the commits build on would block is shown on every run (issue 9).
    (result.configChange ? renderConfigChange(result.configChange, m, p, mode) : '') +
    renderUnreadable(result, mode, m, p);
  return { exitCode, stdout: renderStdout(format, result, m, version(), live ? { results: live.results } : undefined), stderr };
}
