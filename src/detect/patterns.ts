/**
 * Regex building blocks shared by rules. Every piece is bounded ({0,n}) or a single
 * character class, so patterns stay linear on long lines (no nested quantifiers).
 */

/** Not preceded by an alphanumeric character. */
export const B_START = '(?<![A-Za-z0-9])';
/** Not followed by an alphanumeric character. */
export const B_END = '(?![A-Za-z0-9])';

/**
 * What stands between a name and its value: `name = "v"`, `name: v`, `"name": "v"`,
 * `name => 'v'`, `name := v`, `<name>v`, `name, "v"` (put("name", "v")), `name("v")`,
 * `--name v`, `name v` (INI without '=', shell export). Closing quotes of the name too.
 */
export const CONNECTOR = `["'\\]]{0,2}\\s{0,4}(?::=|=>|==|=|:|,|\\(|>|\\s)\\s{0,4}(?:[A-Za-z]{1,10}\\(\\s{0,2})?["'\`]?`;

/** Builds `NAME CONNECTOR (?<secret>VALUE) END` as a global regex. */
export function assignment(name: string, value: string, flags = 'g'): RegExp {
  return new RegExp(`(?:${name})${CONNECTOR}(?<secret>${value})${B_END}`, flags);
}
