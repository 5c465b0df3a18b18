import { paint, useColor } from '../report/colors';
import type { CheckResult } from '../scan/types';
import type { RunContext } from './command';
import { loadVerify } from './load-verify';
import { verifySettings } from './commands/verify';
import { langFor } from './verify-lang';

/**
 * `check --verify` (or the config's "verify": { "check": true }): asks the providers about the
 * blocking findings and says so. A live or unknown result never unblocks; the commit goes
 * through only when every blocking finding is a key the provider calls invalid and the
 * config downgrades invalid keys to a warning.
 */
export async function checkVerify(
  result: CheckResult,
  values: Record<string, unknown>,
  ctx: RunContext,
): Promise<{ text: string; unblock: boolean; results: object[] }> {
  const lib = await loadVerify();
  const settings = verifySettings(lib, ctx.env);
  const m = lib.verifyMessages(langFor(values, ctx.env, result.config.lang));
  const targets = lib.targetsFromFindings(result.findings);
  if (targets.length === 0) return { text: '', unblock: false, results: [] };
  const results = await lib.verifyTargets(targets, settings);
  const json = lib.verifyResultsJson(results);
  let text = lib.renderVerifyText(
    results,
    lib.hostsFor(targets, settings.endpoints),
    m,
    paint(useColor(ctx.stderrIsTTY ?? false, ctx.env)),
  );
  const allInvalid = results.every((r) => r.status === 'invalid');
  const warn = result.config.verify?.invalid === 'warn';
  if (allInvalid && warn) return { text: text + m.invalidDowngraded(results.length) + '\n', unblock: true, results: json };
  if (results.some((r) => r.status === 'invalid')) text += m.invalidStillBlocks + '\n';
  if (results.some((r) => r.status === 'unknown')) text += m.unknownBlocks + '\n';
  return { text, unblock: false, results: json };
}
