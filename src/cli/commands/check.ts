import { saveLastRun } from '../../allowlist/last-run';
import { check } from '../../check';
import { paint, useColor } from '../../report/colors';
import { renderConfigChange } from '../../report/config-change-text';
import { renderText } from '../../report/text';
import { selfCommand } from '../self-command';
import { parseSize } from '../parse-size';
import { EXIT, type Command } from '../command';
import { parseFormat, renderStdout } from '../formats';
import { version } from '../version';
import { checkCommits } from './check-commits';
import { messagesWithConfig } from '../config-lang';
import { checkVerify } from '../check-verify';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Scan the staged changes (the index against HEAD)',
  positionals: true,
  options: {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string' },
    verbose: { type: 'boolean' },
    range: { type: 'string' },
    'pre-push': { type: 'boolean' },
    verify: { type: 'boolean' },
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
    let exitCode: 0 | 1 = result.findings.length > 0 ? EXIT.findings : EXIT.clean;
    // issue 13: a live check only when asked for (--verify or the config's verify.check)
    const live =
      exitCode === EXIT.findings && (values.verify === true || result.config.verify?.check === true)
        ? await checkVerify(result, values, ctx)
        : null;
    if (live?.unblock) exitCode = EXIT.clean;
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
    let stderr = quietClean || live?.unblock ? '' : renderText(result, m, p, { self: selfCommand(result.root, ctx.self), allowLast: true });
    if (live) stderr += live.text;
    // A config change in this commit is shown on every run, clean ones too (issue 9).
    if (result.configChange) stderr += renderConfigChange(result.configChange, m, p);
    if (verbose) {
      stderr += m.verboseConfig(result.config.source, result.config.file) + '\n';
      if (result.baseline) stderr += m.verboseBaseline(result.baseline.source, result.baseline.file, result.baseline.entries) + '\n';
      for (const f of result.suppressed) {
        const by = f.suppressedBy;
        const how = by && 'entry' in by ? `allow[${by.entry}]` : (by?.by ?? '');
        stderr += p.dim(`  ${f.file}:${f.line}:${f.column} [${f.ruleId}] ${f.secret} -> ${how}`) + '\n';
      }
    }
    const verify = live ? { results: live.results } : undefined;
    return { exitCode, stdout: renderStdout(format, result, m, version(), verify), stderr };
  },
};
