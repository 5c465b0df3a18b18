import type { AkHookError } from '../errors';
import { RULES } from '../detect/rules';
import { FINGERPRINT_RE } from '../allowlist/fingerprint';
import { validateVerifyConfig } from '../verify/config';
import type { AllowEntry, Config, ConfigProblem, RuleSettings } from './types';
import { say, type ConfigArgs, type ConfigTextId, type Said } from './messages';
import { textError } from '../report/messages/text-error';
import { userRegexProblem } from './user-regex';
import { declaredIds, validateCustomRules } from './custom-rules';

/**
 * The config validator. `schema/akhookrc.schema.json` says the same in JSON Schema for
 * editors, and is compiled into this validator at build time (schemaProblems): a config the
 * schema rejects is never accepted. The checks here give the words (place, value, hint) and
 * what a schema cannot say (dates, regex syntax, rule ids, custom rules' examples);
 * test/unit/config-schema.test.ts proves the words cover every schema error. Reports every
 * problem at once.
 */
const TOP_KEYS = ['$schema', 'allow', 'rules', 'customRules', 'paths', 'exclude', 'maxFileSize', 'lang', 'verify'];
const ENTRY_KEYS = ['fingerprint', 'path', 'regex', 'stopword', 'rule', 'reason', 'expires'];
const MATCH_KEYS = ['fingerprint', 'path', 'regex', 'stopword'];
const RULE_KEYS = ['enabled', 'minEntropy', 'minClasses'];

type Result = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

class Problems {
  readonly list: ConfigProblem[] = [];
  add(at: string, id: ConfigTextId, args: ConfigArgs = {}): void {
    this.put(at, say(id, args));
  }
  put(at: string, w: Said): void {
    this.list.push({ at, ...w });
  }
  unknownKeys(o: Record<string, unknown>, known: readonly string[], at: (k: string) => string): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.add(at(k), 'unknownKey', { key: k, known: known.join(', ') });
  }
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function globs(p: Problems, v: unknown, at: string, hintKey: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    p.add(at, 'globsNotArray', { value: show(v), key: hintKey });
    return undefined;
  }
  v.forEach((g, i) => {
    if (typeof g !== 'string' || g.trim() === '') p.add(`${at}[${i}]`, 'globNotText', { value: show(g) });
    else if (g.startsWith('!')) p.add(`${at}[${i}]`, at === 'exclude' ? 'negatedExclude' : 'negatedPaths', { value: show(g) });
    else if (g.includes('\\')) p.add(`${at}[${i}]`, 'globBackslash', { value: show(g) });
  });
  return v as string[];
}

function entry(p: Problems, e: unknown, at: string, ruleIds: ReadonlySet<string>): AllowEntry | null {
  if (!isObject(e)) {
    p.add(at, 'entryNotObject', { value: show(e) });
    return null;
  }
  p.unknownKeys(e, ENTRY_KEYS, (k) => `${at}.${k}`);
  for (const k of ENTRY_KEYS) {
    if (e[k] !== undefined && typeof e[k] !== 'string') p.add(`${at}.${k}`, 'notString', { value: show(e[k]) });
  }
  const s = (k: string): string | undefined => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
  if (!MATCH_KEYS.some((k) => e[k] !== undefined)) {
    p.add(at, 'entryNoMatch');
  }
  const fp = s('fingerprint');
  if (fp !== undefined && !FINGERPRINT_RE.test(fp)) p.add(`${at}.fingerprint`, 'badFingerprint', { value: show(fp) });
  for (const k of ['path', 'stopword', 'reason']) {
    if (s(k)?.trim() === '') p.add(`${at}.${k}`, 'empty');
  }
  const pathGlob = s('path');
  if (pathGlob?.startsWith('!')) p.add(`${at}.path`, 'negatedPath', { value: show(pathGlob) });
  const re = s('regex');
  if (re !== undefined) {
    const bad = userRegexProblem(re);
    if (bad) p.put(`${at}.regex`, bad);
  }
  const rule = s('rule');
  if (rule !== undefined && !ruleIds.has(rule)) p.add(`${at}.rule`, 'unknownRule', { value: show(rule) });
  const exp = s('expires');
  if (exp !== undefined && !isValidDate(exp)) p.add(`${at}.expires`, 'badDate', { value: show(exp) });
  return e as AllowEntry;
}

function ruleSettings(p: Problems, v: unknown, ruleIds: ReadonlySet<string>): Record<string, boolean | RuleSettings> | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    p.add('rules', 'rulesNotObject', { value: show(v) });
    return undefined;
  }
  for (const [id, s] of Object.entries(v)) {
    const at = `rules.${id}`;
    if (!ruleIds.has(id)) p.add(at, 'unknownRule', { value: show(id) });
    if (typeof s === 'boolean') continue;
    if (!isObject(s)) {
      p.add(at, 'ruleSettingNotObject', { value: show(s) });
      continue;
    }
    p.unknownKeys(s, RULE_KEYS, (k) => `${at}.${k}`);
    if (s.enabled !== undefined && typeof s.enabled !== 'boolean') p.add(`${at}.enabled`, 'notBoolean', { value: show(s.enabled) });
    if (s.minEntropy !== undefined && (typeof s.minEntropy !== 'number' || s.minEntropy < 0 || s.minEntropy > 8))
      p.add(`${at}.minEntropy`, 'badEntropy', { value: show(s.minEntropy) });
    if (
      s.minClasses !== undefined &&
      (typeof s.minClasses !== 'number' || !Number.isInteger(s.minClasses) || s.minClasses < 0 || s.minClasses > 3)
    )
      p.add(`${at}.minClasses`, 'badClasses', { value: show(s.minClasses) });
  }
  return v as Record<string, boolean | RuleSettings>;
}

/** Validates a parsed config; reports every problem at once. */
export function validateConfig(raw: unknown, builtinIds: ReadonlySet<string> = new Set(RULES.map((r) => r.id))): Result {
  const p = new Problems();
  if (!isObject(raw)) return { ok: false, problems: [{ at: '(root)', ...say('rootNotObject', { value: show(raw) }) }] };
  p.unknownKeys(raw, TOP_KEYS, (k) => k);
  const config: Config = { allow: [] };
  const ruleIds = new Set([...builtinIds, ...declaredIds(raw.customRules)]);
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string') p.add('$schema', 'notString', { value: show(raw.$schema) });
  if (raw.allow !== undefined && !Array.isArray(raw.allow)) {
    p.add('allow', 'allowNotArray', { value: show(raw.allow) });
  } else if (Array.isArray(raw.allow)) {
    raw.allow.forEach((e, i) => {
      const ok = entry(p, e, `allow[${i}]`, ruleIds);
      if (ok) config.allow.push(ok);
    });
  }
  const rules = ruleSettings(p, raw.rules, ruleIds);
  if (rules) config.rules = rules;
  const custom = validateCustomRules((at, w) => p.put(at, w), raw.customRules, builtinIds);
  if (custom) config.customRules = custom;
  const paths = globs(p, raw.paths, 'paths', 'paths');
  if (paths) config.paths = paths;
  const exclude = globs(p, raw.exclude, 'exclude', 'exclude');
  if (exclude) config.exclude = exclude;
  if (raw.maxFileSize !== undefined) {
    const v = raw.maxFileSize;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) p.add('maxFileSize', 'badMaxFileSize', { value: show(v) });
    else config.maxFileSize = v;
  }
  if (raw.lang !== undefined) {
    if (raw.lang !== 'en' && raw.lang !== 'zh') p.add('lang', 'badLang', { value: show(raw.lang) });
    else config.lang = raw.lang;
  }
  const verify = validateVerifyConfig(raw.verify, (at, w) => p.put(at, w));
  if (verify) config.verify = verify;
  schemaProblems(raw, p);
  return p.list.length > 0 ? { ok: false, problems: p.list } : { ok: true, config };
}

/** An ajv error's place in the words of config problems: `/allow/0/regex` -> `allow[0].regex`. */
function placeOf(e: { instancePath: string; keyword: string; params: Record<string, unknown> }): string {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = e.params.additionalProperty ?? e.params.missingProperty ?? e.params.propertyName;
  if (typeof extra === 'string') parts.push(extra);
  const at = parts.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return at === '' ? '(root)' : at;
}

const related = (a: string, b: string): boolean =>
  a === b || a === '(root)' || b.startsWith(a + '.') || b.startsWith(a + '[') || a.startsWith(b + '.') || a.startsWith(b + '[');

/**
 * The shipped JSON Schema, compiled at build time, checks the config too: whatever it rejects
 * that the checks above did not already report (with their better words) is a problem as well,
 * so the validator can never accept a config the schema rejects.
 */
function schemaProblems(raw: unknown, p: Problems): void {
  // Loaded only when a config exists (bundled apart as dist/schema-check.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schemaCheck = require('./schema-check.generated') as typeof import('./schema-check.generated');
  if (schemaCheck(raw)) return;
  const seen = new Set<string>();
  for (const e of schemaCheck.errors ?? []) {
    const at = placeOf(e);
    if (seen.has(at) || p.list.some((q) => related(q.at, at))) continue;
    seen.add(at);
    p.add(at, 'schema', { why: e.message ?? e.keyword });
  }
}

/** E_CONFIG_INVALID for a config file with these problems. */
export function configInvalid(file: string, problems: ConfigProblem[]): AkHookError {
  return textError('E_CONFIG_INVALID', 'configInvalid', { file, count: String(problems.length) }, { file, problems });
}
