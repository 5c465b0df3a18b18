import * as path from 'node:path';
import { replaceFile } from '../config/write-file';
import { AkHookError } from '../errors';
import type { Stopped } from '../report/messages/types';

/** --format and --output read straight from argv, so a run that fails before (or while) parsing still writes its document. */
export function sniffOutput(args: readonly string[]): { format?: string; output?: string } {
  const out: { format?: string; output?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const eq = /^--(format|output)=(.*)$/s.exec(a);
    if (eq) out[eq[1] as 'format' | 'output'] = eq[2];
    else if (a === '--format' || a === '--output' || a === '-o') {
      if (i + 1 < args.length) out[a === '--format' ? 'format' : 'output'] = args[++i];
    } else if (a.startsWith('-o') && !a.startsWith('--') && a.length > 2) out.output = a.slice(2);
  }
  return out;
}

/** What an error in this run stops: the commit in the pre-commit hook, the push in pre-push, the scan otherwise. */
export function stoppedBy(command: string, args: readonly string[]): Stopped {
  if (command === 'check') {
    if (args.includes('--pre-push')) return 'push';
    if (args.some((a) => a === '--range' || a.startsWith('--range='))) return 'scan';
    return 'commit';
  }
  return command === 'scan' || command === 'baseline' || command === 'stale' ? 'scan' : 'none';
}

/**
 * Writes the document to --output through a temporary file and a rename: a reader never sees
 * a half-written or empty file, and a failed run leaves the old file as it was.
 */
export function writeOutput(file: string, cwd: string, text: string): void {
  if (text === '') throw new AkHookError('E_USAGE', '--output needs --format json or sarif');
  replaceFile(path.resolve(cwd, file), text, file);
}
