import { compileRules, scanLines } from '../detect/engine';
import type { Rule, SecretKind, Severity } from '../detect/types';
import { expandTemplate, templateProblem } from './example-template';
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

type Add = (at: string, message: string, hint?: string) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

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

function strings(add: Add, v: unknown, at: string, what: string, hint: string): string[] | null {
  if (!Array.isArray(v) || v.length === 0) {
    add(at, `must be a non-empty array of ${what}, got ${show(v)}`, hint);
    return null;
  }
  let ok = true;
  v.forEach((s, i) => {
    if (typeof s !== 'string' || s.trim() === '') {
      add(`${at}[${i}]`, `must be a non-empty string, got ${show(s)}`);
      ok = false;
    }
  });
  return ok ? (v as string[]) : null;
}

/** Why a positive example is not reported: the first step of the pipeline that drops it. */
function whyMissed(rule: Rule, spec: CustomRuleSpec, line: string): string {
  const low = line.toLowerCase();
  if (!spec.keywords.some((k) => low.includes(k.toLowerCase()))) return 'contains none of the keywords';
  if (!compileUserRegex(spec.pattern).matcher(line).find()) return 'is not matched by the pattern';
  return `is matched, but the secret is rejected by ${rule.shape.minEntropy !== undefined || rule.shape.minClasses !== undefined ? 'the entropy or class floor, or ' : ''}the placeholder filters (too regular, or an example-like value)`;
}

function checkExamples(add: Add, rule: Rule, spec: CustomRuleSpec, at: string): void {
  const compiled = compileRules([rule]);
  const ctx = { matches: () => false };
  const found = (line: string): boolean => scanLines([{ line: 1, text: expandTemplate(line) }], compiled, ctx).length > 0;
  spec.examples.positive.forEach((line, i) => {
    if (!found(line))
      add(
        `${at}.examples.positive[${i}]`,
        `${show(line)} is not reported: it ${whyMissed(rule, spec, expandTemplate(line))}`,
        'a positive example must be a line the rule reports; use {{alnum:32}}-style tokens for random parts',
      );
  });
  (spec.examples.negative ?? []).forEach((line, i) => {
    if (found(line))
      add(
        `${at}.examples.negative[${i}]`,
        `${show(line)} is reported as a secret`,
        'a negative example must be a line the rule does not report',
      );
  });
}

/** Validates `customRules`; adds every problem; returns the specs when there was no problem in them. */
export function validateCustomRules(add: Add, v: unknown, builtinIds: ReadonlySet<string>): CustomRuleSpec[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) {
    add('customRules', `must be an array of rules, got ${show(v)}`, 'see "Custom rules" in the README');
    return undefined;
  }
  const out: CustomRuleSpec[] = [];
  const ids = new Set<string>();
  let bad = false;
  v.forEach((r, i) => {
    const at = `customRules[${i}]`;
    let problems = 0;
    const here: Add = (a, m, h) => {
      problems++;
      add(a, m, h);
    };
    if (!isObject(r)) {
      here(at, `must be an object, got ${show(r)}`, '{ "id": "acme-token", "keywords": ["acme_"], "pattern": "…(?P<secret>…)", … }');
      bad = true;
      return;
    }
    for (const k of Object.keys(r))
      if (!CUSTOM_RULE_KEYS.includes(k)) here(`${at}.${k}`, `unknown key "${k}"`, `known keys: ${CUSTOM_RULE_KEYS.join(', ')}`);
    if (typeof r.id !== 'string' || !ID_RE.test(r.id))
      here(`${at}.id`, `must be lower-case words joined by "-", got ${show(r.id)}`, '"id": "acme-live-token"');
    else if (builtinIds.has(r.id))
      here(`${at}.id`, `${show(r.id)} is a built-in rule`, 'choose another id, or change the built-in rule under "rules"');
    else if (ids.has(r.id)) here(`${at}.id`, `${show(r.id)} is used by another custom rule`);
    else ids.add(r.id);
    for (const k of ['name', 'description'])
      if (r[k] !== undefined && (typeof r[k] !== 'string' || (r[k] as string).trim() === ''))
        here(`${at}.${k}`, `must be a non-empty string, got ${show(r[k])}`);
    const keywords = strings(
      here,
      r.keywords,
      `${at}.keywords`,
      'words',
      '"keywords": ["acme_live_"] (a line is tried only when it holds one, any case)',
    );
    if (typeof r.pattern !== 'string')
      here(`${at}.pattern`, `must be a string, got ${show(r.pattern)}`, '"pattern": "acme_live_(?P<secret>[A-Za-z0-9]{32})"');
    else {
      const p = userRegexProblem(r.pattern);
      if (p) here(`${at}.pattern`, p.message, p.hint);
      else if (!('secret' in compileUserRegex(r.pattern).namedGroups()))
        here(`${at}.pattern`, 'has no named group "secret"', 'wrap the secret part in (?P<secret>…)');
    }
    if (r.minEntropy !== undefined && (typeof r.minEntropy !== 'number' || !(r.minEntropy >= 0 && r.minEntropy <= 8)))
      here(`${at}.minEntropy`, `must be a number from 0 to 8 (bits per character), got ${show(r.minEntropy)}`, '"minEntropy": 3.5');
    if (
      r.minClasses !== undefined &&
      (typeof r.minClasses !== 'number' || !Number.isInteger(r.minClasses) || r.minClasses < 0 || r.minClasses > 3)
    )
      here(`${at}.minClasses`, `must be 0, 1, 2 or 3, got ${show(r.minClasses)}`);
    if (r.severity !== undefined && !SEVERITIES.includes(r.severity as Severity))
      here(`${at}.severity`, `must be one of ${SEVERITIES.join(', ')}, got ${show(r.severity)}`);
    if (r.kind !== undefined && !KINDS.includes(r.kind as SecretKind))
      here(`${at}.kind`, `must be "key" or "password", got ${show(r.kind)}`, '"password" gives a slow, salted fingerprint');
    const ex = r.examples;
    if (!isObject(ex)) here(`${at}.examples`, `must be an object, got ${show(ex)}`, '"examples": { "positive": ["…"], "negative": ["…"] }');
    else {
      for (const k of Object.keys(ex))
        if (!EXAMPLE_KEYS.includes(k)) here(`${at}.examples.${k}`, `unknown key "${k}"`, 'known keys: positive, negative');
      strings(
        here,
        ex.positive,
        `${at}.examples.positive`,
        'lines the rule must report',
        '"positive": ["ACME_TOKEN=acme_live_{{alnum:32}}"]',
      );
      if (ex.negative !== undefined && !Array.isArray(ex.negative))
        here(`${at}.examples.negative`, `must be an array of lines, got ${show(ex.negative)}`);
      for (const k of EXAMPLE_KEYS) {
        if (!Array.isArray(ex[k])) continue;
        (ex[k] as unknown[]).forEach((line, j) => {
          if (typeof line !== 'string') {
            if (k === 'negative') here(`${at}.examples.${k}[${j}]`, `must be a string, got ${show(line)}`);
            return;
          }
          const t = templateProblem(line);
          if (t) here(`${at}.examples.${k}[${j}]`, t);
          else if (line.length > MAX_EXAMPLE_LENGTH)
            here(`${at}.examples.${k}[${j}]`, `is ${line.length} characters long; at most ${MAX_EXAMPLE_LENGTH}`);
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
