import { parseArgs } from 'node:util';
import type { ConfigProblem } from '../config/types';
import { AkHookError, isAkHookError } from '../errors';
import { renderErrorJson, renderErrorSarif } from '../report/error-doc';
import { messagesFor, pickLang, type Messages } from '../report/messages';
import type { Stopped } from '../report/messages/types';
import { EXIT, type Command, type RunContext, type RunResult } from './command';
import { COMMANDS } from './commands';
import { sniffOutput, stoppedBy, writeOutput } from './output-options';
import { version } from './version';

export type { RunContext, RunResult };
export { EXIT };

const GLOBAL_OPTIONS = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The CLI as a function: argv in, exit code and output out. Never throws, never exits. */
export async function run(argv: readonly string[], ctx: RunContext): Promise<RunResult> {
  let m: Messages = messagesFor(pickLang(undefined, ctx.env));
  const name = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : 'check';
  const rest = argv[0] === name ? argv.slice(1) : argv;
  const sniffed = sniffOutput(rest);
  let r: RunResult;
  try {
    r = await runCommand(name, rest, ctx, (lang) => (m = messagesFor(pickLang(lang, ctx.env))));
    if (sniffed.output !== undefined && r.exitCode !== EXIT.error) {
      writeOutput(sniffed.output, ctx.cwd, r.stdout);
      r = { ...r, stdout: '' };
    }
    return r;
  } catch (e) {
    return failed(e, m, stoppedBy(name, rest), sniffed, ctx.cwd);
  }
}

async function runCommand(
  name: string,
  rest: readonly string[],
  ctx: RunContext,
  setLang: (lang?: string) => Messages,
): Promise<RunResult> {
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) throw new AkHookError('E_USAGE', `unknown command "${name}"`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: { ...GLOBAL_OPTIONS, ...command.options } });
  } catch (e) {
    throw new AkHookError('E_USAGE', usageMessage(e as Error & { code?: string }, command));
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh') {
    throw new AkHookError('E_USAGE', `--lang must be en or zh, got "${String(values.lang)}"`);
  }
  const m = setLang(values.lang as string | undefined);
  if (values.help) return { exitCode: 0, stdout: m.help, stderr: '' };
  if (values.version) return { exitCode: 0, stdout: version() + '\n', stderr: '' };
  if (!command.positionals && parsed.positionals.length > 0) throw new AkHookError('E_USAGE', `"${command.name}" takes no arguments`);
  if (values.output !== undefined && values.format !== 'json' && values.format !== 'sarif')
    throw new AkHookError('E_USAGE', '--output needs --format json or sarif');
  return await command.run({ values, positionals: parsed.positionals, ctx, m });
}

/**
 * A failed run: exit 2, the reason on stderr, and with --format json|sarif still one valid
 * document (on stdout, or in --output), so a consumer never reads an empty file.
 */
function failed(e: unknown, m: Messages, stopped: Stopped, sniffed: { format?: string; output?: string }, cwd: string): RunResult {
  let stderr = renderError(e, m, stopped);
  const code = isAkHookError(e) ? e.code : 'E_INTERNAL';
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  const doc =
    sniffed.format === 'json'
      ? renderErrorJson(code, message)
      : sniffed.format === 'sarif'
        ? renderErrorSarif(code, message, version())
        : '';
  let stdout = doc;
  if (doc && sniffed.output !== undefined) {
    stdout = '';
    try {
      writeOutput(sniffed.output, cwd, doc);
    } catch (w) {
      stderr += renderError(w, m, 'none');
    }
  }
  return { exitCode: EXIT.error, stdout, stderr };
}

/** node's parseArgs messages, with an unknown option named for the command and its options listed. */
function usageMessage(e: Error & { code?: string }, command: Command): string {
  const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']*)'/.exec(e.message) : null;
  if (!unknown) return e.message;
  const names = Object.keys({ ...command.options, ...GLOBAL_OPTIONS }).map((o) => `--${o}`);
  return `"${command.name}" has no option ${unknown[1]} (its options: ${names.join(', ')})`;
}

function renderError(e: unknown, m: Messages, stopped: Stopped): string {
  if (isAkHookError(e)) {
    const lines = [`${m.errorPrefix} ${e.message}`];
    const problems = (e as AkHookError).data.problems as ConfigProblem[] | undefined;
    if (problems) for (const p of problems) lines.push(m.configProblem(p.at, p.message, p.hint));
    lines.push(m.errorHint(e.code, stopped));
    return lines.join('\n') + '\n';
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `${m.errorPrefix} ${msg.split('\n')[0]}\n${m.errorHint('E_INTERNAL', stopped)}\n`;
}
