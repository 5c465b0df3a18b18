/**
 * The words of the config module's errors and problems that came with JS config isolation, user
 * regexes and custom rules, in one place (English, like every config problem today: the CLI
 * prints them after its translated prefix and hint).
 */
export const MAX_SHOWN = 80;

/** A value as a config problem shows it: JSON, cut to MAX_SHOWN characters. */
export function shown(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 3)}…` : s;
}

export const jsConfigText = {
  timeout: (file: string, seconds: number) =>
    `${file} did not finish loading within ${seconds} s (an endless loop, or a promise that never settles?)`,
  exited: (file: string, code: number) => `${file} ended with process.exit(${code}) before exporting a config`,
  syntax: (file: string, why: string) => `${file} is not valid JavaScript: ${why}`,
  threw: (file: string, name: string, why: string) => `${file} threw while loading: ${name}: ${why}`,
  failed: (file: string, why: string) => `${file} failed while loading: ${why}`,
  /** What the worker found that is not plain data. */
  notData: (what: string) =>
    what === 'RegExp'
      ? { message: 'is a RegExp object', hint: 'write the pattern as a string, e.g. "^test_[a-z]+$" (backslashes doubled inside quotes)' }
      : {
          message:
            what === 'cycle'
              ? 'refers back to itself (a cycle)'
              : /^[a-z]/.test(what)
                ? `is a ${what}, which cannot be used in a config`
                : `is a ${what}, not plain data`,
          hint: 'a JavaScript config must export plain data: objects, arrays, strings, numbers, booleans',
        },
};

const SYNTAX_HINT = 'RE2 syntax, as in gitleaks: no lookahead (?=…) (?!…), no backreferences \\1; (?<!…) and \\b work; (?i) ignores case';

export const regexText = {
  empty: { message: 'must not be empty (an empty regex matches everything)' },
  tooLong: (length: number, max: number) => ({
    message: `is ${length} characters long; at most ${max} are allowed`,
    hint: 'match a shorter, distinctive part of the secret',
  }),
  lookahead: (src: string) => ({ message: `uses lookahead, which is not supported${quoted(src)}`, hint: SYNTAX_HINT }),
  backreference: (src: string) => ({ message: `uses a backreference, which is not supported${quoted(src)}`, hint: SYNTAX_HINT }),
  invalid: (src: string, why: string) => ({ message: `not a valid regular expression${quoted(src)} (${why})`, hint: SYNTAX_HINT }),
  tooLarge: (size: number, max: number) => ({
    message: `is too large once compiled (${size} instructions, at most ${max})`,
    hint: 'use smaller repeat counts, e.g. {20,64} rather than {20,1000}',
  }),
};

/** ": "pattern"" for a short pattern; nothing for a long one (never echo a huge regex). */
function quoted(src: string): string {
  return src.length <= MAX_SHOWN ? `: ${JSON.stringify(src)}` : '';
}

export const customRuleText = {
  notArray: (v: unknown) => ({ message: `must be an array of rules, got ${shown(v)}`, hint: 'see docs/custom-rules.md' }),
  notObject: (v: unknown) => ({
    message: `must be an object, got ${shown(v)}`,
    hint: '{ "id": "acme-token", "keywords": ["acme_"], "pattern": "…(?P<secret>…)", "examples": { "positive": ["…"] } }',
  }),
  unknownKey: (k: string, known: readonly string[]) => ({ message: `unknown key "${k}"`, hint: `known keys: ${known.join(', ')}` }),
  badId: (v: unknown) => ({ message: `must be lower-case words joined by "-", got ${shown(v)}`, hint: '"id": "acme-live-token"' }),
  builtinId: (id: string) => ({
    message: `${shown(id)} is a built-in rule`,
    hint: 'choose another id, or change the built-in rule under "rules"',
  }),
  takenId: (id: string) => ({ message: `${shown(id)} is used by another custom rule` }),
  notText: (v: unknown) => ({ message: `must be a non-empty string, got ${shown(v)}` }),
  notList: (what: string, v: unknown, hint: string) => ({ message: `must be a non-empty array of ${what}, got ${shown(v)}`, hint }),
  keywordsHint: '"keywords": ["acme_live_"] (a line is tried only when it holds one, any case)',
  positiveHint: '"positive": ["ACME_TOKEN=acme_live_{{alnum:32}}"]',
  patternNotText: (v: unknown) => ({
    message: `must be a string, got ${shown(v)}`,
    hint: '"pattern": "acme_live_(?P<secret>[A-Za-z0-9]{32})"',
  }),
  noSecretGroup: { message: 'has no named group "secret"', hint: 'wrap the secret part in (?P<secret>…)' },
  badEntropy: (v: unknown) => ({
    message: `must be a number from 0 to 8 (bits per character), got ${shown(v)}`,
    hint: '"minEntropy": 3.5',
  }),
  badClasses: (v: unknown) => ({ message: `must be 0, 1, 2 or 3, got ${shown(v)}` }),
  badSeverity: (v: unknown, allowed: readonly string[]) => ({ message: `must be one of ${allowed.join(', ')}, got ${shown(v)}` }),
  badKind: (v: unknown) => ({
    message: `must be "key" or "password", got ${shown(v)}`,
    hint: '"password" gives a slow, salted fingerprint',
  }),
  examplesNotObject: (v: unknown) => ({
    message: `must be an object, got ${shown(v)}`,
    hint: '"examples": { "positive": ["…"], "negative": ["…"] }',
  }),
  negativeNotArray: (v: unknown) => ({ message: `must be an array of lines, got ${shown(v)}` }),
  notString: (v: unknown) => ({ message: `must be a string, got ${shown(v)}` }),
  exampleTooLong: (length: number, max: number) => ({ message: `is ${length} characters long; at most ${max}` }),
  unknownToken: (name: string, known: readonly string[]) => `unknown token {{${name}:…}} (known: ${known.join(', ')})`,
  badTokenLength: (name: string, n: string) => `token {{${name}:${n}}} must have a length from 1 to 1000`,
  positiveMissed: (line: string, why: string) => ({
    message: `${shown(line)} is not reported: it ${why}`,
    hint: 'a positive example must be a line the rule reports; use {{alnum:32}}-style tokens for random parts',
  }),
  negativeFound: (line: string) => ({
    message: `${shown(line)} is reported as a secret`,
    hint: 'a negative example must be a line the rule does not report',
  }),
  whyNoKeyword: 'contains none of the keywords',
  whyNoMatch: 'is not matched by the pattern',
  whyFiltered: (floors: boolean) =>
    `is matched, but the secret is rejected by ${floors ? 'the entropy or class floor, or ' : ''}the placeholder filters (too regular, or an example-like value)`,
};
