/** Just enough semver for doctor: does `version` satisfy a package.json range (^, ~, >=, =, x, *)? null: cannot tell. */
export function satisfies(version: string, range: string): boolean | null {
  const v = parse(version);
  if (!v) return null;
  const alternatives = range.split('||').map((r) => r.trim());
  let known = false;
  for (const r of alternatives) {
    const ok = one(v, r);
    if (ok === true) return true;
    if (ok === false) known = true;
  }
  return known ? false : null;
}

function parse(s: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function cmp(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function one(v: [number, number, number], r: string): boolean | null {
  if (r === '' || r === '*' || r === 'latest' || r === 'x') return true;
  const m = /^(\^|~|>=|=)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(r.split(/[-+]/)[0]);
  if (!m) return null;
  const op = m[1] ?? '=';
  const parts = [m[2], m[3], m[4]].map((p) => (p === undefined || p === 'x' || p === '*' ? null : Number(p)));
  const low = parts.map((p) => p ?? 0) as [number, number, number];
  if (op === '>=') return cmp(v, low) >= 0;
  if (cmp(v, low) < 0) return false;
  if (op === '^') {
    if (low[0] > 0) return v[0] === low[0];
    if (low[1] > 0 || parts[2] === null) return v[0] === 0 && v[1] === low[1];
    return cmp(v, low) === 0;
  }
  if (op === '~') return v[0] === low[0] && (parts[1] === null || v[1] === low[1]);
  // exact, or x-ranges
  return parts.every((p, i) => p === null || v[i] === p);
}
