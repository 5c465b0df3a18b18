/**
 * Inline allow markers: `ak-hook-allow` in a comment on the finding's line or on the line
 * above, in any comment syntax. `ak-hook-allow rule-a,rule-b` allows only those rules.
 */
const MARKER = /ak-hook-allow(?::?[ \t]+([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*))?/;

export function inlineAllows(text: string | undefined, ruleId: string): boolean {
  if (text === undefined || !text.includes('ak-hook-allow')) return false;
  const m = MARKER.exec(text);
  if (!m) return false;
  if (!m[1]) return true;
  const ids = m[1].split(',').map((s) => s.trim());
  // A word after the marker that is not a rule id (ordinary comment text) allows every rule.
  return ids.includes(ruleId) || !ids.some((id) => /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(id));
}
