import type { Rule } from './types';

/** What a rule finds, in the words of `ak-hook rules` and the README table. */
export interface CatalogueRow {
  id: string;
  provider: string;
  kind: string;
  severity: string;
  description: string;
}

export function catalogueRows(rules: readonly Rule[]): CatalogueRow[] {
  return rules.map((r) => ({ id: r.id, provider: r.provider, kind: r.kind, severity: r.severity, description: r.description }));
}

/** The README's rule table (Markdown), generated so it cannot drift from the rules. */
export function catalogueMarkdown(rules: readonly Rule[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| id | provider | kind | severity | finds |', '| --- | --- | --- | --- | --- |'];
  for (const r of catalogueRows(rules))
    lines.push(`| \`${r.id}\` | ${cell(r.provider)} | ${r.kind} | ${r.severity} | ${cell(r.description)} |`);
  return lines.join('\n') + '\n';
}

/** Plain-text listing for `ak-hook rules`: id, provider, kind, what it finds. */
export function catalogueText(rules: readonly Rule[]): string {
  const rows = catalogueRows(rules);
  const w = Math.max(...rows.map((r) => r.id.length));
  const pw = Math.max(...rows.map((r) => r.provider.length));
  return rows.map((r) => `${r.id.padEnd(w)}  ${r.provider.padEnd(pw)}  ${r.kind.padEnd(8)}  ${r.description}`).join('\n') + '\n';
}
