import { check } from '../../check';
import { AkHookError } from '../../errors';
import { paint, useColor } from '../../report/colors';
import { scanCommits } from '../../scan-commits';
import { scanTree } from '../../scan-tree';
import type { CheckResult } from '../../scan/types';
import type { Target } from '../../verify/types';
import { EXIT, type Command } from '../command';
import { usageError } from '../usage';
import { textError } from '../../report/messages/text-error';
import { loadVerify, type VerifyLib } from '../load-verify';
import { langFor } from '../verify-lang';

/** Endpoints from the environment (a bad override is a usage error), and the per-call timeout. */
export function verifySettings(lib: VerifyLib, env: NodeJS.ProcessEnv) {
  const r = lib.resolveEndpoints(env);
  if (!r.ok) {
    const [first, ...more] = r.problems;
    throw textError('E_USAGE', first.id, first.args, { more });
  }
  const raw = env.AK_HOOK_VERIFY_TIMEOUT_MS;
  const timeoutMs = raw === undefined || raw === '' ? 3000 : Number(raw);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 30000) throw usageError('badTimeout', { value: raw });
  return { endpoints: r.endpoints, timeoutMs };
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Ask the providers whether the keys found are live, and whose they are (network, opt-in)',
  positionals: false,
  options: {
    format: { type: 'string' },
    config: { type: 'string' },
    range: { type: 'string' },
    scan: { type: 'boolean' },
    history: { type: 'boolean' },
    stdin: { type: 'boolean' },
  },
  async run({ values, ctx }) {
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw usageError('badFormat', { allowed: 'text|json', value: format });
    const sources = (['range', 'scan', 'history', 'stdin'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
    if (sources.length > 1) throw usageError('verifySources', { list: `--${sources.join(', --')}` });
    const lib = await loadVerify();
    const settings = verifySettings(lib, ctx.env);
    let targets: Target[];
    let configLang: CheckResult['config']['lang'];
    if (values.stdin) {
      if (!ctx.stdin) throw usageError('stdinNeeded');
      const c = lib.credentialFromText(await ctx.stdin());
      if (!c) throw new AkHookError('E_USAGE', lib.verifyMessages(langFor(values, ctx.env)).stdinNotCredential);
      targets = [{ ruleId: 'stdin', file: '-', line: 1, masked: c.masked, credential: c.credential }];
    } else {
      const common = { cwd: ctx.cwd, env: ctx.env, configPath: values.config as string | undefined };
      let result: CheckResult;
      if (values.range !== undefined) result = await scanCommits({ ...common, select: { include: [String(values.range)] } });
      else if (values.history) result = await scanCommits({ ...common, select: { include: [], all: true } });
      else if (values.scan) result = await scanTree({ ...common, source: 'head' });
      else result = await check(common);
      configLang = result.config.lang;
      targets = lib.targetsFromFindings(result.findings);
    }
    const m = lib.verifyMessages(langFor(values, ctx.env, configLang));
    const results = await lib.verifyTargets(targets, settings);
    const exitCode = results.some((r) => r.status === 'live') ? EXIT.findings : EXIT.clean;
    if (format === 'json') return { exitCode, stdout: lib.renderVerifyJson(results), stderr: '' };
    if (results.length === 0) return { exitCode, stdout: m.noCredentials + '\n', stderr: '' };
    const p = paint(useColor(ctx.stderrIsTTY ?? false, ctx.env));
    return { exitCode, stdout: lib.renderVerifyText(results, lib.hostsFor(targets, settings.endpoints), m, p), stderr: '' };
  },
};
