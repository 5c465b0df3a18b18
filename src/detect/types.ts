/** A detector rule is data: the engine does the work. */
export type Severity = 'critical' | 'high' | 'medium';

/**
 * How a finding should be remedied, and how its fingerprint is built:
 * `key` secrets are long random strings (a fast hash is safe); `password` secrets may be
 * guessable, so their fingerprints use a slow, salted hash.
 */
export type SecretKind = 'key' | 'password';
/** What a finding's message says to do: `shared-key` is a symmetric key both ends hold (a VPN static key, a keytab). */
export type Advice = 'alibaba' | 'alibaba-sts' | 'cloud' | 'token' | 'key' | 'shared-key' | 'password';

export interface Detector {
  /**
   * Lower-case literals; a line is tried only when it contains one (case-insensitive).
   * Empty only for detectors with `fileContext`, which are tried when the file matches it.
   */
  keywords: readonly string[];
  /** Global regex; the secret is the named group `secret` (or the whole match). */
  pattern: RegExp;
  /** The detector fires only in a staged file where this matches somewhere. */
  fileContext?: RegExp;
  /**
   * A multi-line secret (a PEM block): the match is kept only when the next line of the
   * file is among the scanned lines and matches this; the secret is then the match plus the
   * named group `secret` of that line, reported once at the first line.
   */
  nextLine?: RegExp;
  /**
   * How many following lines `nextLine` may take (default 1): they are taken while each matches,
   * and their `secret` groups are joined to the match with line breaks (the armour headers and
   * first base64 lines of a key block, so that `validate` can decode them and the fingerprint
   * holds key material, not only a preamble every key shares).
   */
  nextLines?: number;
  /**
   * The match is dropped when the line before it is among the scanned lines and matches this:
   * a PEM body's first line right after its BEGIN line belongs to the block's own finding.
   */
  notAfter?: RegExp;
  /**
   * A Markdown table: `pattern` matches its header row, this the header cell of the column that
   * holds secrets. The rows below (after the separator row, those `nextLine` takes, up to
   * `nextLines`) give that column's cell each, reported at its own row.
   */
  tableColumn?: RegExp;
  /** A structural check of the secret beyond its shape (e.g. a CRC32 checksum tail). */
  validate?: (secret: string) => boolean;
  /**
   * perf: for detectors without keywords, a POSIX extended regex (ASCII only) that matches every
   * line `pattern` can match. The hook's shell prefilter uses it; without it, the prefilter
   * never skips node.
   */
  candidate?: string;
}

/** What a rule itself knows is not a credential, on top of the shared filters. */
export interface RuleAllow {
  /** A candidate matching any of these is dropped (documented samples, reserved values). */
  secrets?: readonly RegExp[];
  /** A candidate on a line matching any of these is dropped (e.g. an OSS pre-signed URL). */
  lines?: readonly RegExp[];
  /**
   * A candidate is dropped when this is true of its line and secret: a check a linear regex
   * cannot make (the user name repeated as the password, `admin:admin@`).
   */
  where?: (line: string, secret: string) => boolean;
}

export interface SecretShape {
  /**
   * The secret is decided by its structure (`validate` decodes it), never by entropy or
   * placeholder words: a key's fixed preamble repeats characters (`AAAAAAAA`) and its armour
   * holds words (`Encryption: none`). The other fields are then ignored.
   */
  byStructure?: boolean;
  /** Minimum Shannon entropy (bits per character) of the secret (or of `entropyOf`). */
  minEntropy?: number;
  /** Minimum number of character classes among upper, lower and digit. */
  minClasses?: number;
  /**
   * A value below `minClasses` still passes when it is this long and this random (e.g. a
   * 16-letter mail authorization code): long single-class words are rarely that random.
   */
  classWaiver?: { minLength: number; minEntropy: number };
  /** Part of the secret the entropy and class checks look at (e.g. after a fixed prefix). */
  stripPrefix?: string;
  /** Reject CamelCase/snake identifiers such as `GetCallerIdentityResponse` after `STS.`. */
  rejectIdentifiers?: boolean;
  /** Reject strings made only of hex digits of one case (hashes, digests). */
  rejectHex?: boolean;
  /**
   * Free-text values (passwords): also reject references and stand-ins that a random key
   * never looks like (`${VAR}`, `%s`, `{{ x }}`, dotted names, common non-secret words).
   */
  freeText?: boolean;
}

export interface RuleExamples {
  /** Lines that must be reported. Templates: `{{name}}` tokens are filled by a seeded generator. */
  positive: readonly string[];
  /** Lines that must not be reported. */
  negative: readonly string[];
}

export interface Rule {
  id: string;
  name: string;
  provider: string;
  severity: Severity;
  kind: SecretKind;
  advice: Advice;
  /** The advice for one secret when it differs from `advice` (a symmetric key among private keys). */
  adviceFor?: (secret: string) => Advice | undefined;
  /** What it finds, one line, for `ak-hook rules` and the README. */
  description: string;
  detectors: readonly Detector[];
  shape: SecretShape;
  /** Values this rule knows are not credentials. */
  allow?: RuleAllow;
  /**
   * The rule that finds this secret's id (e.g. the AccessKeyId of an AccessKeySecret): a secret
   * and an id in one file are one credential, and each finding names the other in `related`.
   */
  pairsWith?: string;
  /**
   * Reported only where no other rule reports a secret at the same place (e.g. a generic rule
   * that a contextual, provider-specific detector overrides in the files it knows).
   */
  fallback?: boolean;
  examples: RuleExamples;
}

export interface TextLine {
  line: number;
  text: string;
}

export interface RawFinding {
  ruleId: string;
  line: number;
  /** 1-based column of the secret's first character. */
  column: number;
  secret: string;
  /** The secret is the whole file (a key file read by its structure), not text on a line. */
  wholeFile?: true;
  /** What to do, when it is not the rule's own advice (a shared key found by the private-key rule). */
  advice?: Advice;
}
