import type { ConfigChange } from '../scan/types';
import type { Paint } from './colors';
import type { Messages } from './messages';

/** The block every run shows when the commit changes the config: what the change suppresses here (masked). */
export function renderConfigChange(c: ConfigChange, m: Messages, p: Paint): string {
  const out = [p.yellow(m.configChangeTitle(c.files))];
  if (c.excluded.length > 0) out.push(m.configChangeExcluded(c.excluded));
  if (c.rulesOff.length > 0) out.push(m.configChangeRulesOff(c.rulesOff));
  if (c.allowed.length > 0) {
    out.push(m.configChangeAllowed(c.allowed.length));
    for (const f of c.allowed) {
      const by = f.unblockedBy;
      const reason = m.configChangeReason(by.by, 'entry' in by ? by.entry : undefined);
      out.push(`    ${f.file}:${f.line}:${f.column} [${f.ruleId}] ${f.secret} (${reason})`);
    }
  }
  out.push(m.configChangeFooter);
  return out.join('\n') + '\n';
}
