import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../errors';
import type { BlobSource } from '../git/backend';
import type { Config, ConfigProblem, LoadedConfig } from './types';
import { validateConfig } from './validate';

export const CONFIG_FILE = '.akhookrc.json';
export const PACKAGE_KEY = 'ak-hook';

const EMPTY: Config = { allow: [] };

/**
 * Finds and loads the config. `--config PATH` wins. Otherwise `.akhookrc.json`, then an
 * "ak-hook" key in package.json, at the repository root. A file present in the index is
 * read from the index (exactly what the commit will contain: a half-staged config does not
 * apply its unstaged edits); a file only on disk is read from disk. Disk is looked at first
 * only to avoid starting git when there is no config at all.
 */
export async function loadConfig(opts: { root: string; explicit?: string; blobs: () => BlobSource; cwd: string }): Promise<LoadedConfig> {
  if (opts.explicit) {
    const file = path.resolve(opts.cwd, opts.explicit);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new AkHookError('E_CONFIG_PARSE', `cannot read config ${opts.explicit}: ${(e as Error).message}`, { file: opts.explicit });
    }
    return { config: parse(text, opts.explicit, file.endsWith('package.json')) ?? EMPTY, source: 'explicit', file: opts.explicit };
  }
  for (const [name, isPkg] of [
    [CONFIG_FILE, false],
    ['package.json', true],
  ] as const) {
    const abs = path.join(opts.root, name);
    if (!existsSync(abs)) continue;
    const disk = readFileSync(abs, 'utf8');
    if (isPkg && !disk.includes(`"${PACKAGE_KEY}"`)) continue;
    const staged = await opts.blobs().read(`:${name}`);
    const source = staged ? 'index' : 'disk';
    const config = parse(staged ? staged.data.toString('utf8') : disk, name, isPkg);
    if (config) return { config, source, file: name };
  }
  return { config: EMPTY, source: 'none' };
}

/** Parses and validates; null when a package.json has no "ak-hook" key. */
function parse(text: string, file: string, isPkg: boolean): Config | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new AkHookError('E_CONFIG_PARSE', `${file} is not valid JSON: ${(e as Error).message}`, { file });
  }
  if (isPkg) {
    raw = (raw as Record<string, unknown> | null)?.[PACKAGE_KEY];
    if (raw === undefined) return null;
  }
  const v = validateConfig(raw);
  if (!v.ok) throw configInvalid(file, v.problems);
  return v.config;
}

function configInvalid(file: string, problems: ConfigProblem[]): AkHookError {
  return new AkHookError('E_CONFIG_INVALID', `${file} has ${problems.length} problem(s)`, { file, problems });
}
