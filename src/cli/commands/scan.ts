import { usageError } from '../usage';
import { paint, useColor } from '../../report/colors';
import { renderCommitsText, renderTreeText, renderUnreadable, renderUnreadableFiles } from '../../report/commits-text';
import { scanCommits, type CommitsResult } from '../../scan-commits';
import { scanTree, type TreeScanResult } from '../../scan-tree';
import type { CheckResult } from '../../scan/types';
import { EXIT, type Command } from '../command';
import { messagesWithConfig } from '../config-lang';
import { parseFormat, renderStdout } from '../formats';
import { HISTORY } from '../history-selection';
import { version } from '../version';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Scan the tracked files (HEAD, or the index), or every commit with --history',
  positionals: false,
  options: {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string' },
    verbose: { type: 'boolean' },
    history: { type: 'boolean' },
    index: { type: 'boolean' },
  },
  async run({ values, ctx, m: localeMessages }) {
    let m = localeMessages;
    const format = parseFormat(values.format);
    if (values.history && values.index) throw usageError('historyAndIndex');
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    const common = { cwd: ctx.cwd, env: ctx.env, configPath: values.config as string | undefined };
    let result: CheckResult;
    let text: () => string;
    if (values.history) {
      let last = 0;
      const progress = ctx.progress;
      const r = await scanCommits({
        ...common,
        select: HISTORY,
        onProgress: progress
          ? (done, total) => {
              const now = Date.now();
              if (now - last < 100 && done < total) return;
              last = now;
              progress(m.progress(done, total));
            }
          : undefined,
      });
      progress?.('');
      result = r;
      text = () => renderCommitsText(r, 'history', m, p) + renderUnreadable(r, 'history', m, p);
    } else {
      const t = await scanTree({ ...common, source: values.index ? 'index' : 'head' });
      result = t;
      text = () => renderTreeText(t, m, p) + renderUnreadableFiles(t.unreadableFiles, m, p);
    }
    m = messagesWithConfig(localeMessages, values, result.config.lang);
    // Commits that could not be read: what was read is reported, and the run fails (issue 9).
    const damaged =
      ('unreadable' in result && (result as CommitsResult).unreadable.length > 0) ||
      ('unreadableFiles' in result && (result as TreeScanResult).unreadableFiles.length > 0);
    const exitCode = damaged ? EXIT.error : result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    return {
      exitCode,
      stdout: renderStdout(format, result, m, version()),
      stderr: format === 'text' || exitCode !== 0 || values.verbose ? text() : '',
    };
  },
};
