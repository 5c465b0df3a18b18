import { readFileSync, writeFileSync } from 'node:fs';

export type Json = Record<string, unknown>;

/** A JSON file edited in place: its indentation and final newline are kept. */
export interface JsonFile {
  path: string;
  data: Json;
  save(): void;
}

export function readJsonFile(file: string): JsonFile {
  const text = readFileSync(file, 'utf8');
  const data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Json;
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
  return {
    path: file,
    data,
    save() {
      writeFileSync(file, JSON.stringify(data, null, indent) + (text.endsWith('\n') ? '\n' : ''));
    },
  };
}

/** The lint-staged task init writes: lint-staged passes the staged files, ak-hook scans only their staged changes. */
export const TASK_GLOB = '*';
export const TASK_COMMAND = 'ak-hook check';

/** Adds the task to a lint-staged config object; false when it is already there. */
export function addTask(config: Json): boolean {
  const cur = config[TASK_GLOB];
  if (cur === undefined) config[TASK_GLOB] = TASK_COMMAND;
  else if (typeof cur === 'string') {
    if (cur === TASK_COMMAND) return false;
    config[TASK_GLOB] = [cur, TASK_COMMAND];
  } else if (Array.isArray(cur)) {
    if (cur.includes(TASK_COMMAND)) return false;
    cur.push(TASK_COMMAND);
  } else return false;
  return true;
}

/** Removes the task init added; false when it is not there. */
export function removeTask(config: Json): boolean {
  const cur = config[TASK_GLOB];
  if (cur === TASK_COMMAND) {
    delete config[TASK_GLOB];
    return true;
  }
  if (Array.isArray(cur) && cur.includes(TASK_COMMAND)) {
    const rest = cur.filter((c) => c !== TASK_COMMAND);
    config[TASK_GLOB] = rest.length === 1 ? rest[0] : rest;
    return true;
  }
  return false;
}
