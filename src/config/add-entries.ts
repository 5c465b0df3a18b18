import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AkHookError } from '../errors';
import { textError } from '../report/messages/text-error';
import { appendToJsonArray } from './json-edit';
import { CONFIG_FILE, CONFIG_FILES, PACKAGE_KEY, formatOf, parseConfig } from './load';
import { stripBom } from './repo-file';
import type { AllowEntry } from './types';
import { parseErrorMessage } from './parse-error';
import { replaceFile } from './write-file';

export interface AddEntriesResult {
  /** The config file written (as given, or repository-relative). */
  file: string;
  added: AllowEntry[];
  /** Fingerprints already allowed by an unexpired entry: left alone. */
  already: string[];
  /** For configs written in code: the entries to paste by hand (nothing was written). */
  manual?: string;
}

/** One entry as one reviewable line. */
export function entryLine(e: AllowEntry): string {
  const keys: Array<keyof AllowEntry> = ['fingerprint', 'rule', 'path', 'regex', 'stopword', 'reason', 'expires'];
  return `{ ${keys
    .filter((k) => e[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}: ${JSON.stringify(e[k])}`)
    .join(', ')} }`;
}

/** The config file `allow` writes to: --config, else the one discovery finds on disk, else a new .akhookrc.json. */
export function configToEdit(root: string, cwd: string, explicit?: string): { abs: string; file: string } {
  if (explicit) return { abs: path.resolve(cwd, explicit), file: explicit };
  for (const name of CONFIG_FILES) {
    const abs = path.join(root, name);
    if (!existsSync(abs)) continue;
    if (name === 'package.json' && !hasPackageKey(readFileSync(abs, 'utf8'))) continue;
    return { abs, file: name };
  }
  return { abs: path.join(root, CONFIG_FILE), file: CONFIG_FILE };
}

function hasPackageKey(text: string): boolean {
  try {
    return (JSON.parse(stripBom(text)) as Record<string, unknown> | null)?.[PACKAGE_KEY] !== undefined;
  } catch {
    return false;
  }
}

/**
 * Adds allow entries to the config file on disk, preserving its formatting and other keys:
 * JSON and package.json get text inserted, YAML is edited as a document (comments kept).
 * The result is parsed and validated before anything is written.
 */
export async function addAllowEntries(
  target: { abs: string; file: string },
  entries: readonly AllowEntry[],
  today: string,
): Promise<AddEntriesResult> {
  const format = formatOf(target.abs);
  const exists = existsSync(target.abs);
  const original = exists ? stripBom(readFileSync(target.abs, 'utf8')) : '';
  const current = (exists ? await parseConfig(original, { file: target.file, abs: target.abs, disk: original, format }) : null) ?? {
    allow: [],
  };
  const live = new Set(
    current.allow
      .filter((e) => e.fingerprint && !e.path && !e.regex && !e.stopword && !(e.expires && e.expires <= today))
      .map((e) => e.fingerprint),
  );
  const added = entries.filter((e) => !live.has(e.fingerprint));
  const already = entries.filter((e) => live.has(e.fingerprint)).map((e) => e.fingerprint!);
  if (added.length === 0) return { file: target.file, added, already };
  if (format === 'cjs' || format === 'esm')
    return { file: target.file, added, already, manual: added.map((e) => `  ${entryLine(e)},`).join('\n') };

  let text: string;
  if (!exists)
    text = `{\n  "$schema": "./node_modules/ak-hook/schema/akhookrc.schema.json",\n  "allow": [\n${added.map((e) => `    ${entryLine(e)}`).join(',\n')}\n  ]\n}\n`;
  else if (format === 'yaml') text = appendYaml(original, added);
  else {
    try {
      text = appendToJsonArray(original, format === 'package' ? [PACKAGE_KEY, 'allow'] : ['allow'], added.map(entryLine));
    } catch (e) {
      throw textError('E_CONFIG_PARSE', 'cannotAddEntries', { file: target.file, why: parseErrorMessage(e) }, { file: target.file });
    }
  }
  const after = await parseConfig(text, { file: target.file, abs: target.abs, disk: text, format });
  if (after?.allow.length !== current.allow.length + added.length)
    throw new AkHookError('E_INTERNAL', `${target.file}: the entries were not added as expected`);
  replaceFile(target.abs, text, target.file);
  return { file: target.file, added, already };
}

function appendYaml(text: string, entries: readonly AllowEntry[]): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof import('yaml');
  const doc = YAML.parseDocument(text);
  if (!doc.has('allow')) doc.set('allow', doc.createNode([]));
  for (const e of entries) {
    const node = doc.createNode({ ...e });
    node.flow = true;
    doc.addIn(['allow'], node);
  }
  return doc.toString({ lineWidth: 0 });
}
