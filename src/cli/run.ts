import { parseArgs } from 'node:util';
import type { ConfigProblem } from '../config/types';
import { isAkHookError, type AkHookError } from '../errors';
import { renderErrorJson, renderErrorSarif } from '../report/error-doc';
import { messagesFor, pickLang, type Messages } from '../report/messages';
import type { ErrorTextArgs, ErrorTextId, Stopped } from '../report/messages/types';
import { EXIT, type Command, type RunContext, type RunResult } from './command';
import { COMMANDS } from './commands';
import { sniffOutput, stoppedBy, writeOutput } from './output-options';
import { didYouMean } from './suggest';
import { usageError } from './usage';
import { version } from './version';

export type { RunContext, RunResult };
export { EXIT };

const GLOBAL_OPTIONS = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
  'no-color': { type: 'boolean' },
} as const;

/** The CLI as a function: argv in, exit code and output out. Never throws, never exits. */
export async function run(argv: readonly string[], ctx: RunContext): Promise<RunResult> {
  let m: Messages = messagesFor(pickLang(langFlag(argv), ctx.env));
  const name = argv[0] ?? '';
  const rest = argv.slice(1);
  const sniffed = sniffOutput(rest);
  let r: RunResult;
  try {
    // A command is required: a bare `ak-hook` (e.g. a mistyped hook line) shows the help and blocks.
    if (argv.length === 0) return { exitCode: EXIT.error, stdout: m.help, stderr: renderError(usageError('noCommand'), m, 'commit') };
    if (name.startsWith('-')) return globalFlagsOnly(argv, m);
    if (name === 'help') return helpFor(argv[1], m);
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
  if (!command) throw unknownCommand(name);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: { ...GLOBAL_OPTIONS, ...command.options } });
  } catch (e) {
    throw parseError(e as Error & { code?: string }, command);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh')
    throw usageError('badLang', { value: String(values.lang) });
  const m = setLang(values.lang as string | undefined);
  if (values.help) return { exitCode: 0, stdout: m.commandHelp(command.name) ?? m.help, stderr: '' };
  if (values.version) return { exitCode: 0, stdout: version() + '\n', stderr: '' };
  if (!command.positionals && parsed.positionals.length > 0) throw usageError('noArguments', { command: command.name });
  if (values.output !== undefined && values.format !== 'json' && values.format !== 'sarif') throw usageError('outputNeedsFormat');
  // --no-color is NO_COLOR for everything downstream (FORCE_COLOR loses to it, as NO_COLOR does).
  const runCtx = values['no-color'] ? { ...ctx, env: { ...ctx.env, NO_COLOR: '1', FORCE_COLOR: undefined } } : ctx;
  const r = await command.run({ values, positionals: parsed.positionals, ctx: runCtx, m });
  return values.quiet ? quiet(r, command.name === 'rules' || values.format === 'json' || values.format === 'sarif') : r;
}

/** The language asked for by --lang, read before parsing so that parse errors speak it too. */
function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') return argv[i + 1];
    if (argv[i].startsWith('--lang=')) return argv[i].slice(7);
  }
  return undefined;
}

/** `ak-hook --help`, `ak-hook --version` (with --lang); any other flag needs a command first. */
function globalFlagsOnly(argv: readonly string[], m: Messages): RunResult {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: GLOBAL_OPTIONS });
  } catch (e) {
    throw parseError(e as Error & { code?: string });
  }
  if (parsed.values.help) return { exitCode: 0, stdout: m.help, stderr: '' };
  if (parsed.values.version) return { exitCode: 0, stdout: version() + '\n', stderr: '' };
  return { exitCode: EXIT.error, stdout: m.help, stderr: renderError(usageError('noCommand'), m, 'commit') };
}

function helpFor(name: string | undefined, m: Messages): RunResult {
  if (name === undefined) return { exitCode: 0, stdout: m.help, stderr: '' };
  if (!COMMANDS.some((c) => c.name === name)) throw unknownCommand(name);
  return { exitCode: 0, stdout: m.commandHelp(name) ?? m.help, stderr: '' };
}

function unknownCommand(name: string): AkHookError {
  return usageError('unknownCommand', { name, suggestion: didYouMean(name, [...COMMANDS.map((c) => c.name), 'help']) });
}

/** node's parseArgs errors as typed usage errors; an unknown option gets a "did you mean". */
function parseError(e: Error & { code?: string }, command?: Command): AkHookError {
  const optionNames = Object.keys({ ...command?.options, ...GLOBAL_OPTIONS }).map((o) => `--${o}`);
  const unknown = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']*)'/.exec(e.message) : null;
  if (unknown) {
    const option = unknown[1].split('=')[0];
    const suggestion = option.startsWith('--') ? didYouMean(option, optionNames) : undefined;
    return usageError('unknownOption', { command: command?.name ?? 'ak-hook', option, suggestion, options: optionNames.join(', ') });
  }
  const needs = /^Option '(-\w, )?(--[\w-]+)[^']*' argument missing/.exec(e.message);
  if (needs) return usageError('optionNeedsValue', { option: needs[2] });
  const noValue = /^Option '(-\w, )?(--[\w-]+)' does not take an argument/.exec(e.message);
  if (noValue) return usageError('optionTakesNoValue', { option: noValue[2] });
  return usageError('unknownOption', { command: command?.name ?? 'ak-hook', option: e.message, options: optionNames.join(', ') });
}

/**
 * --quiet: a successful run prints nothing but what was asked for as data (a --format json /
 * sarif document, a listing such as `rules`); findings and errors always print.
 */
function quiet(r: RunResult, keepStdout: boolean): RunResult {
  if (r.exitCode !== EXIT.clean) return r;
  return { ...r, stdout: keepStdout ? r.stdout : '', stderr: '' };
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

function renderError(e: unknown, m: Messages, stopped: Stopped): string {
  if (isAkHookError(e)) {
    const text = e.data.text as { id: ErrorTextId; args: ErrorTextArgs } | undefined;
    const words = text ? m.errorText(text.id, text.args) : undefined;
    const title = words === undefined ? m.errorTitle(e.code) : undefined;
    const lines = [`${m.errorPrefix}${sep(m)}${words ?? (title ? `${title}：${e.message}` : e.message)}`];
    const problems = e.data.problems as ConfigProblem[] | undefined;
    if (problems) for (const p of problems) lines.push(m.configProblem(p));
    const more = e.data.more as Array<{ id: ErrorTextId; args: ErrorTextArgs }> | undefined;
    if (more) for (const t of more) lines.push(`  ${m.errorText(t.id, t.args) ?? t.id}`);
    lines.push(m.errorHint(e.code, stopped));
    return lines.join('\n') + '\n';
  }
  const msg = e instanceof Error ? e.message : String(e);
  const title = m.errorTitle('E_INTERNAL');
  return `${m.errorPrefix}${sep(m)}${title ? `${title}：` : ''}${msg.split('\n')[0]}\n${m.errorHint('E_INTERNAL', stopped)}\n`;
}

/** A space after "error:", none after a full-width colon. */
function sep(m: Messages): string {
  return m.errorPrefix.endsWith('：') ? '' : ' ';
}
