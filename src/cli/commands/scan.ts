import { AkHookError } from '../../errors';
import { paint, useColor } from '../../report/colors';
import { renderCommitsText, renderTreeText } from '../../report/commits-text';
import { scanCommits } from '../../scan-commits';
import { scanTree } from '../../scan-tree';
import type { CheckResult } from '../../scan/types';
import { EXIT, type Command } from '../command';
import { messagesWithConfig } from '../config-lang';
import { parseFormat, renderStdout } from '../formats';
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
    if (values.history && values.index) throw new AkHookError('E_USAGE', '--history and --index cannot be used together');
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    const common = { cwd: ctx.cwd, env: ctx.env, configPath: values.config as string | undefined };
    let result: CheckResult;
    let text: () => string;
    if (values.history) {
      let last = 0;
      const progress = ctx.progress;
      const r = await scanCommits({
        ...common,
        select: { include: [], all: true },
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
      text = () => renderCommitsText(r, 'history', m, p);
    } else {
      result = await scanTree({ ...common, source: values.index ? 'index' : 'head' });
      text = () => renderTreeText(result, m, p);
    }
    m = messagesWithConfig(localeMessages, values, result.config.lang);
    const exitCode = result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    return {
      exitCode,
      stdout: renderStdout(format, result, m, version()),
      stderr: format === 'text' || exitCode !== 0 || values.verbose ? text() : '',
    };
  },
};
