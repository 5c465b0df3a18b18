import { spawnSync } from 'node:child_process';
import type { DoctorCheck, DoctorContext } from './types';

/** Credential files .gitignore must cover: a sample path each, and the line that covers it. */
const MUST_IGNORE: ReadonlyArray<{ sample: string; line: string }> = [
  { sample: '.env', line: '.env*' },
  { sample: '.env.production', line: '.env*' },
  { sample: 'server.pem', line: '*.pem' },
  { sample: 'server.key', line: '*.key' },
  { sample: 'server.ppk', line: '*.ppk' },
  { sample: 'id_rsa', line: 'id_rsa*' },
  { sample: 'id_ed25519', line: 'id_ed25519*' },
  { sample: '.aliyun/config.json', line: '.aliyun/' },
  { sample: '.ossutilconfig', line: '.ossutilconfig' },
  { sample: 'credentials', line: 'credentials' },
];
/** …and files it must not hide (the documented template). */
const MUST_TRACK: ReadonlyArray<{ sample: string; line: string }> = [{ sample: '.env.example', line: '!.env.example' }];

/** Which sample paths the ignore rules cover (`git check-ignore --no-index`: tracked or not, existing or not). */
export function ignoredSamples(root: string, env: NodeJS.ProcessEnv, samples: readonly string[]): Set<string> {
  const r = spawnSync('git', ['check-ignore', '--no-index', '--non-matching', '--verbose', '--stdin', '-z'], {
    cwd: root,
    env,
    encoding: 'utf8',
    input: samples.join('\0') + '\0',
  });
  const out = new Set<string>();
  // -z --verbose: source NUL linenum NUL pattern NUL path NUL
  const f = r.stdout.split('\0');
  for (let i = 0; i + 3 < f.length; i += 4) if (f[i + 2] !== '' && !f[i + 2].startsWith('!')) out.add(f[i + 3]);
  return out;
}

/** `.gitignore` covers credential files: .env* (not .env.example), keys, .aliyun/, .ossutilconfig, credentials. */
export function checkGitignore(ctx: DoctorContext): DoctorCheck {
  const id = 'gitignore' as const;
  const ignored = ignoredSamples(
    ctx.root,
    ctx.env,
    [...MUST_IGNORE, ...MUST_TRACK].map((s) => s.sample),
  );
  const lines = [
    ...new Set([
      ...MUST_IGNORE.filter((s) => !ignored.has(s.sample)).map((s) => s.line),
      ...MUST_TRACK.filter((s) => ignored.has(s.sample)).map((s) => s.line),
    ]),
  ];
  // `.env*` alone would hide the documented template too.
  if (lines.includes('.env*') && !lines.includes('!.env.example')) lines.push('!.env.example');
  if (lines.length === 0) return { id, status: 'ok', code: 'gitignore-ok', params: {} };
  return {
    id,
    status: 'warn',
    code: 'gitignore-missing',
    params: { lines: lines.join(' ') },
    fix: `printf '%s\\n' ${lines.map((l) => `'${l}'`).join(' ')} >> .gitignore`,
    actions: [{ kind: 'append-gitignore', lines }],
  };
}
