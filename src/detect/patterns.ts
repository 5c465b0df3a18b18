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
 * `--name v`, `name v` (INI without '=', shell export). Closing quotes of the name too, and the
 * column alignment of `terraform fmt`, gofmt and YAML (`name            = "v"`).
 */
export const CONNECTOR = `["'\\]]{0,2}\\s{0,40}(?::=|=>|==|=|:|：|,|\\(|>|\\s)\\s{0,4}(?:[A-Za-z]{1,10}\\(\\s{0,2})?["'\`]?`;

/** Not followed by a character that would make the value part of a longer token (base64, ids). */
export const TOKEN_END = '(?![A-Za-z0-9+/=_-])';

// perf: what each built pattern's secret group must match, for the hook's shell prefilter.
const SECRET_PARTS = new WeakMap<RegExp, string>();
function withSecretPart(re: RegExp, part: string): RegExp {
  SECRET_PARTS.set(re, part);
  return re;
}

/** The regex source the secret of a pattern built here must match somewhere on the line. */
export function secretPartOf(re: RegExp): string | undefined {
  return SECRET_PARTS.get(re);
}

/** Builds `NAME CONNECTOR (?<secret>VALUE) END` as a global regex. */
export function assignment(name: string, value: string, flags = 'g'): RegExp {
  return withSecretPart(new RegExp(`(?:${name})${CONNECTOR}(?<secret>${value})${TOKEN_END}`, flags), value);
}

/** `(?<secret>BODY)` standing alone: not glued to letters or digits on either side. */
export function standalone(body: string, flags = 'g'): RegExp {
  return withSecretPart(new RegExp(`${B_START}(?<secret>${body})${B_END}`, flags), body);
}

/**
 * A token of `len` characters of `cls` that is not part of a longer run of letters, digits
 * or base64 punctuation: what a secret beside its id looks like (`"…"`, `=…`, `:…:`).
 */
export function bareToken(cls: string, len: string): RegExp {
  return withSecretPart(new RegExp(`(?<![A-Za-z0-9+/=_-])(?<secret>${cls}${len})(?![A-Za-z0-9+/=_-])`, 'g'), cls + len);
}

/** Names that hold an access key id: ak, AK, accessKey, access_key_id, SecretId… (start not glued to a word). */
export const ID_NAME =
  '(?<![A-Za-z0-9])(?:[A-Za-z0-9]{0,30}[_.-])?(?:[Aa][Kk]|[Aa]ccess[_-]?[Kk]ey(?:[_-]?[Ii][Dd])?|ACCESS_?KEY(?:_?ID)?|[Ss]ecret[_-]?[Ii]d|SECRET_?ID)';
/** Names that hold a secret key: sk, SK, secretKey, secret_access_key, SecretKey, secret… */
export const SECRET_KEY_NAME =
  '(?<![A-Za-z0-9])(?:[A-Za-z0-9]{0,30}[_.-])?(?:[Ss][Kk]|[Ss]ecret[_-]?(?:[Aa]ccess[_-]?)?[Kk]ey|SECRET_?(?:ACCESS_?)?KEY|[Ss]ecret|SECRET|[Aa]ccess[_-]?[Ss]ecret|ACCESS_?SECRET)';

/**
 * An environment entry written as a name/value pair (Kubernetes and Helm `env:` lists, ECS task
 * definitions, Terraform `env {}` blocks, Postman's variables and environments, whose name key is
 * `key`): the `name` (or `key`) key, then the `value` key.
 */
const NAME_KEY = '(?:name|key)';
const envKey = (key: string, pad: number): string => `["']?${key}["']?\\s{0,${pad}}[:=]\\s{0,2}["']?`;

/** Both on one line: `{"name": "DB_PASSWORD", "value": "v"}`, `env { name = "DB_PASSWORD" value = "v" }`. */
export function envEntry(name: string, value: string, flags = 'g'): RegExp {
  return new RegExp(`${envKey(NAME_KEY, 2)}(?:${name})["']?,?\\s{1,4}${envKey('value', 2)}(?<secret>${value})["']?(?![A-Za-z0-9])`, flags);
}

/**
 * The name alone on its line (`- name: DB_PASSWORD`, `"name": "DB_PASSWORD",`), for a detector
 * whose `nextLine` is `envValueLine(value)`: `valueFrom:` and an empty `value: ""` do not follow.
 */
export function envNameLine(name: string, flags = 'g'): RegExp {
  return new RegExp(`^\\s{0,20}(?:-\\s{1,4})?${envKey(NAME_KEY, 8)}(?<secret>${name})["']?,?\\s{0,2}$`, flags);
}

/** The `value` line under an `envNameLine`, maybe with a trailing comment (not global: it is matched once). */
export function envValueLine(value: string): RegExp {
  return new RegExp(`^\\s{0,20}${envKey('value', 8)}(?<secret>${value})["']?,?(?:\\s{1,8}(?:#|//)[^\\n]{0,200})?\\s{0,2}$`);
}
