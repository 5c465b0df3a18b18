import { addAllowEntries, configToEdit, entryLine } from '../../config/add-entries';
import { FINGERPRINT_RE } from '../../allowlist/fingerprint';
import { loadLastRun } from '../../allowlist/last-run';
import type { AllowEntry } from '../../config/types';
import { isValidDate } from '../../config/validate';
import { findRepoRoot } from '../../git/repo';
import { runGit } from '../../git/run';
import { EXIT, type Command } from '../command';
import { isPlaceholderReason } from '../placeholder-reason';
import { usageError } from '../usage';

export const allowCommand: Command = {
  name: 'allow',
  summary: 'Add allow entries for fingerprints (or for what the last blocked run found) to the config',
  positionals: true,
  options: {
    reason: { type: 'string' },
    expires: { type: 'string' },
    last: { type: 'boolean' },
    config: { type: 'string' },
  },
  async run({ values, positionals, ctx, m }) {
    const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
    if (reason === '') throw usageError('reasonMissing');
    if (isPlaceholderReason(reason)) throw usageError('reasonPlaceholder', { value: reason });
    const expires = values.expires as string | undefined;
    const today = new Date().toISOString().slice(0, 10);
    if (expires !== undefined && !isValidDate(expires)) throw usageError('badExpires', { value: expires });
    if (expires !== undefined && expires <= today) throw usageError('expiresPast', { value: expires, today });
    for (const fp of positionals) {
      if (!FINGERPRINT_RE.test(fp)) throw usageError('badFingerprint', { value: fp });
    }
    const root = await findRepoRoot(ctx.cwd, ctx.env);
    const last = await loadLastRun(root, ctx.env);
    if (values.last !== true && positionals.length === 0) throw usageError('allowNothing');
    const wanted = [...new Set([...positionals, ...(values.last === true ? last.map((f) => f.fingerprint) : [])])];
    if (wanted.length === 0) return { exitCode: EXIT.findings, stdout: '', stderr: m.allowNothingLast + '\n' };
    const ruleOf = new Map(last.map((f) => [f.fingerprint, f.rule]));
    const entries: AllowEntry[] = wanted.map((fp) => ({
      fingerprint: fp,
      ...(ruleOf.has(fp) ? { rule: ruleOf.get(fp) } : {}),
      reason,
      ...(expires ? { expires } : {}),
    }));
    const target = configToEdit(root, ctx.cwd, values.config as string | undefined);
    const r = await addAllowEntries(target, entries, today);
    const out = r.already.map((fp) => m.allowAlready(fp));
    if (r.manual) return { exitCode: EXIT.error, stdout: out.join('\n'), stderr: m.allowCannotEdit(r.file, r.manual) + '\n' };
    if (r.added.length > 0) {
      const tracked = values.config === undefined && (await runGit(['ls-files', '--', r.file], { cwd: root, env: ctx.env })).length > 0;
      out.push(m.allowWrote(r.added.length, r.file, tracked));
      for (const e of r.added) out.push(`  ${entryLine(e)}`);
    }
    return { exitCode: EXIT.clean, stdout: out.join('\n') + '\n', stderr: '' };
  },
};
