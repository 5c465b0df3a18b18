/**
 * Config problems by stable id + data (issue 12): the words live in the message modules
 * (src/report/messages/config-en.ts and config-zh.ts); a problem also carries its English words
 * as `message`/`hint` for the library's callers and JSON output.
 */
import { CONFIG_EN, type ConfigArgs, type ConfigTextId } from '../report/messages/config-en';

export type { ConfigArgs, ConfigTextId };
export const MAX_SHOWN = 80;

/** A value as a config problem shows it: JSON, cut to MAX_SHOWN characters. */
export function shown(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 3)}…` : s;
}

/** A problem's words: its id and data, and the English message (and hint). */
export interface Said {
  id: ConfigTextId;
  args: ConfigArgs;
  message: string;
  hint?: string;
}

export function say(id: ConfigTextId, args: ConfigArgs = {}): Said {
  const w: { message: string; hint?: string } = CONFIG_EN[id](args);
  return w.hint === undefined ? { id, args, message: w.message } : { id, args, message: w.message, hint: w.hint };
}

export const jsConfigText = {
  /** What the worker found that is not plain data. */
  notData: (what: string): Said =>
    what === 'RegExp'
      ? say('notDataRegExp')
      : what === 'cycle'
        ? say('notDataCycle')
        : /^[a-z]/.test(what)
          ? say('notDataKind', { what })
          : say('notDataClass', { what }),
};

export const regexText = {
  empty: say('regexEmpty'),
  tooLong: (length: number, max: number) => say('regexTooLong', { length, max }),
  lookahead: (src: string) => say('regexLookahead', { quoted: quoted(src) }),
  backreference: (src: string) => say('regexBackreference', { quoted: quoted(src) }),
  invalid: (src: string, why: string) => say('regexInvalid', { quoted: quoted(src), why }),
  tooLarge: (size: number, max: number) => say('regexTooLarge', { size, max }),
};

/** ": "pattern"" for a short pattern; nothing for a long one (never echo a huge regex). */
function quoted(src: string): string {
  return src.length <= MAX_SHOWN ? `: ${JSON.stringify(src)}` : '';
}

export const customRuleText = {
  notArray: (v: unknown) => say('customNotArray', { value: shown(v) }),
  notObject: (v: unknown) => say('customNotObject', { value: shown(v) }),
  unknownKey: (k: string, known: readonly string[]) => say('unknownKey', { key: k, known: known.join(', ') }),
  badId: (v: unknown) => say('customBadId', { value: shown(v) }),
  builtinId: (id: string) => say('customBuiltinId', { value: shown(id) }),
  takenId: (id: string) => say('customTakenId', { value: shown(id) }),
  notText: (v: unknown) => say('notText', { value: shown(v) }),
  keywordsNotList: (v: unknown) => say('customKeywordsNotList', { value: shown(v) }),
  positiveNotList: (v: unknown) => say('customPositiveNotList', { value: shown(v) }),
  patternNotText: (v: unknown) => say('customPatternNotText', { value: shown(v) }),
  noSecretGroup: say('customNoSecretGroup'),
  badEntropy: (v: unknown) => say('customBadEntropy', { value: shown(v) }),
  badClasses: (v: unknown) => say('badClasses', { value: shown(v) }),
  badSeverity: (v: unknown, allowed: readonly string[]) => say('customBadSeverity', { value: shown(v), allowed: allowed.join(', ') }),
  badKind: (v: unknown) => say('customBadKind', { value: shown(v) }),
  examplesNotObject: (v: unknown) => say('customExamplesNotObject', { value: shown(v) }),
  negativeNotArray: (v: unknown) => say('customNegativeNotArray', { value: shown(v) }),
  notString: (v: unknown) => say('notString', { value: shown(v) }),
  exampleTooLong: (length: number, max: number) => say('customExampleTooLong', { length, max }),
  unknownToken: (name: string, known: readonly string[]) => say('customUnknownToken', { name, known: known.join(', ') }),
  badTokenLength: (name: string, n: string) => say('customBadTokenLength', { name, n }),
  /** why: noKeyword, noMatch, filtered or filteredFloors. */
  positiveMissed: (line: string, why: string) => say('customPositiveMissed', { line: shown(line), why }),
  negativeFound: (line: string) => say('customNegativeFound', { line: shown(line) }),
};
