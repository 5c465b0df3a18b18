import { saveLastRun } from '../../allowlist/last-run';
import { check } from '../../check';
import { paint, useColor } from '../../report/colors';
import { renderText } from '../../report/text';
import { parseSize } from '../parse-size';
import { EXIT, type Command } from '../command';
import { parseFormat, renderStdout } from '../formats';
import { version } from '../version';
import { checkCommits } from './check-commits';
import { messagesWithConfig } from '../config-lang';

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
    // perf: readers and the size limit
    'git-backend': { type: 'string' },
    'max-file-size': { type: 'string' },
  },
  async run(input) {
    const { values, positionals, ctx, m: localeMessages } = input;
    if (values.range !== undefined || values['pre-push']) return checkCommits(input);
    const format = parseFormat(values.format);
    const verbose = values.verbose === true;
    const result = await check({
      cwd: ctx.cwd,
      env: ctx.env,
      paths: positionals,
      configPath: values.config as string | undefined,
      gitBackend: values['git-backend'] as string | undefined,
      maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size'] as string),
    });
    const m = messagesWithConfig(localeMessages, values, result.config.lang);
    const exitCode = result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    if (exitCode === EXIT.findings) {
      await saveLastRun(
        result.root,
        ctx.env,
        result.findings.map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file })),
      );
    }
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    const quietClean =
      exitCode === 0 &&
      !verbose &&
      result.suppressed.length === 0 &&
      result.expiredEntries.length === 0 &&
      result.stats.unscanned.length === 0;
    let stderr = quietClean ? '' : renderText(result, m, p);
    if (verbose) {
      stderr += m.verboseConfig(result.config.source, result.config.file) + '\n';
      if (result.baseline) stderr += m.verboseBaseline(result.baseline.source, result.baseline.file, result.baseline.entries) + '\n';
      for (const f of result.suppressed) {
        const by = f.suppressedBy;
        const how = by && 'entry' in by ? `allow[${by.entry}]` : (by?.by ?? '');
        stderr += p.dim(`  ${f.file}:${f.line}:${f.column} [${f.ruleId}] ${f.secret} -> ${how}`) + '\n';
      }
    }
    return { exitCode, stdout: renderStdout(format, result, m, version()), stderr };
  },
};
