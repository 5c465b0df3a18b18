import type { Command } from '../command';
import { checkCommand } from './check';
import { rulesCommand } from './rules';
import { scanCommand } from './scan';
import { initCommand } from './init';
import { uninstallCommand } from './uninstall';

/** Every CLI command. A new command is one file in this folder and one line here. */
export const COMMANDS: readonly Command[] = [checkCommand, rulesCommand, scanCommand, initCommand, uninstallCommand];
