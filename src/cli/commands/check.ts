import { check } from '../../check';
import { paint, useColor } from '../../report/colors';
import { renderText } from '../../report/text';
import { EXIT, type Command } from '../command';
import { parseFormat, renderStdout } from '../formats';
import { version } from '../version';
import { checkCommits } from './check-commits';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Scan the staged changes (the index against HEAD)',
  positionals: true,
  options: {
    format: { type: 'string' },
    config: { type: 'string' },
    verbose: { type: 'boolean' },
    range: { type: 'string' },
    'pre-push': { type: 'boolean' },
  },
  async run(input) {
    const { values, positionals, ctx, m } = input;
    if (values.range !== undefined || values['pre-push']) return checkCommits(input);
    const format = parseFormat(values.format);
    const verbose = values.verbose === true;
    const result = await check({ cwd: ctx.cwd, env: ctx.env, paths: positionals, configPath: values.config as string | undefined });
    const exitCode = result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    const quietClean = exitCode === 0 && !verbose && result.suppressed.length === 0 && result.expiredEntries.length === 0;
    let stderr = quietClean ? '' : renderText(result, m, p);
    if (verbose) stderr += `config: ${result.config.source}${result.config.file ? ` (${result.config.file})` : ''}\n`;
    return { exitCode, stdout: renderStdout(format, result, m, version()), stderr };
  },
};
