import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SetupAction } from './types';

/**
 * The line init adds to a husky hook (husky puts node_modules/.bin on PATH and runs hooks with
 * sh -e): the hook entry, which proves a clean commit clean in shell and runs `ak-hook check`
 * for everything else (see src/prefilter/shell-script.ts).
 */
export const HUSKY_LINE = 'ak-hook-pre-commit';
/** The line init adds to a plain git hook (run from the repository root, without sh -e). */
export const PLAIN_LINE = './node_modules/.bin/ak-hook-pre-commit || exit $?';
/** Lines earlier versions of init added: still recognised, moved and removed. */
const OLD_LINES = ['ak-hook check', './node_modules/.bin/ak-hook check || exit $?'];
const LINES = [HUSKY_LINE, PLAIN_LINE, ...OLD_LINES];

export function hasOurLine(text: string): boolean {
  return text
    .split('\n')
    .some(
      (l) =>
        LINES.includes(l.trim()) ||
        /^(npx |node_modules\/\.bin\/|\.\/node_modules\/\.bin\/)?(ak-hook check\b|ak-hook-pre-commit(\s|$))/.test(l.trim()),
    );
}

/** True when init's line comes after a top-level `exit` or `exec`, so the hook never reaches it. */
export function ourLineUnreachable(text: string): boolean {
  const lines = text.split('\n');
  const stop = lines.findIndex((l) => /^(exit|exec)\b/.test(l));
  const ours = lines.findIndex((l) => LINES.includes(l.trim()));
  return stop >= 0 && ours > stop;
}

/**
 * A husky hook: our line goes last (after lint-staged, if it is there), but before the first
 * top-level `exit` or `exec` line, which would end the script before reaching it.
 */
export function appendLine(text: string, line: string): string {
  if (text === '') return line + '\n';
  const lines = text.split('\n');
  const stop = lines.findIndex((l) => /^(exit|exec)\b/.test(l));
  if (stop >= 0) return [...lines.slice(0, stop), line, ...lines.slice(stop)].join('\n');
  return (text.endsWith('\n') ? text : text + '\n') + line + '\n';
}

/**
 * The interpreter line of a hook that is not a POSIX shell script (python, node, perl …), or
 * null for a shell script or a file without one (git runs those with sh). Our shell line must
 * not be put into such a file.
 */
export function nonShellShebang(text: string): string | null {
  if (!text.startsWith('#!')) return null;
  const first = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).trim();
  const words = first.slice(2).trim().split(/\s+/);
  let prog = path.basename(words[0] ?? '');
  if (prog === 'env') prog = path.basename(words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')) ?? '');
  return /^(sh|bash|dash|ash|ksh|mksh|zsh|busybox)$/.test(prog) ? null : first;
}

/** A plain hook: our line goes first, right after the shebang, so an `exit` further down cannot skip it. */
export function insertAfterShebang(text: string, line: string): string {
  if (!text.startsWith('#!')) return `${line}\n${text}`;
  const nl = text.indexOf('\n');
  if (nl < 0) return `${text}\n${line}\n`;
  return `${text.slice(0, nl + 1)}${line}\n${text.slice(nl + 1)}`;
}

/** Removes exactly the lines init adds; `empty` when nothing but a shebang and blank lines is left. */
export function removeOurLines(text: string): { text: string; removed: string[]; empty: boolean } {
  const removed: string[] = [];
  const kept = text.split('\n').filter((l) => {
    if (LINES.includes(l.trim())) {
      removed.push(l.trim());
      return false;
    }
    return true;
  });
  const out = kept.join('\n');
  const empty = kept.every((l, i) => l.trim() === '' || (i === 0 && l.startsWith('#!')));
  return { text: out, removed, empty };
}

/** Removes init's lines from one hook file (deleting the file when nothing else is left). */
export function removeHookLine(root: string, file: string, act: (a: SetupAction, apply: () => void) => void): void {
  const abs = path.resolve(root, file);
  if (!existsSync(abs)) return;
  const r = removeOurLines(readFileSync(abs, 'utf8'));
  if (r.removed.length === 0) return;
  if (r.empty) act({ kind: 'delete-hook', file }, () => unlinkSync(abs));
  else act({ kind: 'remove-line', file, line: r.removed[0] }, () => writeFileSync(abs, r.text));
}
