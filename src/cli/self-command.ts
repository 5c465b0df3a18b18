import * as path from 'node:path';

/**
 * The command that runs this same installed ak-hook, to print in messages (never one that can
 * fetch from the registry): `npx --no ak-hook` in the project that has it in node_modules (with
 * a `cd` into a sub-package of a monorepo), else `node <path to the bin>` (e.g. the
 * pre-commit framework's own environment). `self` is the running bin; without it (the library
 * used directly), `npx --no ak-hook`.
 */
export function selfCommand(root: string, self: string | undefined): string {
  if (!self) return 'npx --no ak-hook';
  const rel = path.relative(root, self);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  if (!inside) return `node ${shellQuote(self)}`;
  const parts = rel.split(path.sep);
  const nm = parts.indexOf('node_modules');
  if (nm < 0) return `node ${shellQuote(parts.join('/'))}`;
  const project = parts.slice(0, nm).join('/');
  return project === '' ? 'npx --no ak-hook' : `cd ${shellQuote(project)} && npx --no ak-hook`;
}

export function shellQuote(s: string): string {
  return /^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
