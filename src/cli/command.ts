import type { ParseArgsConfig } from 'node:util';
import type { Messages } from '../report/messages';

export interface RunContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stderrIsTTY?: boolean;
  /** Standard input, for commands that read it (e.g. git's pre-push ref list). */
  stdin?: () => Promise<string>;
  /** The running bin (dist/cli.js), so messages print a command that runs this same ak-hook. */
  self?: string;
  /** Shows a transient progress line (set only when stderr is a TTY); '' clears it. */
  progress?: (line: string) => void;
}

export interface RunResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What a command receives: parsed option values and positionals (after the command name). */
export interface CommandInput {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  ctx: RunContext;
  m: Messages;
}

/** One CLI command: its name, its options, and a function from input to result. */
export interface Command {
  name: string;
  summary: string;
  options: OptionSpec;
  /** Whether it takes positional arguments. */
  positionals: boolean;
  run(input: CommandInput): Promise<RunResult>;
}
