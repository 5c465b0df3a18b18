import type { Command } from '../command';
import { allowCommand } from './allow';
import { baselineCommand } from './baseline';
import { checkCommand } from './check';
import { rulesCommand } from './rules';
import { staleCommand } from './stale';
import { scanCommand } from './scan';
import { initCommand } from './init';
import { uninstallCommand } from './uninstall';
import { verifyCommand } from './verify';
import { doctorCommand } from './doctor';

/** Every CLI command. A new command is one file in this folder and one line here. */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  rulesCommand,
  allowCommand,
  baselineCommand,
  staleCommand,
  scanCommand,
  initCommand,
  uninstallCommand,
  verifyCommand,
  doctorCommand,
];
