import { compileRules, scanLines } from '../detect/engine';
import type { Rule, SecretKind, Severity } from '../detect/types';
import { expandTemplate, templateProblem } from './example-template';
import { customRuleText as T, type Said } from './messages';
import type { CustomRuleSpec } from './types';
import { compileUserRegex, linearPattern, userRegexProblem } from './user-regex';

/**
 * Custom rules: a team's own rules in the config, the same shape as the built-in ones (id,
 * keywords, a pattern whose named group `secret` is the secret, an entropy floor, positive and
 * negative examples). Each is validated with the rest of the config, its pattern runs on the
 * linear-time engine (config/user-regex), and its examples are run through the real engine when
 * the config loads: a positive that is not reported or a negative that is, is a config error.
 */
export const CUSTOM_RULE_KEYS = [
  'id',
  'name',
  'description',
  'keywords',
  'pattern',
  'minEntropy',
  'minClasses',
  'severity',
  'kind',
  'examples',
];
const EXAMPLE_KEYS = ['positive', 'negative'];
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium'];
const KINDS: readonly SecretKind[] = ['key', 'password'];
const MAX_EXAMPLE_LENGTH = 2000;

type Add = (at: string, w: Said) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The built-in Rule a custom rule stands for (its pattern must have passed validation). */
export function customRule(spec: CustomRuleSpec): Rule {
  const kind = spec.kind ?? 'key';
  return {
    id: spec.id,
    name: spec.name ?? spec.id,
    provider: 'Custom',
    severity: spec.severity ?? 'high',
    kind,
    advice: kind === 'password' ? 'password' : 'token',
    description: spec.description ?? spec.name ?? spec.id,
    detectors: [{ keywords: spec.keywords.map((k) => k.toLowerCase()), pattern: linearPattern(spec.pattern) }],
    shape: {
      ...(spec.minEntropy !== undefined ? { minEntropy: spec.minEntropy } : {}),
      ...(spec.minClasses !== undefined ? { minClasses: spec.minClasses } : {}),
    },
    examples: { positive: spec.examples.positive, negative: spec.examples.negative ?? [] },
  };
}

function strings(add: Add, v: unknown, at: string, notList: (v: unknown) => Said): string[] | null {
  if (!Array.isArray(v) || v.length === 0) {
    add(at, notList(v));
    return null;
  }
  let ok = true;
  v.forEach((s, i) => {
    if (typeof s !== 'string' || s.trim() === '') {
      add(`${at}[${i}]`, T.notText(s));
      ok = false;
    }
  });
  return ok ? (v as string[]) : null;
}

/** Why a positive example is not reported: the first step of the pipeline that drops it. */
function whyMissed(rule: Rule, spec: CustomRuleSpec, line: string): string {
  const low = line.toLowerCase();
  if (!spec.keywords.some((k) => low.includes(k.toLowerCase()))) return 'noKeyword';
  if (!compileUserRegex(spec.pattern).matcher(line).find()) return 'noMatch';
  return rule.shape.minEntropy !== undefined || rule.shape.minClasses !== undefined ? 'filteredFloors' : 'filtered';
}

function checkExamples(add: Add, rule: Rule, spec: CustomRuleSpec, at: string): void {
  const compiled = compileRules([rule]);
  const ctx = { matches: () => false };
  const found = (line: string): boolean => scanLines([{ line: 1, text: expandTemplate(line) }], compiled, ctx).length > 0;
  spec.examples.positive.forEach((line, i) => {
    if (!found(line)) add(`${at}.examples.positive[${i}]`, T.positiveMissed(line, whyMissed(rule, spec, expandTemplate(line))));
  });
  (spec.examples.negative ?? []).forEach((line, i) => {
    if (found(line)) add(`${at}.examples.negative[${i}]`, T.negativeFound(line));
  });
}

/** Validates `customRules`; adds every problem; returns the specs when there was no problem in them. */
export function validateCustomRules(add: Add, v: unknown, builtinIds: ReadonlySet<string>): CustomRuleSpec[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    add('customRules', T.notArray(v));
    return undefined;
  }
  const out: CustomRuleSpec[] = [];
  const ids = new Set<string>();
  let bad = false;
  v.forEach((r, i) => {
    const at = `customRules[${i}]`;
    let problems = 0;
    const here = (a: string, p: Said): void => {
      problems++;
      add(a, p);
    };
    if (!isObject(r)) {
      here(at, T.notObject(r));
      bad = true;
      return;
    }
    for (const k of Object.keys(r)) if (!CUSTOM_RULE_KEYS.includes(k)) here(`${at}.${k}`, T.unknownKey(k, CUSTOM_RULE_KEYS));
    if (typeof r.id !== 'string' || !ID_RE.test(r.id)) here(`${at}.id`, T.badId(r.id));
    else if (builtinIds.has(r.id)) here(`${at}.id`, T.builtinId(r.id));
    else if (ids.has(r.id)) here(`${at}.id`, T.takenId(r.id));
    else ids.add(r.id);
    for (const k of ['name', 'description'])
      if (r[k] !== undefined && (typeof r[k] !== 'string' || (r[k] as string).trim() === '')) here(`${at}.${k}`, T.notText(r[k]));
    const keywords = strings(here, r.keywords, `${at}.keywords`, T.keywordsNotList);
    if (typeof r.pattern !== 'string') here(`${at}.pattern`, T.patternNotText(r.pattern));
    else {
      const p = userRegexProblem(r.pattern);
      if (p) here(`${at}.pattern`, p);
      else if (!('secret' in compileUserRegex(r.pattern).namedGroups())) here(`${at}.pattern`, T.noSecretGroup);
    }
    if (r.minEntropy !== undefined && (typeof r.minEntropy !== 'number' || !(r.minEntropy >= 0 && r.minEntropy <= 8)))
      here(`${at}.minEntropy`, T.badEntropy(r.minEntropy));
    if (
      r.minClasses !== undefined &&
      (typeof r.minClasses !== 'number' || !Number.isInteger(r.minClasses) || r.minClasses < 0 || r.minClasses > 3)
    )
      here(`${at}.minClasses`, T.badClasses(r.minClasses));
    if (r.severity !== undefined && !SEVERITIES.includes(r.severity as Severity))
      here(`${at}.severity`, T.badSeverity(r.severity, SEVERITIES));
    if (r.kind !== undefined && !KINDS.includes(r.kind as SecretKind)) here(`${at}.kind`, T.badKind(r.kind));
    const ex = r.examples;
    if (!isObject(ex)) here(`${at}.examples`, T.examplesNotObject(ex));
    else {
      for (const k of Object.keys(ex)) if (!EXAMPLE_KEYS.includes(k)) here(`${at}.examples.${k}`, T.unknownKey(k, EXAMPLE_KEYS));
      strings(here, ex.positive, `${at}.examples.positive`, T.positiveNotList);
      if (ex.negative !== undefined && !Array.isArray(ex.negative)) here(`${at}.examples.negative`, T.negativeNotArray(ex.negative));
      for (const k of EXAMPLE_KEYS) {
        if (!Array.isArray(ex[k])) continue;
        (ex[k] as unknown[]).forEach((line, j) => {
          const where = `${at}.examples.${k}[${j}]`;
          if (typeof line !== 'string') {
            if (k === 'negative') here(where, T.notString(line));
            return;
          }
          const t = templateProblem(line);
          if (t) here(where, t);
          else if (line.length > MAX_EXAMPLE_LENGTH) here(where, T.exampleTooLong(line.length, MAX_EXAMPLE_LENGTH));
        });
      }
    }
    if (problems > 0 || !keywords) {
      bad = true;
      return;
    }
    const spec = r as unknown as CustomRuleSpec;
    // Only a rule that is otherwise valid has its examples run (they need a working pattern).
    checkExamples(here, customRule(spec), spec, at);
    if (problems > 0) bad = true;
    else out.push(spec);
  });
  return bad ? undefined : out;
}

/** The ids the custom rules declare (valid or not), so `rules` and `allow[].rule` may name them. */
export function declaredIds(v: unknown): string[] {
  return Array.isArray(v) ? v.filter(isObject).flatMap((r) => (typeof r.id === 'string' && ID_RE.test(r.id) ? [r.id] : [])) : [];
}
