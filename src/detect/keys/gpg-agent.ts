/**
 * GnuPG agent key files (`~/.gnupg/private-keys-v1.d/<keygrip>.key`), where gpg 2.1+ keeps every
 * secret key: an S-expression `(private-key (rsa (n …)(e …)(d …)…))`, or
 * `(protected-private-key (ecc … (protected openpgp-s2k3-ocb-aes … #ciphertext#)))` for a key
 * with a passphrase. GnuPG 2.2 writes the extended text format (`Created: …` and a `Key: (…)`
 * header continued over indented lines, in the advanced S-expression syntax: `#hex#`,
 * `"string"`, tokens); older agents (and `disable-extended-key-format`) the binary canonical
 * form (`(11:private-key(3:rsa(1:n257:…`). A smartcard stub (`shadowed-private-key`) and a
 * public key hold no secret. Decided by structure: the expression is parsed, and a private
 * component of a key's size (or a protected blob) must be in it.
 */

/** A parsed S-expression: a list of atoms (bytes) and lists. */
export type Sexp = Array<Buffer | Sexp>;

/** Private components by algorithm (GnuPG names), and the fewest bytes each has in a real key. */
const PRIVATE: Record<string, { names: string[]; min: number }> = {
  rsa: { names: ['d', 'p', 'q'], min: 48 },
  dsa: { names: ['x'], min: 20 },
  elg: { names: ['x'], min: 20 },
  ecc: { names: ['d'], min: 20 },
  ecdsa: { names: ['d'], min: 20 },
  ecdh: { names: ['d'], min: 20 },
  eddsa: { names: ['d'], min: 20 },
};

/** Ciphertext of a protected key is at least one cipher block and a tag. */
const MIN_PROTECTED = 24;

/**
 * Parses the canonical form (`(3:abc(1:x…))`) from `at`. Returns the list, or null when the bytes
 * are not canonical; a list cut off at the end of `b` is returned as far as it goes.
 */
export function parseCanonical(b: Uint8Array): Sexp | null {
  if (b[0] !== 0x28) return null;
  const stack: Sexp[] = [[]];
  let i = 1;
  while (i < b.length) {
    const c = b[i];
    if (c === 0x28) {
      const l: Sexp = [];
      stack[stack.length - 1].push(l);
      stack.push(l);
      i++;
    } else if (c === 0x29) {
      if (stack.length === 1) return stack[0];
      stack.pop();
      i++;
    } else if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      let j = i;
      while (j < b.length && j - i < 6 && b[j] >= 0x30 && b[j] <= 0x39) n = n * 10 + b[j++] - 0x30;
      if (b[j] !== 0x3a || (b[i] === 0x30 && j - i > 1)) return null;
      const end = Math.min(b.length, j + 1 + n);
      stack[stack.length - 1].push(Buffer.from(b.buffer, b.byteOffset + j + 1, end - j - 1));
      i = j + 1 + n;
    } else return null;
  }
  return stack[0];
}

const HEX = /^[0-9A-Fa-f\s]*$/;
const TOKEN = /[A-Za-z\-./_:*+=][A-Za-z0-9\-./_:*+=]*/y;

/** libgcrypt's one-letter escapes in a quoted string (`\r` and the like). */
const ESCAPES: Record<string, number> = { b: 8, t: 9, v: 11, n: 10, f: 12, r: 13, '"': 34, "'": 39, '\\': 92 };

/**
 * The bytes of a quoted string's body as libgcrypt reads them: `\n`, `\r` and the other
 * one-letter escapes, `\xHH`, three octal digits, and a backslash before a line break (a
 * continuation: neither is kept). gpg-protect-tool writes a byte it cannot print this way.
 */
function unquote(body: string): Buffer {
  if (!body.includes('\\')) return Buffer.from(body, 'latin1');
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out.push(body.charCodeAt(i) & 0xff);
      continue;
    }
    const e = body[++i];
    if (ESCAPES[e] !== undefined) out.push(ESCAPES[e]);
    else if (e === 'x' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (/^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      out.push(parseInt(body.slice(i, i + 3), 8) & 0xff);
      i += 2;
    } else if (e === '\n' || e === '\r') {
      // a continuation: the line break (\n, \r, \r\n or \n\r) is dropped
      const next = body[i + 1];
      if ((next === '\n' || next === '\r') && next !== e) i++;
    } else out.push(92, body.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

/**
 * Parses the advanced (text) form: `(`, `)`, tokens, `#hex#`, `"quoted"`, `|base64|` and
 * `3:abc`, whitespace (line breaks inside a `#hex#` too) between. Null when something else
 * comes; a list cut off at the end of `s` is returned as far as it goes.
 */
export function parseAdvanced(s: string): Sexp | null {
  let i = s.indexOf('(');
  if (i < 0 || s.slice(0, i).trim() !== '') return null;
  const stack: Sexp[] = [[]];
  i++;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '(') {
      const l: Sexp = [];
      stack[stack.length - 1].push(l);
      stack.push(l);
      i++;
    } else if (c === ')') {
      if (stack.length === 1) return stack[0];
      stack.pop();
      i++;
    } else if (c === '#' || c === '|' || c === '"') {
      // (A quoted string may hold any byte, and `\"` escapes.)
      let end = i + 1;
      while (end < s.length && s[end] !== c) end += c === '"' && s[end] === '\\' ? 2 : 1;
      if (end >= s.length) end = -1;
      if (end < 0) return stack[0];
      const body = s.slice(i + 1, end);
      if (c === '#') {
        if (!HEX.test(body)) return null;
        stack[stack.length - 1].push(Buffer.from(body.replace(/\s/g, ''), 'hex'));
      } else if (c === '|') stack[stack.length - 1].push(Buffer.from(body.replace(/\s/g, ''), 'base64'));
      else stack[stack.length - 1].push(unquote(body));
      i = end + 1;
    } else if (c >= '0' && c <= '9') {
      const m = /^(\d{1,6}):/.exec(s.slice(i, i + 8));
      if (!m) return null;
      const n = Number(m[1]);
      stack[stack.length - 1].push(Buffer.from(s.slice(i + m[0].length, i + m[0].length + n), 'latin1'));
      i += m[0].length + n;
    } else {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(s);
      if (!m) return null;
      stack[stack.length - 1].push(Buffer.from(m[0], 'latin1'));
      i += m[0].length;
    }
  }
  return stack[0];
}

const isList = (x: Buffer | Sexp | undefined): x is Sexp => Array.isArray(x);
const name = (x: Buffer | Sexp | undefined): string | null =>
  x !== undefined && !isList(x) && x.length <= 40 ? x.toString('latin1') : null;

/** Bytes that vary as a key's do (not a run of one byte, not a short cycle). */
function varied(b: Buffer): boolean {
  return new Set(b).size >= Math.min(12, b.length / 2);
}

/** The largest atom anywhere in `l` (the ciphertext of a protected key). */
function largest(l: Sexp): number {
  let n = 0;
  for (const x of l) n = Math.max(n, isList(x) ? largest(x) : varied(x) ? x.length : 0);
  return n;
}

/**
 * True when `e` is an agent private key: `(private-key (<algo> … (<private part> <bytes>)))` with
 * the private part of a key's size, or `(protected-private-key (<algo> … (protected openpgp-… …)))`
 * with a ciphertext. A shadowed key (smartcard stub) and a public key are not.
 */
export function isAgentPrivateKey(e: Sexp | null): boolean {
  if (!e || e.length < 2) return false;
  const kind = name(e[0]);
  const key = e[1];
  if ((kind !== 'private-key' && kind !== 'protected-private-key') || !isList(key)) return false;
  const algo = name(key[0]);
  if (algo === null || !/^[a-z][a-z0-9-]{1,15}$/.test(algo)) return false;
  const parts = key.slice(1).filter((p): p is Sexp => isList(p) && p.length >= 2);
  if (kind === 'protected-private-key') {
    const prot = parts.find((p) => name(p[0]) === 'protected');
    const mode = prot ? name(prot[1]) : null;
    return mode !== null && /^openpgp-[a-z0-9-]{2,40}$/.test(mode) && largest(prot!.slice(2)) >= MIN_PROTECTED;
  }
  const want = PRIVATE[algo];
  if (!want) return false;
  return parts.some((p) => {
    const n = name(p[0]);
    const v = p[1];
    return n !== null && want.names.includes(n) && !isList(v) && v.length >= want.min && varied(v);
  });
}

/**
 * The lines a detector gathered from an extended-format key file (the `Key:` line, then the lines
 * after it, indentation kept): is their value an agent private key? A value is folded anywhere
 * (inside a token or a `#hex#`): a continuation line has one blank more than the `Key:` line,
 * and the line break and that blank are not part of the value. The bare advanced form
 * (`(private-key` alone on a line, then indented lines) reads the same.
 */
export function isAgentKeyText(text: string): boolean {
  const lines = text.split('\n');
  const base = /^[ \t]*/.exec(lines[0])![0].length;
  let value = lines[0].slice(lines[0].indexOf('('));
  for (const l of lines.slice(1)) {
    if (/^[ \t]*/.exec(l)![0].length <= base) break;
    value += l.slice(base + 1);
  }
  return isAgentPrivateKey(parseAdvanced(value));
}
