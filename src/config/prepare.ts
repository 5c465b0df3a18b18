import { compileRules, type CompiledRules } from '../detect/engine';
import { RULES } from '../detect/rules';
import type { Rule } from '../detect/types';
import { withBaseline } from '../baseline/apply';
import { compileAllowlist, type Allowlist } from '../allowlist/apply';
import { fileFilter } from '../allowlist/file-filter';
import { applyRuleSettings } from './rule-settings';
import type { Config } from './types';
import { customRule } from './custom-rules';

export interface PreparedScan {
  compiled: CompiledRules;
  allowlist: Allowlist;
  /** Paths the config wants checked (null: all). */
  include: ((path: string) => boolean) | null;
  maxFileSize?: number;
}

/** The config's custom rules as rules (empty when it has none). */
export function customRulesOf(config: Config): Rule[] {
  return (config.customRules ?? []).map(customRule);
}

/** Turns a loaded config (and baseline) into what a scan needs; shared by check, baseline and stale. */
export function prepareScan(
  config: Config,
  opts: { rules?: readonly Rule[]; now?: Date; maxFileSize?: number; baseline?: ReadonlySet<string> } = {},
): PreparedScan {
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const allowlist = compileAllowlist(config, today);
  return {
    compiled: compileRules(applyRuleSettings([...(opts.rules ?? RULES), ...customRulesOf(config)], config.rules)),
    allowlist: opts.baseline ? withBaseline(allowlist, opts.baseline) : allowlist,
    include: fileFilter(config),
    maxFileSize: opts.maxFileSize ?? config.maxFileSize,
  };
}
