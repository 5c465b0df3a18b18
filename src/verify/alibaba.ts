import { randomUUID } from 'node:crypto';
import { under } from './endpoint';
import { isAnswer, parseJson, send, str } from './http';
import { canonicalQuery, rpcSignature } from './sign-alibaba-rpc';
import type { Credential, Outcome } from './types';

/** Codes with which STS says the key (or the STS token) does not exist, is disabled or has expired. */
const INVALID = /^(InvalidAccessKeyId\.|InvalidSecurityToken\.|InvalidAccessKeyId$)/;

/**
 * Alibaba Cloud STS GetCallerIdentity (RPC, signature v1, POST form): needs no permission and
 * changes nothing. `IdentityType` Account is the root account.
 */
export async function verifyAlibaba(c: Credential, base: URL, timeoutMs: number): Promise<Outcome> {
  const params: Record<string, string> = {
    AccessKeyId: c.id ?? '',
    Action: 'GetCallerIdentity',
    Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2015-04-01',
  };
  if (c.token) params.SecurityToken = c.token;
  params.Signature = rpcSignature('POST', params, c.secret);
  const r = await send(
    under(base, '/'),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: canonicalQuery(params),
    },
    timeoutMs,
  );
  if (!isAnswer(r)) return r;
  const j = parseJson(r.body);
  if (!j) return { status: 'unknown', root: false, reason: `http-${r.status}` };
  if (r.status === 200 && typeof j.IdentityType === 'string') {
    const type = j.IdentityType;
    return { status: 'live', root: type === 'Account', identity: { type, accountId: str(j.AccountId), arn: str(j.Arn) } };
  }
  const code = str(j.Code);
  if (INVALID.test(code)) return { status: 'invalid', root: false, reason: code };
  return { status: 'unknown', root: false, reason: code || `http-${r.status}` };
}
