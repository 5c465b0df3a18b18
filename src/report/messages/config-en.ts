/**
 * The words of config problems (issue 12), by stable id: the config module builds each problem
 * from an id and its data (values already shown as JSON), and the CLI renders it in the user's
 * language (config-zh.ts has the same ids). English is also the problem's own `message`/`hint`.
 */
export type ConfigArgs = Record<string, string | number>;
export interface ConfigWords {
  message: string;
  hint?: string;
}

const SYNTAX_HINT = 'RE2 syntax, as in gitleaks: no lookahead (?=…) (?!…), no backreferences \\1; (?<!…) and \\b work; (?i) ignores case';
const PLAIN_HINT = 'a JavaScript config must export plain data: objects, arrays, strings, numbers, booleans';
const VERIFY_HINT = '"verify": { "check": true, "invalid": "block" }';
const WHY: Record<string, string> = {
  noKeyword: 'contains none of the keywords',
  noMatch: 'is not matched by the pattern',
  filtered: 'is matched, but the secret is rejected by the placeholder filters (too regular, or an example-like value)',
  filteredFloors:
    'is matched, but the secret is rejected by the entropy or class floor, or the placeholder filters (too regular, or an example-like value)',
};

export const CONFIG_EN = {
  unknownKey: (a: ConfigArgs) => ({ message: `unknown key "${a.key}"`, hint: `known keys: ${a.known}` }),
  rootNotObject: (a: ConfigArgs) => ({ message: `must be an object, got ${a.value}`, hint: '{ "allow": [] }' }),
  notString: (a: ConfigArgs) => ({ message: `must be a string, got ${a.value}` }),
  notText: (a: ConfigArgs) => ({ message: `must be a non-empty string, got ${a.value}` }),
  empty: () => ({ message: 'must not be empty' }),
  badClasses: (a: ConfigArgs) => ({ message: `must be 0, 1, 2 or 3, got ${a.value}` }),
  badEntropy: (a: ConfigArgs) => ({ message: `must be a number from 0 to 8 (bits per character), got ${a.value}` }),
  allowNotArray: (a: ConfigArgs) => ({
    message: `must be an array, got ${a.value}`,
    hint: '"allow": [{ "fingerprint": "akfp1:…", "reason": "…" }]',
  }),
  entryNotObject: (a: ConfigArgs) => ({
    message: `must be an object, got ${a.value}`,
    hint: '{ "fingerprint": "akfp1:…", "reason": "…" }',
  }),
  entryNoMatch: () => ({
    message: 'needs one of "fingerprint", "path", "regex" or "stopword"',
    hint: 'copy the command that the blocking message prints',
  }),
  badFingerprint: (a: ConfigArgs) => ({ message: `not a fingerprint: ${a.value}`, hint: 'expected akfp1: followed by 32 hex digits' }),
  negatedPath: (a: ConfigArgs) => ({ message: `negated glob ${a.value} is not supported`, hint: 'write the glob of the files to allow' }),
  unknownRule: (a: ConfigArgs) => ({ message: `unknown rule ${a.value}`, hint: 'see "ak-hook rules"' }),
  badDate: (a: ConfigArgs) => ({ message: `not a date: ${a.value}`, hint: 'use YYYY-MM-DD' }),
  globsNotArray: (a: ConfigArgs) => ({ message: `must be an array of globs, got ${a.value}`, hint: `"${a.key}": ["src/**"]` }),
  globNotText: (a: ConfigArgs) => ({ message: `must be a non-empty glob string, got ${a.value}` }),
  negatedExclude: (a: ConfigArgs) => ({
    message: `negated glob ${a.value} is not supported`,
    hint: 'narrow the other exclude globs so they leave these files out',
  }),
  negatedPaths: (a: ConfigArgs) => ({ message: `negated glob ${a.value} is not supported`, hint: 'list it under "exclude" instead' }),
  globBackslash: (a: ConfigArgs) => ({ message: `glob ${a.value} has a backslash`, hint: 'use forward slashes' }),
  rulesNotObject: (a: ConfigArgs) => ({ message: `must be an object, got ${a.value}`, hint: '"rules": { "rule-id": false }' }),
  ruleSettingNotObject: (a: ConfigArgs) => ({ message: `must be true, false or an object, got ${a.value}`, hint: '{ "minEntropy": 4 }' }),
  notBoolean: (a: ConfigArgs) => ({ message: `must be true or false, got ${a.value}` }),
  badMaxFileSize: (a: ConfigArgs) => ({
    message: `must be a whole number of bytes above 0, got ${a.value}`,
    hint: '"maxFileSize": 1048576',
  }),
  badLang: (a: ConfigArgs) => ({ message: `must be "en" or "zh", got ${a.value}` }),
  schema: (a: ConfigArgs) => ({ message: `does not match the schema: ${a.why}`, hint: 'see schema/akhookrc.schema.json' }),
  verifyNotObject: (a: ConfigArgs) => ({ message: `must be an object, got ${a.value}`, hint: VERIFY_HINT }),
  verifyNotBoolean: (a: ConfigArgs) => ({ message: `must be true or false, got ${a.value}`, hint: VERIFY_HINT }),
  verifyBadInvalid: (a: ConfigArgs) => ({ message: `must be "block" or "warn", got ${a.value}`, hint: VERIFY_HINT }),
  baselineNotArray: () => ({ message: 'must be an array', hint: 'run "ak-hook baseline" to write it again' }),
  baselineBadFingerprint: (a: ConfigArgs) => ({ message: `not a fingerprint: ${a.value}` }),
  // user regexes (allow entries' "regex", custom rules' "pattern")
  regexEmpty: () => ({ message: 'must not be empty (an empty regex matches everything)' }),
  regexTooLong: (a: ConfigArgs) => ({
    message: `is ${a.length} characters long; at most ${a.max} are allowed`,
    hint: 'match a shorter, distinctive part of the secret',
  }),
  regexLookahead: (a: ConfigArgs) => ({ message: `uses lookahead, which is not supported${a.quoted}`, hint: SYNTAX_HINT }),
  regexBackreference: (a: ConfigArgs) => ({ message: `uses a backreference, which is not supported${a.quoted}`, hint: SYNTAX_HINT }),
  regexInvalid: (a: ConfigArgs) => ({ message: `not a valid regular expression${a.quoted} (${a.why})`, hint: SYNTAX_HINT }),
  regexTooLarge: (a: ConfigArgs) => ({
    message: `is too large once compiled (${a.size} instructions, at most ${a.max})`,
    hint: 'use smaller repeat counts, e.g. {20,64} rather than {20,1000}',
  }),
  // a JavaScript config's export that is not plain data
  notDataRegExp: () => ({
    message: 'is a RegExp object',
    hint: 'write the pattern as a string, e.g. "^test_[a-z]+$" (backslashes doubled inside quotes)',
  }),
  notDataCycle: () => ({ message: 'refers back to itself (a cycle)', hint: PLAIN_HINT }),
  notDataKind: (a: ConfigArgs) => ({ message: `is a ${a.what}, which cannot be used in a config`, hint: PLAIN_HINT }),
  notDataClass: (a: ConfigArgs) => ({ message: `is a ${a.what}, not plain data`, hint: PLAIN_HINT }),
  // custom rules
  customNotArray: (a: ConfigArgs) => ({ message: `must be an array of rules, got ${a.value}`, hint: 'see docs/custom-rules.md' }),
  customNotObject: (a: ConfigArgs) => ({
    message: `must be an object, got ${a.value}`,
    hint: '{ "id": "acme-token", "keywords": ["acme_"], "pattern": "…(?P<secret>…)", "examples": { "positive": ["…"] } }',
  }),
  customBadId: (a: ConfigArgs) => ({ message: `must be lower-case words joined by "-", got ${a.value}`, hint: '"id": "acme-live-token"' }),
  customBuiltinId: (a: ConfigArgs) => ({
    message: `${a.value} is a built-in rule`,
    hint: 'choose another id, or change the built-in rule under "rules"',
  }),
  customTakenId: (a: ConfigArgs) => ({ message: `${a.value} is used by another custom rule` }),
  customKeywordsNotList: (a: ConfigArgs) => ({
    message: `must be a non-empty array of words, got ${a.value}`,
    hint: '"keywords": ["acme_live_"] (a line is tried only when it holds one, any case)',
  }),
  customPositiveNotList: (a: ConfigArgs) => ({
    message: `must be a non-empty array of lines the rule must report, got ${a.value}`,
    hint: '"positive": ["ACME_TOKEN=acme_live_{{alnum:32}}"]',
  }),
  customPatternNotText: (a: ConfigArgs) => ({
    message: `must be a string, got ${a.value}`,
    hint: '"pattern": "acme_live_(?P<secret>[A-Za-z0-9]{32})"',
  }),
  customNoSecretGroup: () => ({ message: 'has no named group "secret"', hint: 'wrap the secret part in (?P<secret>…)' }),
  customBadEntropy: (a: ConfigArgs) => ({
    message: `must be a number from 0 to 8 (bits per character), got ${a.value}`,
    hint: '"minEntropy": 3.5',
  }),
  customBadSeverity: (a: ConfigArgs) => ({ message: `must be one of ${a.allowed}, got ${a.value}` }),
  customBadKind: (a: ConfigArgs) => ({
    message: `must be "key" or "password", got ${a.value}`,
    hint: '"password" gives a slow, salted fingerprint',
  }),
  customExamplesNotObject: (a: ConfigArgs) => ({
    message: `must be an object, got ${a.value}`,
    hint: '"examples": { "positive": ["…"], "negative": ["…"] }',
  }),
  customNegativeNotArray: (a: ConfigArgs) => ({ message: `must be an array of lines, got ${a.value}` }),
  customExampleTooLong: (a: ConfigArgs) => ({ message: `is ${a.length} characters long; at most ${a.max}` }),
  customUnknownToken: (a: ConfigArgs) => ({ message: `unknown token {{${a.name}:…}} (known: ${a.known})` }),
  customBadTokenLength: (a: ConfigArgs) => ({ message: `token {{${a.name}:${a.n}}} must have a length from 1 to 1000` }),
  customPositiveMissed: (a: ConfigArgs) => ({
    message: `${a.line} is not reported: it ${WHY[a.why]}`,
    hint: 'a positive example must be a line the rule reports; use {{alnum:32}}-style tokens for random parts',
  }),
  customNegativeFound: (a: ConfigArgs) => ({
    message: `${a.line} is reported as a secret`,
    hint: 'a negative example must be a line the rule does not report',
  }),
} satisfies Record<string, (a: ConfigArgs) => ConfigWords>;

export type ConfigTextId = keyof typeof CONFIG_EN;
