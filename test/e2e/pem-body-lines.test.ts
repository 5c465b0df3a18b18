/**
 * A PEM body line may begin with any base64 character, `+` and `/` included: about one line in
 * 64 starts with `+`. Taking that `+` for a string concatenation dropped it and shifted every
 * byte after it, so a key whose structure is read past its first line (a DSA key in PKCS#8,
 * whose group fills six lines) passed without a word about once in eleven keys. The keys here
 * are made by ssh-keygen until several have such a line; each is staged raw, in YAML and as a
 * JS concatenation, and `check` must find every one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { json, makeRepo, tmpDir } from '../helpers/repo';

const dir = tmpDir('akh-pemlines-');

/** DSA keys in PKCS#8 from ssh-keygen: `want` whose body lines 2-7 include one starting with `+`, and `want` without. */
function dsaKeys(want: number): { plus: string[]; plain: string[] } {
  const plus: string[] = [];
  const plain: string[] = [];
  for (let i = 0; i < 600 && (plus.length < want || plain.length < want); i++) {
    const f = path.join(dir, `k${i}`);
    execFileSync('ssh-keygen', ['-q', '-t', 'dsa', '-m', 'PKCS8', '-N', '', '-f', f], { stdio: 'ignore' });
    const pem = readFileSync(f, 'utf8');
    rmSync(f);
    rmSync(`${f}.pub`);
    const body = pem.trim().split('\n').slice(2, 7);
    const list = body.some((l) => l.startsWith('+')) ? plus : plain;
    if (list.length < want) list.push(pem);
  }
  return { plus, plain };
}

const asYaml = (pem: string) =>
  `tls:\n  key: |\n${pem
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
const asJs = (pem: string) => {
  const lines = pem.trimEnd().split('\n');
  return `const key =\n  "${lines[0]}\\n"\n${lines
    .slice(1)
    .map((l) => `  + "${l}\\n"`)
    .join('\n')};\nmodule.exports = key;\n`;
};

test('DSA PKCS#8 keys with a body line starting with + are found raw, in YAML and in a JS concatenation', () => {
  const { plus, plain } = dsaKeys(3);
  expect(plus).toHaveLength(3);
  expect(plain).toHaveLength(3);
  const repo = makeRepo();
  const expected: string[] = [];
  [...plus, ...plain].forEach((pem, i) => {
    repo.write(`k${i}/id_dsa`, pem);
    repo.write(`k${i}/values.yaml`, asYaml(pem));
    repo.write(`k${i}/key.js`, asJs(pem));
    expected.push(`k${i}/id_dsa:1`, `k${i}/values.yaml:3`, `k${i}/key.js:2`);
  });
  repo.git(['add', '.']);
  const r = repo.cli(['check', '--format', 'json']);
  const found = json(r).findings as Array<{ file: string; line: number; ruleId: string }>;
  expect(found.map((f) => `${f.file}:${f.line}`).sort()).toEqual(expected.sort());
  expect(new Set(found.map((f) => f.ruleId))).toEqual(new Set(['private-key']));
  expect(r.status).toBe(1);
});
