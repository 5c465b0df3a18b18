import { parseArgs } from 'node:util';
import { AkHookError } from '../errors';

export interface CliArgs {
  command: 'check' | 'rules' | 'help' | 'version';
  paths: string[];
  format: 'text' | 'json';
  config?: string;
  lang?: string;
  verbose: boolean;
}

const COMMANDS = new Set(['check', 'rules', 'help', 'version']);

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        lang: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new AkHookError('E_USAGE', (e as Error).message);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: CliArgs['command'] = 'check';
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (first !== undefined) {
    if (!COMMANDS.has(first)) throw new AkHookError('E_USAGE', `unknown command "${first}"`);
    command = first as CliArgs['command'];
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new AkHookError('E_USAGE', `--format must be text or json, got "${format}"`);
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh') {
    throw new AkHookError('E_USAGE', `--lang must be en or zh, got "${values.lang}"`);
  }
  if (command !== 'check' && rest.length > 0) throw new AkHookError('E_USAGE', `"${command}" takes no arguments`);
  return {
    command,
    paths: first === undefined ? [] : rest,
    format,
    config: values.config,
    lang: values.lang,
    verbose: values.verbose ?? false,
  };
}
