import type { ConfigChange, UnblockedFinding } from '../scan/types';
import type { CommitInfo } from '../git/commits';
import type { Paint } from './colors';
import type { Messages } from './messages';
import type { CommitsMode } from './messages/types';

/**
 * The block every run shows when the commit changes the config: what the change suppresses here
 * (masked). `mode`: `check --range` / `--pre-push`, where the change is compared with the config
 * the commits build on and each finding is named with its commit.
 */
export function renderConfigChange(c: ConfigChange, m: Messages, p: Paint, mode?: CommitsMode): string {
  const commits = mode !== undefined;
  const out = [p.yellow(m.configChangeTitle(c.files, commits ? (c.base ?? null) : undefined))];
  if (c.excluded.length > 0) out.push(m.configChangeExcluded(c.excluded, commits));
  if (c.rulesOff.length > 0) out.push(m.configChangeRulesOff(c.rulesOff));
  if (c.allowed.length > 0) {
    out.push(m.configChangeAllowed(c.allowed.length, commits));
    for (const f of c.allowed) {
      const by = f.unblockedBy;
      const reason = m.configChangeReason(by.by, 'entry' in by ? by.entry : undefined);
      out.push(`    ${where(f)}:${f.line}:${f.column} [${f.ruleId}] ${f.secret} (${reason})`);
    }
  }
  out.push(commits ? m.configChangeFooterCommits(mode) : m.configChangeFooter);
  return out.join('\n') + '\n';
}

/** A finding's file, after its commit's short id when it has one (`1a2b3c4d5e6f:src/app.js`). */
function where(f: UnblockedFinding & { commit?: CommitInfo }): string {
  return f.commit ? `${f.commit.sha.slice(0, 12)}:${f.file}` : f.file;
}
