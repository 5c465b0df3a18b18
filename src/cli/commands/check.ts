import { check } from '../../check';
import { AkHookError } from '../../errors';
import { paint, useColor } from '../../report/colors';
import { renderJson } from '../../report/json';
import { renderText } from '../../report/text';
import { parseSize } from '../../report/size';
import { EXIT, type Command } from '../command';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Scan the staged changes (the index against HEAD)',
  positionals: true,
  options: {
    format: { type: 'string' },
    config: { type: 'string' },
    verbose: { type: 'boolean' },
    'git-backend': { type: 'string' },
    'max-file-size': { type: 'string' },
  },
  async run({ values, positionals, ctx, m }) {
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new AkHookError('E_USAGE', `--format must be text or json, got "${format}"`);
    const verbose = values.verbose === true;
    const result = await check({
      cwd: ctx.cwd,
      env: ctx.env,
      paths: positionals,
      configPath: values.config as string | undefined,
      gitBackend: values['git-backend'] as string | undefined,
      maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size'] as string),
    });
    const exitCode = result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    const quietClean =
      exitCode === 0 &&
      !verbose &&
      result.suppressed.length === 0 &&
      result.expiredEntries.length === 0 &&
      result.stats.tooLarge.length === 0;
    let stderr = quietClean ? '' : renderText(result, m, p);
    if (verbose) stderr += `config: ${result.config.source}${result.config.file ? ` (${result.config.file})` : ''}\n`;
    return { exitCode, stdout: format === 'json' ? renderJson(result) : '', stderr };
  },
};
