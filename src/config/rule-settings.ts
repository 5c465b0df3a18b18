import type { Rule } from '../detect/types';
import type { Config } from './types';

/** The rules as the config sets them: `false` (or `enabled: false`) drops a rule; options change its shape. */
export function applyRuleSettings(rules: readonly Rule[], settings: Config['rules']): Rule[] {
  if (!settings) return [...rules];
  const out: Rule[] = [];
  for (const rule of rules) {
    const s = settings[rule.id];
    if (s === undefined || s === true) out.push(rule);
    else if (s === false || s.enabled === false) continue;
    else {
      const shape = { ...rule.shape };
      if (s.minEntropy !== undefined) shape.minEntropy = s.minEntropy;
      if (s.minClasses !== undefined) shape.minClasses = s.minClasses;
      out.push({ ...rule, shape });
    }
  }
  return out;
}
