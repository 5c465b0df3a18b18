import { decodeBase64Text } from './encoded';
import { isPublishedExamplePassword } from './published-examples';
import type { SecretShape } from './types';

/**
 * The shared judgement of whether a candidate looks like a real secret: entropy floors,
 * character classes, placeholders. Kept in one place and tested on its own.
 */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

export function charClasses(s: string): number {
  return (/[A-Z]/.test(s) ? 1 : 0) + (/[a-z]/.test(s) ? 1 : 0) + (/[0-9]/.test(s) ? 1 : 0);
}

/**
 * Words that mark a value as a stand-in, not a credential, wherever they appear. Lower case.
 * Each is long enough (or made of characters keys do not use) that a random key practically
 * never contains it: a 300-character STS token must not be dropped for holding "demo".
 */
export const PLACEHOLDER_WORDS: readonly string[] = [
  'xxxxx',
  '****',
  '....',
  '____',
  'example',
  'sample',
  'placeholder',
  'dummy',
  'changeme',
  'change_me',
  'replace',
  'redacted',
  'notreal',
  'secret_here',
  'fixme',
  'insert',
  'enter_',
  'enter-',
  'test_key',
  // A stand-in spelled as one word: YourPassword123, Yourpassword1234 (and the common typo YouPassword).
  'yourpass',
  'youpass',
  'your_pass',
  'your-pass',
  'testkey',
  'foobar',
  'nopass',
  'undefined',
  '请填',
  '填入',
  '填写',
  '替换',
  '输入',
  '你的',
  '您的',
  '示例',
  '此处',
];

/**
 * Short stand-in words, counted only as whole words: at the start or after a separator, and
 * at the end, before a separator or before a capital (`your-key`, `YourAccessKeyId`,
 * `demo_secret`), never inside a run of random letters and digits.
 */
export const PLACEHOLDER_SHORT_WORDS: readonly string[] = ['your', 'xxxx', 'fake', 'todo', 'demo', 'mock', 'none', 'null', 'test'];

const SHORT_WORD_RE = new RegExp(
  `(?:^|[^A-Za-z0-9])(?:${PLACEHOLDER_SHORT_WORDS.map((w) => `${w}|${w[0].toUpperCase()}${w.slice(1)}|${w.toUpperCase()}`).join('|')})(?=$|[^A-Za-z0-9]|(?<=[a-z])[A-Z])`,
);

/**
 * Marks of a reference or a template rather than a literal: `${VAR}`, `{{ .Values.x }}`,
 * `${{ secrets.X }}`, `%s`, `%(name)s`, `<yourKey>`, `#{x}`, `@@X@@`, `ENC(...)`, and a Maven
 * settings-security encrypted password `{base64}`.
 */
const REFERENCE_RE =
  /\$\{|\{\{|\}\}|%[sd]|%\(|^<|>$|#\{|@@|^\$[A-Za-z_(]|^ENC\(|^\{cipher\}|^vault:|^ref\+|^\{[A-Za-z0-9+/]{8,200}={0,2}\}$/;

/** Values that name a thing instead of being it: `password`, `string`, `required`, `hidden`… Lower case, whole value. */
export const NON_SECRET_VALUES: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'secret',
  'string',
  'str',
  'required',
  'optional',
  'hidden',
  'true',
  'false',
  'empty',
  'blank',
  'text',
  'value',
  'default',
  'admin',
  'root',
  'user',
  'username',
  'guest',
  'test',
  'testing',
  'letmein',
  // The password of the classic adventure game, a stand-in in RFCs and docs (`http://joe:xyzzy@…`).
  'xyzzy',
  'qwerty',
  'secret123',
  'password1',
  'password123',
  'p@ssw0rd',
  'passw0rd',
  'pa$$w0rd',
  'pa$$word',
  'mypassword',
  'mysecret',
  'your_password',
  'new_password',
  'old_password',
  'confirm_password',
  'current-password',
  'new-password',
  'off',
  'on',
  // Text encodings: `write('mysql_native_password', 'latin1')` names the encoding of a written name.
  'latin1',
  'binary',
  'base64',
  'base64url',
  'utf16le',
  'no',
  'yes',
  // Well-known defaults of local databases and brokers in samples and compose files.
  'postgres',
  'mysql',
  'redis',
  'rabbitmq',
  'mongo',
  'mongodb',
  'mariadb',
  'elastic',
  'changeit',
  'token',
  'oracle',
  'foobared',
  'tiger',
  'example',
  // The Internet's stock example passwords.
  'hunter2',
  'correcthorsebatterystaple',
  // Stock test passwords and keyboard walks from the top of every leaked-password list, as SDK
  // docs and test suites write them (`password: "Test12345"`, `"1qaz@QAZ"`).
  'test1234',
  'test12345',
  'test123456',
  'abc12345',
  'abc123456',
  'admin1234',
  'admin12345',
  'password1234',
  'q1w2e3r4',
  'q1w2e3r4!',
  '1qaz2wsx',
  '1qaz@qaz',
  '1qaz!qaz',
  'abc123',
  // `psw` is a short form of the name (`mongodb://val:psw@…` in a doc comment); foo, bar and baz are
  // the placeholders of every example (`http://foo:bar@localhost`).
  'psw',
  'foo',
  'bar',
  'baz',
  // The wrong password of a test that checks a login fails.
  'wrong',
  'invalid',
  'incorrect',
]);

/** A secret manager's name for a secret (see isReferenceOrLabel). */
const SECRET_MANAGER_NAME_RE =
  /^(?:projects\/[A-Za-z0-9_.-]{1,64}\/secrets\/[A-Za-z0-9_-]{1,255}(?:\/versions\/(?:[0-9]{1,12}|latest))?|arn:aws(?:-cn|-us-gov)?:(?:secretsmanager|ssm|kms):[A-Za-z0-9:/_+=.@-]{1,400}|acs:kms:[A-Za-z0-9:/_.-]{1,400})$/;

/** Stored password hashes (`$2b$…`, `$argon2id$…`, `{SSHA}…`): what a system keeps instead of the password. */
const PASSWORD_HASH_RE =
  /^(?:(?:sha1|sha224|sha256|sha384|sha512|md5)\$[A-Za-z0-9./+]{1,64}\$[0-9a-f]{32,128}$|pbkdf2_sha(?:1|256)\$\d{3,7}\$[^$]{1,64}\$[A-Za-z0-9+/]{27,88}={0,2}$|\$(?:2[abxy]?|argon2i?d?|pbkdf2[\w-]{0,20}|scrypt|[156])\$|\{(?:SSHA|SHA|SMD5|MD5|bcrypt|pbkdf2|sha256|sha512|argon2)\})/i;

/**
 * The judgement for free-text secrets (passwords), where a value may be a reference, a
 * label or a stand-in: these are not literals worth blocking a commit over.
 */
export function isReferenceOrLabel(raw: string): boolean {
  // `password: config.dbPass,` — a trailing separator is not part of the value.
  const value = raw.replace(/[,;]+$/, '');
  if (REFERENCE_RE.test(value) || PASSWORD_HASH_RE.test(value)) return true;
  if (NON_SECRET_VALUES.has(value.toLowerCase()) || isPublishedExamplePassword(value)) return true;
  // A type or a name, not a literal: `password: URLPatternComponentResult;` (a declaration), `pass = DEFAULT_PW;`
  // (an unquoted value a statement ends is an identifier), `password: Option<SecretString>,`.
  if (/;$/.test(raw) && /^[A-Za-z_$][\w$.]{0,80}(?:<[\w$.,<>[\]|]{1,80}>)?(?:\[\])?$/.test(value)) return true;
  if (/^[A-Za-z_$][\w$.]{0,80}<[\w$.,<>[\]|]{1,80}>$/.test(value) || looksLikeIdentifier(value)) return true;
  // A generic type opening its body, `plugin_password: PluginDefinition<{`, is a declaration.
  if (/^[A-Za-z_$][\w$.]{0,80}<\{?$/.test(value)) return true;
  // An unquoted name before a comma is an object property's value or a parameter's type in code:
  // `password: derivePw,`, `password: IDataType,`, `submitPassword: SIGN_IN_SUBMIT_PASSWORD,`.
  if (
    /,$/.test(raw) &&
    /^[A-Za-z_$][\w$]{0,80}$/.test(value) &&
    (/[a-z][A-Z]/.test(value) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value))
  )
    return true;
  // A chained assignment in minified code: `x.AuthMD5Password=x.StatusMessage=x.ReadyMessage=`.
  if (/^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+=){2,}$/.test(value)) return true;
  // A constant or a snake_case name that holds the word: `MYSQL_NATIVE_PASSWORD`, `caching_sha2_password`
  // (each part has two letters or more, so a chosen Admin_Password_1 stays a password).
  if (
    /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/.test(value) &&
    value.split('_').every((p) => /[A-Za-z].*[A-Za-z]/.test(p)) &&
    /(?:^|_)(?:pass(?:word|wd)?|pwd|secret)(?:_|$)/i.test(value)
  )
    return true;
  // A single capitalised word (`Passwort`, `Senha`, `Hidden`) or a camelCase name (`newPwd`): a label or an identifier.
  if (
    /^[A-Z][a-z]+$/.test(value) ||
    (/^\p{Lu}?\p{Ll}+$/u.test(value) && /[^\x00-\x7f]/.test(value)) ||
    ((/^[a-z]+(?:[A-Z][a-z]+)+$/.test(value) || /^(?:[A-Z][a-z]+){2,}$/.test(value)) && base64OfText(value) === null)
  )
    return true;
  // A GraphQL field's type, non-null: `password: String!`, `[ID]!`, `PasswordInput!`.
  if (/^\[?(?:String|Int|Float|Boolean|ID|[A-Z][a-z]+(?:[A-Z][a-z]+)+)!?\]?!$/.test(value)) return true;
  // A Google API resource kind, `service#TypeName` (`identitytoolkit#ResetPasswordResponse`): a type's name.
  if (/^[a-z][a-z0-9]{1,40}#[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return true;
  // A format placeholder: {password}, {0}, {{pw}}.
  if (/\{[A-Za-z_0-9][\w.]{0,40}\}/.test(value)) return true;
  // Non-ASCII letters (CJK labels such as 密码不能为空) and spaces: prose, not a password.
  if (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\s]/.test(value)) return true;
  // A negated name is code: `ownPass: !!ownPass`, `keepPass = !dryRun`.
  if (/^!{1,2}[A-Za-z_$][\w$.]*$/.test(value)) return true;
  // Dotted or called names: self.password, config.db.pass, opts?.password, getPassword(), os.environ[...].
  if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/.test(value) || /[([\]]/.test(value)) return true;
  // A hexadecimal number is a code or an attribute id (`wifiPassword: 0x2001,`), not a typed password.
  if (/^0x[0-9a-fA-F]{1,16}$/.test(value)) return true;
  // A value that repeats the name: password_field, user-password, PasswordInput (but a chosen
  // password that merely contains the word, Password123!, has digits or symbols).
  if (/pass(?:word|wd)|secret/i.test(value) && !/[0-9!@#$%^&*+=~?]/.test(value)) return true;
  if (echoesName(value)) return true;
  // Paths and URLs (PWD=/home/app, a reset link), validation rules (required|min:8), %VAR%.
  if (
    looksLikePath(value) ||
    /^(?:[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/|urn:[A-Za-z0-9-]{1,32}:)/i.test(value) ||
    /^[a-z_]+(?:[|:,][a-z0-9_]+)+$/.test(value) ||
    /^%[A-Za-z_]\w*%$/.test(value)
  )
    return true;
  // Masks, redactions and ellipses: ******, ●●●●, ####, ….
  if (/^[*•●#xX.?…-]+$/.test(value)) return true;
  // The name of a secret kept in a secret manager, not the secret: Google Secret Manager's
  // `projects/123/secrets/db-pass/versions/1`, an AWS Secrets Manager or SSM ARN, an Alibaba Cloud KMS one.
  if (SECRET_MANAGER_NAME_RE.test(value)) return true;
  // JS/JSON escapes (`\u5BC6\u7801`, `\u2026`): how bundlers and JSON encoders write non-ASCII
  // text. The value is judged as the text it stands for (a CJK label, an ellipsis).
  if (/\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.test(value)) {
    const text = value.replace(/\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_m, u?: string, x?: string) =>
      String.fromCharCode(parseInt(u ?? x ?? '0', 16)),
    );
    if (/[^\x00-\x7f]/.test(text) && isReferenceOrLabel(text)) return true;
    // A control character (`pass\u0000word`, a test vector) cannot be typed at a login prompt.
    if (/[\x00-\x08\x0e-\x1f]/.test(text)) return true;
  }
  // An encoded stand-in is a stand-in: a Kubernetes Secret's `password: Y2hhbmdlbWU=` is `changeme`.
  const decoded = base64OfText(value);
  if (decoded !== null && (decoded.trim().length < 4 || isPlaceholder(decoded) || isReferenceOrLabel(decoded.trim()))) return true;
  return false;
}

/** The name a value may echo: password, passwd, pass, pwd, psw, secret. */
const NAME_WORD = '(?:pass(?:word|wd)?|pwd|psw|secret)';
/**
 * The name in lower case with a short tag and a number: `password2`, `password350`, `db2pwd`,
 * `dbpass`, `mypass`, `secret42` (a capital makes it chosen: `Secret_2024`).
 */
const NAME_NUMBERED_RE = new RegExp(`^(?:[a-z]{1,3}[0-9]?[-_]?)?${NAME_WORD}[-_]?[0-9]{0,6}$`);
/** A lower-case phrase of hyphenated words holding the name: `password-for-30001`, `my-secret-value`. */
const NAME_PHRASE_RE = new RegExp(`^[a-z0-9]{1,20}(?:-[a-z0-9]{1,20}){1,6}$`);
const NAME_PART_RE = new RegExp(`^${NAME_WORD}$`);
/** Leetspeak a stand-in is spelled in (`P4ssw0rD`, `s3cret`, `p@ss`, `$ecret`, and `/\/\` for m, its backslashes doubled in a string literal). */
/** The name, possibly in leetspeak: `Password`, `P4ssw0rD`, `p@ss:word`, `S3cr3T`. */
const SPELLED_NAME_RE = /p[a4@][s5$]{2}[-_:]?(?:w[o0]rd|wd)|[s5$][e3]cr[e3][t7]/gi;
const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/**
 * A value that only spells the name it is assigned to: `password2`, `password-for-30001`,
 * `TheWrongPassword!`, the leetspeak `myc00lP4ssw0rD`, `s00pers3cret` (a leet digit stands between
 * letters: the digits closing `Password345` are digits), the percent-encoded
 * `p%40ss%3Aword` (`p@ss:word`), or a stock word so spelled (`p@ssword1`, `p%40ss`). Read as letters (leet digits and symbols turned back, one
 * closing `!`, `.` or `?` and `-`, `_`, `:` separators dropped) it is nothing but words holding
 * `password` or `secret`. A chosen password with a digit that is no letter (`Password123!`,
 * `Admin_Password_1`) or random characters around the word stays a password.
 */
export function echoesName(raw: string): boolean {
  if (NAME_NUMBERED_RE.test(raw)) return true;
  // A PascalCase name of four words or more, each with a vowel, holding the name: `CachingSha2PasswordAuth`.
  if (
    /^(?:[A-Z][a-z]+[0-9]{0,2}){4,8}$/.test(raw) &&
    /Pass(?:word|wd)?|Pwd|Secret/.test(raw) &&
    (raw.match(/[A-Z][a-z]+/g) ?? []).every((w) => /[aeiouy]/.test(w))
  )
    return true;
  if (NAME_PHRASE_RE.test(raw) && raw.split('-').some((p) => NAME_PART_RE.test(p))) return true;
  let v = raw;
  if (/%[0-9A-Fa-f]{2}/.test(v)) {
    try {
      v = decodeURIComponent(v);
    } catch {
      return false;
    }
  }
  // Stand-in words joined by a symbol (`foo@bar`, `user:pass`), or no letter or digit at all once
  // decoded (`%2F%40` is `/@`, a URL parser's test vector).
  const words = v.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (words.length === 0 || (words.length >= 2 && words.every((w) => NON_SECRET_VALUES.has(w.toLowerCase())))) return true;
  const spelled = v
    .replace(/\/\\{1,2}\/\\{1,2}/g, 'm')
    .replace(/(?<=[A-Za-z])[0-9@$]{1,3}(?=[A-Za-z])/g, (run) => run.replace(/./g, (c) => LEET[c] ?? c));
  if (NON_SECRET_VALUES.has(spelled.toLowerCase())) return true;
  // Who writes leet spells the name so too (`P4ssw0rD`): digits between letters around a plain
  // `Password` (`txaPassword5oak`) are a chosen password's.
  if (spelled !== v && !(v.match(SPELLED_NAME_RE) ?? []).some((name) => /[0-9@$]/.test(name))) return false;
  const letters = spelled.replace(/[!.?]$/, '').replace(/[-_:]/g, '');
  return /^[A-Za-z]{6,64}$/.test(letters) && /pass(?:word|wd)|secret/i.test(letters) && isWordsOrName(letters);
}

/**
 * Letters that read as words around the name, not random ones: each run of letters before, between
 * and after `password`/`secret` is made of words written as people write them (`the`, `Wrong`,
 * `VAULT`, two letters or more, each with a vowel), never of letters whose case flips at random.
 */
function isWordsOrName(letters: string): boolean {
  return letters
    .split(/pass(?:word|wd)|secret/i)
    .every((part) => part === '' || (part.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []).every((w) => w.length >= 2 && /[aeiouy]/i.test(w)));
}

/** A user name in a key=value connection string: `UID=db2admin;`, `user=app&`, `User Id=sa;` (also in Markdown's backticks). */
const USER_FIELD_RE = /(?:^|[\s;?&"'{`])(?:uid|user|username|user id)=([^\s;&,'"`]{1,64})/gi;

/**
 * True when the line gives the password as its user's name too: `libgit3:libgit3@host`,
 * `UID=db2admin;PWD=db2admin`. A test account's default (the database image's own), set where
 * the sample runs, not a credential anyone keeps secret.
 */
export function repeatsUser(line: string, secret: string): boolean {
  const known = lineUsers(line);
  if (known.users.has(secret)) return true;
  // (Every pair of a name up to PAIR_MAX characters is listed: a longer one is searched for.)
  if (secret.length >= 1 && secret.length <= PAIR_MAX) return known.pairs.has(secret);
  const pair = `${secret}:${secret}@`;
  for (let at = line.indexOf(pair); at >= 0; at = line.indexOf(pair, at + 1)) {
    if (at === 0 || !NAME_CHAR.test(line[at - 1])) return true;
  }
  return false;
}

const NAME_CHAR = /[A-Za-z0-9_.%+-]/;
/** The longest name whose `name:name@` pairs `lineUsers` lists. */
const PAIR_MAX = 64;

/**
 * perf: the user names of the last line asked about, read once (a long line with thousands of
 * candidates was searched once per candidate): its key=value user fields, and each name of up to
 * PAIR_MAX characters written `name:name@` (not preceded by a character of a name).
 */
let usersOf: { line: string; users: Set<string>; pairs: Set<string> } | null = null;

function lineUsers(line: string): { line: string; users: Set<string>; pairs: Set<string> } {
  if (usersOf?.line === line) return usersOf;
  const users = new Set(Array.from(line.matchAll(USER_FIELD_RE), (m) => m[1]));
  const pairs = new Set<string>();
  for (let a = line.indexOf('@'); a >= 0; a = line.indexOf('@', a + 1)) {
    for (let n = 1; n <= PAIR_MAX && 2 * n + 1 <= a; n++) {
      const c = a - n - 1;
      if (line.charCodeAt(c) !== 0x3a) continue;
      const at = c - n;
      if (at > 0 && NAME_CHAR.test(line[at - 1])) continue;
      const name = line.slice(c + 1, a);
      if (line.startsWith(name, at)) pairs.add(name);
    }
  }
  return (usersOf = { line, users, pairs });
}

export function isPlaceholder(s: string): boolean {
  const low = s.toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (low.includes(w) && hasWordAsWritten(s, low, w)) return true;
  if (SHORT_WORD_RE.test(s)) return true;
  // Eight of one character in a row (a mask, a filler); six can happen in a random hex key.
  // (Six in a row happens in about one random 32-digit hex key in 20,000; seven, in one in 300,000.)
  return /(.)\1{7,}/.test(s) || hasSequentialRun(low, s.length >= 24 ? 7 : 6);
}

/**
 * True when `w` stands in `s` as people write a word: all lower case, all upper case,
 * capitalised or in camel case (`fixme`, `FIXME`, `Fixme`, `YouPass`), not with its case
 * flipping as in random base64 (`ffIXMe`): a 60-character random key holds some spelling of a five-letter word once in
 * 500,000 keys, and one of these three spellings about eight times less often.
 */
function hasWordAsWritten(s: string, low: string, w: string): boolean {
  const cap = w.charAt(0).toUpperCase() + w.slice(1);
  for (let at = low.indexOf(w); at >= 0; at = low.indexOf(w, at + 1)) {
    const seen = s.slice(at, at + w.length);
    if (seen === w || seen === w.toUpperCase() || seen === cap || /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$/.test(seen)) return true;
  }
  return false;
}

/**
 * The text a value is base64 of, when it is readable text (`ZmVpamlq…` is `feijij…`), or null:
 * an encoded value is judged by what it decodes to, not taken for a name.
 */
function base64OfText(value: string): string | null {
  if (value.length < 8 || value.length % 4 !== 0) return null;
  const text = decodeBase64Text(value);
  return text !== null && isReadableText(text) ? text : null;
}

/**
 * A file path (`/home/app`, `./secrets`, `~/.ssh`): it starts so, has no `+` or `=`, no part
 * longer than 40 characters and no long part of random-looking mixed case and digits. A base64
 * token starts with `/` once in 64 and is none of these.
 */
function looksLikePath(value: string): boolean {
  return (
    /^[~.]{0,2}\//.test(value) &&
    !/[+=]/.test(value) &&
    value.split('/').every((part) => part.length <= 40 && !(part.length >= 16 && charClasses(part) === 3 && /[a-z][A-Z]/.test(part)))
  );
}

/**
 * What decoded base64 must be to be judged as text: printable ASCII (a trailing line end
 * allowed), or letters of CJK scripts among it. Random bytes decode as valid UTF-8 now and then
 * (a tab, a Cyrillic letter), and are not a label for that.
 */
function isReadableText(text: string): boolean {
  const t = text.replace(/\r?\n$/, '');
  if (/^[\x20-\x7e]*$/.test(t)) return true;
  return /^[\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*$/.test(t) && /[\u4e00-\u9fff]{2}/.test(t);
}

/** True when `s` holds `n` consecutive ascending or descending characters (abcdef, 987654). */
export function hasSequentialRun(s: string, n: number): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= n || down >= n) return true;
  }
  return false;
}

/**
 * Two-letter words a name may hold between others (`AddSourceIdentifierToSubscription`, `DataInDays`,
 * `codeOrRedirectUri`): a short list, so that random pairs of letters (`Zg`, `Qx`) do not count.
 */
const TWO = 'To|By|In|Or|Of|On|At|As|Is|Id|If|Up|No|An|Do|Be|It|Io|Ui|Db|Ok|Os|Ip|Vm';
/** PascalCase with acronyms (`STSAssumeRole`), a version closing a word (`ServerlessV2Scaling`); camelCase. */
const UPPER_NAME_RE = /^(?:[A-Z][a-z]{2,}|[A-Z]{2,4}(?=[A-Z][a-z]|[0-9]|$)|[A-Z](?=[0-9]{1,3}$)|V[0-9](?=[A-Z][a-z]))+[0-9]{0,3}$/;
const LOWER_NAME_RE = /^[a-z]{2,}(?:[A-Z][a-z]{2,})+[0-9]{0,3}$/;
/** The same with two-letter words between the others. */
const UPPER_TWO_RE = new RegExp(
  `^(?:[A-Z][a-z]{2,}|(?:${TWO})(?=[A-Z]|$)|[A-Z]{2,4}(?=[A-Z][a-z]|[0-9]|$)|[A-Z](?=[0-9]{1,3}$)|V[0-9](?=[A-Z][a-z]))+[0-9]{0,3}$`,
);
const LOWER_TWO_RE = new RegExp(`^[a-z]{2,}(?:[A-Z][a-z]{2,}|(?:${TWO})(?=[A-Z]|$))+[0-9]{0,3}$`);

/**
 * `GetCallerIdentityResponse`, `ListUsersRequest`, `STS.AssumeRoleV2`: words, not randomness.
 * At least two words of three or more lower-case letters, each with a vowel (y only in a short word:
 * `Sync`; `jvymrlm` is noise), making up half of
 * the string, and acronyms of at most four capitals, so a random key
 * (whose case flips every character or two) is practically never taken for a name.
 */
export function looksLikeIdentifier(s: string): boolean {
  const plain = UPPER_NAME_RE.test(s) || LOWER_NAME_RE.test(s);
  // With two-letter words only in long names of three words or more: in a short random string a
  // listed pair (`By`, `Io`) turns up too often.
  const withTwo = !plain && s.length >= 28 && (UPPER_TWO_RE.test(s) || LOWER_TWO_RE.test(s));
  if (!plain && !withTwo) return false;
  const words = s.match(/[a-z]{3,}/g) ?? [];
  const lower = words.reduce((n, w) => n + w.length, 0);
  return (
    words.length >= (withTwo ? 3 : 2) &&
    lower * 2 >= s.length &&
    words.every((w) => /[aeiou]/.test(w) || (w.length <= 4 && w.includes('y')))
  );
}

/**
 * A name made of words in mixed case (`OAuthApplicationRotateSecretPayload`,
 * `_fromStartTotpMfaEnrollmentResponse`): upper and lower case, no digit, and four fifths of its
 * letters in three or more words of three letters or more with a vowel. Random letters change case every character or
 * two and practically never make such words.
 */
export function isWordsInCase(s: string): boolean {
  if (/[0-9]/.test(s) || !/[A-Z]/.test(s) || !/[a-z]/.test(s)) return false;
  const letters = s.replace(/[^A-Za-z]/g, '').length;
  // (Words are a capital and lower-case letters, or lower-case letters, with a vowel; a run of
  // capitals is no word: `ALTAKSqBhxyb…`, a random key after its prefix, is not a name.)
  const words = (s.match(/[A-Z]?[a-z]{2,}/g) ?? []).filter((w) => /[aeiou]/.test(w));
  return words.length >= 3 && words.reduce((n, w) => n + w.length, 0) * 5 >= letters * 4;
}

/**
 * `com/IAM/latest/UserGuide/SomeTopic`: a piece of a URL path, cut to a key's length. Three or more
 * parts, all letters, each a lower-case word with a vowel, an acronym or a name; a random base64 key
 * seldom holds two slashes and no digit, and practically never words between them.
 */
export function looksLikeWordPath(s: string): boolean {
  const parts = s.split('/');
  if (parts.length < 3 || parts.some((p) => !/^[A-Za-z]{2,}$/.test(p))) return false;
  return parts.every(
    (p) =>
      (/^[a-z]{3,}$/.test(p) && /[aeiou]/.test(p)) ||
      /^[A-Z]{2,5}$/.test(p) ||
      /^[A-Z][a-z]{2,}$/.test(p) ||
      looksLikeIdentifier(p) ||
      /^[A-Z]{2,5}[A-Z][a-z]{2,}(?:[A-Z][a-z]+)*[A-Z]{0,5}$/.test(p),
  );
}

/**
 * A long random key of both cases with no digit: a 40-character random base64 key has none once
 * in 900 keys, a 48-character one once in 4,000. Letters of both cases and the entropy of
 * random characters (case flipping as no name does) stand in for the missing digit.
 */
function missesClassByChance(body: string, minClasses: number): boolean {
  return (
    minClasses === 3 &&
    body.length >= 32 &&
    /[A-Z]/.test(body) &&
    /[a-z]/.test(body) &&
    shannonEntropy(body) >= 4 &&
    !looksLikeIdentifier(body) &&
    (body.match(/(?=[a-z][A-Z]|[A-Z][a-z])/g) ?? []).length * 4 >= body.length
  );
}

/**
 * The entropy a waived value needs; a long run of random lower-case letters (a QQ Mail
 * authorisation code: 16 of them) falls below it once in 1,000 codes, and is told from a word by
 * a run of four consonants, which words of that length seldom hold.
 */
function waived(body: string, minEntropy: number): boolean {
  const h = shannonEntropy(body);
  if (h >= minEntropy) return true;
  return body.length >= 16 && /^[a-z]+$/.test(body) && /[bcdfghjklmnpqrstvwxyz]{4}/.test(body) && h >= 2.9;
}

export function passesShape(secret: string, shape: SecretShape): boolean {
  if (shape.byStructure) return true;
  // A value paired with its name on the line above (`- name: DB_PASSWORD` then `value: v`, a
  // `nextLine` detector) is judged by the value alone.
  const value = secret.includes('\n') ? secret.slice(secret.lastIndexOf('\n') + 1) : secret;
  const body = shape.stripPrefix && value.startsWith(shape.stripPrefix) ? value.slice(shape.stripPrefix.length) : value;
  if (isPlaceholder(body)) return false;
  if (shape.minClasses !== undefined && charClasses(body) < shape.minClasses && !missesClassByChance(body, shape.minClasses)) {
    const w = shape.classWaiver;
    // Only a run of letters or digits (one dot allowed: a kubeadm token) is waived: hyphenated
    // words (elevated-privileges) are prose.
    if (!w || body.length < w.minLength || !/^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)?$/.test(body) || !waived(body, w.minEntropy)) return false;
  }
  if (shape.minEntropy !== undefined && shannonEntropy(body) < shape.minEntropy) return false;
  if (shape.rejectIdentifiers && (looksLikeIdentifier(body) || looksLikeWordPath(body) || isWordsInCase(body))) return false;
  if (shape.rejectHex && /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(body)) return false;
  if (shape.freeText && isReferenceOrLabel(body)) return false;
  return true;
}
