import { under } from './endpoint';
import { isAnswer, parseJson, send, str } from './http';
import type { Credential, Outcome } from './types';

/** GitHub GET /user: who the token belongs to; reads nothing else and changes nothing. 401 means a bad token. */
export async function verifyGithub(c: Credential, base: URL, timeoutMs: number): Promise<Outcome> {
  const r = await send(
    under(base, '/user'),
    {
      method: 'GET',
      headers: {
        authorization: `Bearer ${c.secret}`,
        accept: 'application/vnd.github+json',
        'user-agent': 'ak-hook',
        'x-github-api-version': '2022-11-28',
      },
    },
    timeoutMs,
  );
  if (!isAnswer(r)) return r;
  if (r.status === 401) return { status: 'invalid', root: false, reason: 'http-401' };
  const j = r.status === 200 ? parseJson(r.body) : null;
  if (!j || typeof j.login !== 'string') return { status: 'unknown', root: false, reason: `http-${r.status}` };
  return { status: 'live', root: false, identity: { type: str(j.type) || 'User', accountId: str(j.id), arn: j.login } };
}
