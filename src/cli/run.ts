import { check } from '../check';
import { RULES } from '../detect/rules';
import { AkHookError, isAkHookError } from '../errors';
import { paint, useColor } from '../report/colors';
import { renderJson } from '../report/json';
import { messagesFor, pickLang, type Messages } from '../report/messages';
import { renderText } from '../report/text';
import type { ConfigProblem } from '../allowlist/types';
import { parseCliArgs, type CliArgs } from './args';
import { HELP } from './help';

declare const __AK_HOOK_VERSION__: string | undefined;

export interface RunContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stderrIsTTY?: boolean;
}

export interface RunResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

function version(): string {
  if (typeof __AK_HOOK_VERSION__ !== 'undefined') return __AK_HOOK_VERSION__;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

/** The CLI as a function: argv in, exit code and output out. Never throws, never exits. */
export async function run(argv: readonly string[], ctx: RunContext): Promise<RunResult> {
  let m: Messages = messagesFor(pickLang(undefined, ctx.env));
  try {
    const args = parseCliArgs(argv);
    m = messagesFor(pickLang(args.lang, ctx.env));
    switch (args.command) {
      case 'help':
        return { exitCode: 0, stdout: HELP, stderr: '' };
      case 'version':
        return { exitCode: 0, stdout: version() + '\n', stderr: '' };
      case 'rules':
        return {
          exitCode: 0,
          stdout: RULES.map((r) => `${r.id.padEnd(32)} ${r.provider.padEnd(14)} ${r.description}`).join('\n') + '\n',
          stderr: '',
        };
      case 'check':
        return await runCheck(args, ctx, m);
    }
  } catch (e) {
    return { exitCode: EXIT.error, stdout: '', stderr: renderError(e, m) };
  }
}

async function runCheck(args: CliArgs, ctx: RunContext, m: Messages): Promise<RunResult> {
  const result = await check({ cwd: ctx.cwd, env: ctx.env, paths: args.paths, configPath: args.config });
  const exitCode = result.findings.length > 0 ? EXIT.findings : EXIT.clean;
  const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
  const quietClean = exitCode === 0 && !args.verbose && result.suppressed.length === 0 && result.expiredEntries.length === 0;
  let stderr = quietClean ? '' : renderText(result, m, p);
  if (args.verbose) stderr += `config: ${result.config.source}${result.config.file ? ` (${result.config.file})` : ''}\n`;
  return { exitCode, stdout: args.format === 'json' ? renderJson(result) : '', stderr };
}

function renderError(e: unknown, m: Messages): string {
  if (isAkHookError(e)) {
    const lines = [`${m.errorPrefix} ${e.message}`];
    const problems = (e as AkHookError).data.problems as ConfigProblem[] | undefined;
    if (problems) for (const p of problems) lines.push(m.configProblem(p.at, p.message, p.hint));
    lines.push(m.errorHint(e.code));
    return lines.join('\n') + '\n';
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `${m.errorPrefix} ${msg.split('\n')[0]}\n${m.errorHint('E_INTERNAL')}\n`;
}
