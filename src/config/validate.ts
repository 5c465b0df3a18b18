import { AkHookError } from '../errors';
import { RULES } from '../detect/rules';
import { FINGERPRINT_RE } from '../allowlist/fingerprint';
import { validateVerifyConfig } from '../verify/config';
import type { AllowEntry, Config, ConfigProblem, RuleSettings } from './types';
import { userRegexProblem } from './user-regex';
import { declaredIds, validateCustomRules } from './custom-rules';

/**
 * The config validator. `schema/akhookrc.schema.json` says the same in JSON Schema for
 * editors; test/unit/config-schema.test.ts proves they agree. Reports every problem at once.
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
  add(at: string, message: string, hint?: string): void {
    this.list.push(hint === undefined ? { at, message } : { at, message, hint });
  }
  unknownKeys(o: Record<string, unknown>, known: readonly string[], at: (k: string) => string): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.add(at(k), `unknown key "${k}"`, `known keys: ${known.join(', ')}`);
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
    p.add(at, `must be an array of globs, got ${show(v)}`, `"${hintKey}": ["src/**"]`);
    return undefined;
  }
  v.forEach((g, i) => {
    if (typeof g !== 'string' || g.trim() === '') p.add(`${at}[${i}]`, `must be a non-empty glob string, got ${show(g)}`);
    else if (g.startsWith('!'))
      p.add(
        `${at}[${i}]`,
        `negated glob ${show(g)} is not supported`,
        at === 'exclude' ? 'narrow the other exclude globs so they leave these files out' : 'list it under "exclude" instead',
      );
    else if (g.includes('\\')) p.add(`${at}[${i}]`, `glob ${show(g)} has a backslash`, 'use forward slashes');
  });
  return v as string[];
}

function entry(p: Problems, e: unknown, at: string, ruleIds: ReadonlySet<string>): AllowEntry | null {
  if (!isObject(e)) {
    p.add(at, `must be an object, got ${show(e)}`, '{ "fingerprint": "akfp1:…", "reason": "…" }');
    return null;
  }
  p.unknownKeys(e, ENTRY_KEYS, (k) => `${at}.${k}`);
  for (const k of ENTRY_KEYS) {
    if (e[k] !== undefined && typeof e[k] !== 'string') p.add(`${at}.${k}`, `must be a string, got ${show(e[k])}`);
  }
  const s = (k: string): string | undefined => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
  if (!MATCH_KEYS.some((k) => e[k] !== undefined)) {
    p.add(at, 'needs one of "fingerprint", "path", "regex" or "stopword"', 'copy the command that the blocking message prints');
  }
  const fp = s('fingerprint');
  if (fp !== undefined && !FINGERPRINT_RE.test(fp))
    p.add(`${at}.fingerprint`, `not a fingerprint: ${show(fp)}`, 'expected akfp1: followed by 32 hex digits');
  for (const k of ['path', 'stopword', 'reason']) {
    if (s(k)?.trim() === '') p.add(`${at}.${k}`, 'must not be empty');
  }
  const pathGlob = s('path');
  if (pathGlob?.startsWith('!'))
    p.add(`${at}.path`, `negated glob ${show(pathGlob)} is not supported`, 'write the glob of the files to allow');
  const re = s('regex');
  if (re !== undefined) {
    const bad = userRegexProblem(re);
    if (bad) p.add(`${at}.regex`, bad.message, bad.hint);
  }
  const rule = s('rule');
  if (rule !== undefined && !ruleIds.has(rule)) p.add(`${at}.rule`, `unknown rule ${show(rule)}`, 'see "ak-hook rules"');
  const exp = s('expires');
  if (exp !== undefined && !isValidDate(exp)) p.add(`${at}.expires`, `not a date: ${show(exp)}`, 'use YYYY-MM-DD');
  return e as AllowEntry;
}

function ruleSettings(p: Problems, v: unknown, ruleIds: ReadonlySet<string>): Record<string, boolean | RuleSettings> | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    p.add('rules', `must be an object, got ${show(v)}`, '"rules": { "rule-id": false }');
    return undefined;
  }
  for (const [id, s] of Object.entries(v)) {
    const at = `rules.${id}`;
    if (!ruleIds.has(id)) p.add(at, `unknown rule ${show(id)}`, 'see "ak-hook rules"');
    if (typeof s === 'boolean') continue;
    if (!isObject(s)) {
      p.add(at, `must be true, false or an object, got ${show(s)}`, '{ "minEntropy": 4 }');
      continue;
    }
    p.unknownKeys(s, RULE_KEYS, (k) => `${at}.${k}`);
    if (s.enabled !== undefined && typeof s.enabled !== 'boolean') p.add(`${at}.enabled`, `must be true or false, got ${show(s.enabled)}`);
    if (s.minEntropy !== undefined && (typeof s.minEntropy !== 'number' || s.minEntropy < 0 || s.minEntropy > 8))
      p.add(`${at}.minEntropy`, `must be a number from 0 to 8 (bits per character), got ${show(s.minEntropy)}`);
    if (
      s.minClasses !== undefined &&
      (typeof s.minClasses !== 'number' || !Number.isInteger(s.minClasses) || s.minClasses < 0 || s.minClasses > 3)
    )
      p.add(`${at}.minClasses`, `must be 0, 1, 2 or 3, got ${show(s.minClasses)}`);
  }
  return v as Record<string, boolean | RuleSettings>;
}

/** Validates a parsed config; reports every problem at once. */
export function validateConfig(raw: unknown, builtinIds: ReadonlySet<string> = new Set(RULES.map((r) => r.id))): Result {
  const p = new Problems();
  if (!isObject(raw))
    return { ok: false, problems: [{ at: '(root)', message: `must be an object, got ${show(raw)}`, hint: '{ "allow": [] }' }] };
  p.unknownKeys(raw, TOP_KEYS, (k) => k);
  const config: Config = { allow: [] };
  const ruleIds = new Set([...builtinIds, ...declaredIds(raw.customRules)]);
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string') p.add('$schema', `must be a string, got ${show(raw.$schema)}`);
  if (raw.allow !== undefined && !Array.isArray(raw.allow)) {
    p.add('allow', `must be an array, got ${show(raw.allow)}`, '"allow": [{ "fingerprint": "akfp1:…", "reason": "…" }]');
  } else if (Array.isArray(raw.allow)) {
    raw.allow.forEach((e, i) => {
      const ok = entry(p, e, `allow[${i}]`, ruleIds);
      if (ok) config.allow.push(ok);
    });
  }
  const rules = ruleSettings(p, raw.rules, ruleIds);
  if (rules) config.rules = rules;
  const custom = validateCustomRules((at, message, hint) => p.add(at, message, hint), raw.customRules, builtinIds);
  if (custom) config.customRules = custom;
  const paths = globs(p, raw.paths, 'paths', 'paths');
  if (paths) config.paths = paths;
  const exclude = globs(p, raw.exclude, 'exclude', 'exclude');
  if (exclude) config.exclude = exclude;
  if (raw.maxFileSize !== undefined) {
    const v = raw.maxFileSize;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      p.add('maxFileSize', `must be a whole number of bytes above 0, got ${show(v)}`, '"maxFileSize": 1048576');
    else config.maxFileSize = v;
  }
  if (raw.lang !== undefined) {
    if (raw.lang !== 'en' && raw.lang !== 'zh') p.add('lang', `must be "en" or "zh", got ${show(raw.lang)}`);
    else config.lang = raw.lang;
  }
  const verify = validateVerifyConfig(raw.verify, (at, message, hint) => p.add(at, message, hint));
  if (verify) config.verify = verify;
  return p.list.length > 0 ? { ok: false, problems: p.list } : { ok: true, config };
}

/** E_CONFIG_INVALID for a config file with these problems. */
export function configInvalid(file: string, problems: ConfigProblem[]): AkHookError {
  return new AkHookError('E_CONFIG_INVALID', `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, {
    file,
    problems,
  });
}
