import { parseArgs } from 'node:util';
import type { ConfigProblem } from '../config/types';
import { AkHookError, isAkHookError } from '../errors';
import { messagesFor, pickLang, type Messages } from '../report/messages';
import { EXIT, type Command, type RunContext, type RunResult } from './command';
import { COMMANDS } from './commands';
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
  try {
    const name = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : 'check';
    const command: Command | undefined = COMMANDS.find((c) => c.name === name);
    if (!command) throw new AkHookError('E_USAGE', `unknown command "${name}"`);
    const rest = argv[0] === name ? argv.slice(1) : argv;
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
    m = messagesFor(pickLang(values.lang as string | undefined, ctx.env));
    if (values.help) return { exitCode: 0, stdout: m.help, stderr: '' };
    if (values.version) return { exitCode: 0, stdout: version() + '\n', stderr: '' };
    if (!command.positionals && parsed.positionals.length > 0) throw new AkHookError('E_USAGE', `"${command.name}" takes no arguments`);
    return await command.run({ values, positionals: parsed.positionals, ctx, m });
  } catch (e) {
    return { exitCode: EXIT.error, stdout: '', stderr: renderError(e, m) };
  }
}

/** node's parseArgs messages, with an unknown option named for the command and its options listed. */
function usageMessage(e: Error & { code?: string }, command: Command): string {
  const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']*)'/.exec(e.message) : null;
  if (!unknown) return e.message;
  const names = Object.keys({ ...command.options, ...GLOBAL_OPTIONS }).map((o) => `--${o}`);
  return `"${command.name}" has no option ${unknown[1]} (its options: ${names.join(', ')})`;
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
