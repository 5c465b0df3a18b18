import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isAkHookError } from '../errors';
import { textError } from '../report/messages/text-error';
import type { BlobSource } from '../git/backend';
import { evalJsConfig } from './eval-js';
import { readDiskText, readRepoFile, stripBom } from './repo-file';
import type { Config, LoadedConfig } from './types';
import { configInvalid, validateConfig } from './validate';
import { parseErrorMessage } from './parse-error';

export const CONFIG_FILE = '.akhookrc.json';
export const PACKAGE_KEY = 'ak-hook';

/** Discovery order at the repository root; the first one present wins. */
export const CONFIG_FILES = [
  '.akhookrc.json',
  '.akhookrc.yaml',
  '.akhookrc.yml',
  'ak-hook.config.js',
  'ak-hook.config.cjs',
  'ak-hook.config.mjs',
  'package.json',
] as const;

const EMPTY: Config = { allow: [] };

export type ConfigFormat = 'json' | 'yaml' | 'cjs' | 'esm' | 'package';

export function formatOf(file: string, root?: string): ConfigFormat {
  const base = path.basename(file);
  if (base === 'package.json') return 'package';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (base.endsWith('.mjs')) return 'esm';
  if (base.endsWith('.cjs')) return 'cjs';
  if (base.endsWith('.js')) return packageType(path.dirname(root ? path.join(root, file) : file)) === 'module' ? 'esm' : 'cjs';
  return 'json';
}

function packageType(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: string }).type;
  } catch {
    return undefined;
  }
}

/**
 * Which version of the config to load: the one the commit applies (index), the working tree's
 * (disk), or a committed one ('HEAD', or any commit git names: the base of a pushed range).
 */
export type ConfigRevision = 'index' | 'disk' | 'HEAD' | (string & {});

/**
 * Finds and loads the config. `--config PATH` wins (read from disk). Otherwise the first of
 * CONFIG_FILES at the repository root: by default (`at: 'index'`) read from the index when
 * it is staged (a half-staged config does not apply its unstaged edits), else from disk;
 * `at: 'HEAD'` reads the committed files only (what applied before this commit; none on an
 * unborn branch); `at: 'disk'` reads the working tree only.
 */
export async function loadConfig(opts: {
  root: string;
  explicit?: string;
  blobs: () => BlobSource;
  cwd: string;
  at?: ConfigRevision;
}): Promise<LoadedConfig> {
  if (opts.explicit) {
    const file = path.resolve(opts.cwd, opts.explicit);
    let text: string;
    try {
      text = stripBom(readFileSync(file, 'utf8'));
    } catch (e) {
      throw textError('E_CONFIG_PARSE', 'configCannotRead', { file: opts.explicit, why: (e as Error).message }, { file: opts.explicit });
    }
    const config = await parseConfig(text, { file: opts.explicit, abs: file, disk: text, format: formatOf(file) });
    return { config: config ?? EMPTY, source: 'explicit', file: opts.explicit };
  }
  for (const name of CONFIG_FILES) {
    const isPkg = name === 'package.json';
    const found = await readAt(opts.at ?? 'index', opts.root, name, opts.blobs, isPkg ? (t) => t.includes(`"${PACKAGE_KEY}"`) : undefined);
    if (!found) continue;
    const config = await parseConfig(found.text, { file: name, abs: found.abs, disk: found.disk, format: formatOf(name, opts.root) });
    // A package.json that only mentions ak-hook (e.g. as a dependency) is not a config.
    if (config) return { config, source: found.source, file: name };
  }
  return { config: EMPTY, source: 'none' };
}

/**
 * The config as it stands at one revision (see loadConfig). For comparing the config a
 * commit applies with the one at HEAD: `loadConfigAt({ root, at: 'HEAD', blobs })`.
 */
export function loadConfigAt(opts: { root: string; at: ConfigRevision; blobs: () => BlobSource }): Promise<LoadedConfig> {
  return loadConfig({ ...opts, cwd: opts.root });
}

async function readAt(
  at: ConfigRevision,
  root: string,
  name: string,
  blobs: () => BlobSource,
  wanted?: (text: string) => boolean,
): Promise<{ text: string; disk: string; abs: string; source: 'index' | 'disk' | 'HEAD' } | null> {
  // (A commit other than HEAD is reported as source 'HEAD' too: committed, not staged.)
  if (at === 'index') return readRepoFile(root, name, blobs, wanted);
  const abs = path.join(root, name);
  let disk: string | null = null;
  if (at === 'disk') disk = existsSync(abs) ? readDiskText(abs, name) : null;
  else {
    // At HEAD the disk copy only decides how an ES module is imported: unreadable is as absent.
    try {
      disk = stripBom(readFileSync(abs, 'utf8'));
    } catch {
      disk = null;
    }
  }
  if (at === 'disk') return disk !== null && (!wanted || wanted(disk)) ? { text: disk, disk, abs, source: 'disk' } : null;
  const blob = await blobs().read(`${at}:${name}`);
  if (!blob) return null;
  const text = stripBom(blob.data.toString('utf8'));
  return !wanted || wanted(text) ? { text, disk: disk ?? '', abs, source: 'HEAD' } : null;
}

/**
 * Parses one config text in its format and validates it; null for a package.json without an
 * "ak-hook" key. Throws E_CONFIG_PARSE / E_CONFIG_INVALID.
 */
export async function parseConfig(
  text: string,
  at: { file: string; abs: string; disk: string; format: ConfigFormat },
): Promise<Config | null> {
  let raw: unknown;
  try {
    raw = await parseRaw(text, at);
  } catch (e) {
    if (isAkHookError(e)) throw e;
    const first = parseErrorMessage(e);
    const kind = at.format === 'yaml' ? 'YAML' : at.format === 'cjs' || at.format === 'esm' ? 'JavaScript' : 'JSON';
    throw textError('E_CONFIG_PARSE', 'configNotValid', { file: at.file, kind, why: first }, { file: at.file });
  }
  if (at.format === 'package') {
    raw = (raw as Record<string, unknown> | null)?.[PACKAGE_KEY];
    if (raw === undefined) return null;
  }
  const v = validateConfig(raw);
  if (!v.ok) throw configInvalid(at.file, v.problems);
  return v.config;
}

async function parseRaw(text: string, at: { file: string; abs: string; disk: string; format: ConfigFormat }): Promise<unknown> {
  switch (at.format) {
    case 'yaml':
      // Loaded only when a YAML config exists (bundled apart as dist/yaml.js).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('yaml') as typeof import('yaml')).parse(text);
    case 'cjs':
    case 'esm':
      return evalJsConfig({ file: at.file, text, abs: at.abs, disk: at.disk, esm: at.format === 'esm' });
    default:
      return JSON.parse(text);
  }
}
