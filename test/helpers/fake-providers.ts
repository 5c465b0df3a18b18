/**
 * Local stand-ins for the four providers' "who am I" endpoints, on 127.0.0.1. Each checks the
 * request's signature the way the provider documents it (written here independently of
 * src/verify) and answers with the provider's documented response shapes. A credential's
 * `kind` picks the answer: a user, the root account, an assumed role, or no answer at all.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeRepo } from './repo';

export type Kind = 'user' | 'root' | 'role' | 'timeout';
export interface FakeKey {
  id?: string;
  secret: string;
  token?: string;
  kind: Kind;
}
export interface Seen {
  provider: string;
  signatureOk: boolean;
  headers: IncomingMessage['headers'];
  body: string;
}

const ACCOUNT = '1234567890123456';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac256 = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s).digest();
// RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes (Alibaba's rule).
const pct = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'),
    )
    .join('');

export class FakeProviders {
  readonly keys: FakeKey[] = [];
  readonly seen: Seen[] = [];
  private server: Server;
  private held: ServerResponse[] = [];
  port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.route(req, res, Buffer.concat(chunks).toString('utf8')));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const r of this.held.splice(0)) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The endpoint overrides that send every provider here. */
  env(): NodeJS.ProcessEnv {
    const b = `http://127.0.0.1:${this.port}`;
    return {
      AK_HOOK_ALIBABA_STS_ENDPOINT: `${b}/alibaba`,
      AK_HOOK_TENCENT_STS_ENDPOINT: `${b}/tencent`,
      AK_HOOK_AWS_STS_ENDPOINT: `${b}/aws`,
      AK_HOOK_GITHUB_API_ENDPOINT: `${b}/github`,
    };
  }

  add(k: FakeKey): void {
    this.keys.push(k);
  }

  private route(req: IncomingMessage, res: ServerResponse, body: string): void {
    const provider = (req.url ?? '').split('/')[1];
    const answer = (status: number, type: string, text: string, signatureOk: boolean) => {
      this.seen.push({ provider, signatureOk, headers: req.headers, body });
      res.writeHead(status, { 'content-type': type });
      res.end(text);
    };
    const hold = (signatureOk: boolean) => {
      this.seen.push({ provider, signatureOk, headers: req.headers, body });
      this.held.push(res);
    };
    if (provider === 'alibaba') return this.alibaba(req, body, answer, hold);
    if (provider === 'tencent') return this.tencent(req, body, answer, hold);
    if (provider === 'aws') return this.aws(req, body, answer, hold);
    if (provider === 'github') return this.github(req, answer, hold);
    answer(404, 'text/plain', 'no such provider', false);
  }

  /** Alibaba RPC: Signature = Base64(HMAC-SHA1(secret + "&", METHOD&%2F&pct(sorted pct(k)=pct(v) joined by &))). */
  private alibaba(req: IncomingMessage, body: string, answer: Answer, hold: Hold): void {
    const params = Object.fromEntries(new URLSearchParams(body));
    const json = (status: number, o: object, ok: boolean) => answer(status, 'application/json', JSON.stringify(o), ok);
    const err = (status: number, Code: string, ok: boolean) =>
      json(status, { RequestId: 'R1', HostId: 'sts.aliyuncs.com', Code, Message: Code }, ok);
    const key = this.keys.find((k) => k.id === params.AccessKeyId);
    if (
      params.Action !== 'GetCallerIdentity' ||
      params.Version !== '2015-04-01' ||
      params.SignatureMethod !== 'HMAC-SHA1' ||
      !params.SignatureNonce
    )
      return err(400, 'MissingParameter', false);
    if (!key) return err(404, 'InvalidAccessKeyId.NotFound', false);
    const { Signature, ...rest } = params;
    const canon = Object.keys(rest)
      .sort()
      .map((k) => `${pct(k)}=${pct(rest[k])}`)
      .join('&');
    const expect = createHmac('sha1', key.secret + '&')
      .update(`${req.method}&${pct('/')}&${pct(canon)}`)
      .digest('base64');
    if (expect !== Signature) return err(400, 'SignatureDoesNotMatch', false);
    if (key.token !== undefined && params.SecurityToken !== key.token) return err(400, 'InvalidSecurityToken.MismatchWithAccessKey', true);
    if (key.kind === 'timeout') return hold(true);
    const shapes = {
      user: { IdentityType: 'RAMUser', Arn: `acs:ram::${ACCOUNT}:user/alice`, UserId: '2000000000000001', PrincipalId: '2000000000000001' },
      root: { IdentityType: 'Account', Arn: `acs:ram::${ACCOUNT}:root`, UserId: ACCOUNT, PrincipalId: ACCOUNT },
      role: {
        IdentityType: 'AssumedRoleUser',
        Arn: `acs:ram::${ACCOUNT}:assumed-role/ci-role/session`,
        RoleId: '3000000000000001',
        PrincipalId: '3000000000000001:session',
      },
    };
    json(200, { RequestId: 'R1', AccountId: ACCOUNT, ...shapes[key.kind] }, true);
  }

  /** Tencent TC3-HMAC-SHA256 over POST / with the signed headers the Authorization names. */
  private tencent(req: IncomingMessage, body: string, answer: Answer, hold: Hold): void {
    const json = (o: object, ok: boolean) => answer(200, 'application/json', JSON.stringify({ Response: { ...o, RequestId: 'R1' } }), ok);
    const err = (Code: string, ok: boolean) => json({ Error: { Code, Message: Code } }, ok);
    const m =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization),
      );
    if (!m || req.headers['x-tc-action'] !== 'GetCallerIdentity' || req.headers['x-tc-version'] !== '2018-08-13')
      return err('AuthFailure.SignatureFailure', false);
    const [, id, date, service, signed, signature] = m;
    const key = this.keys.find((k) => k.id === id);
    if (!key) return err('AuthFailure.SecretIdNotFound', false);
    const ts = String(req.headers['x-tc-timestamp']);
    const headers = signed
      .split(';')
      .map((h) => `${h}:${String(req.headers[h]).trim().toLowerCase()}\n`)
      .join('');
    const creq = ['POST', '/', '', headers, signed, sha256(body)].join('\n');
    const sts = ['TC3-HMAC-SHA256', ts, `${date}/${service}/tc3_request`, sha256(creq)].join('\n');
    const k = hmac256(hmac256(hmac256('TC3' + key.secret, date), service), 'tc3_request');
    const ok = signed === 'content-type;host' && service === 'sts' && createHmac('sha256', k).update(sts).digest('hex') === signature;
    if (!ok) return err('AuthFailure.SignatureFailure', false);
    if (key.kind === 'timeout') return hold(true);
    const uin = key.kind === 'root' ? '100000000001' : '100000000011';
    const type = { user: 'CAMUser', root: 'RootAccount', role: 'CAMRole' }[key.kind];
    json({ Arn: `qcs::cam::uin/100000000001:uin/${uin}`, AccountId: '100000000001', UserId: uin, PrincipalId: uin, Type: type }, true);
  }

  /** AWS SigV4: canonical request from the signed headers as received, region us-east-1, service sts. */
  private aws(req: IncomingMessage, body: string, answer: Answer, hold: Hold): void {
    const xmlErr = (status: number, code: string, ok: boolean) =>
      answer(
        status,
        'text/xml',
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${code}</Message></Error><RequestId>R1</RequestId></ErrorResponse>`,
        ok,
      );
    const m =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization),
      );
    if (!m || body !== 'Action=GetCallerIdentity&Version=2011-06-15') return xmlErr(400, 'IncompleteSignature', false);
    const [, id, date, region, service, signed, signature] = m;
    const key = this.keys.find((k) => k.id === id);
    if (!key) return xmlErr(403, 'InvalidClientTokenId', false);
    const amzDate = String(req.headers['x-amz-date']);
    const headers = signed
      .split(';')
      .map((h) => `${h}:${String(req.headers[h]).trim()}\n`)
      .join('');
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    const creq = [req.method, path, '', headers, signed, sha256(body)].join('\n');
    const sts = ['AWS4-HMAC-SHA256', amzDate, `${date}/${region}/${service}/aws4_request`, sha256(creq)].join('\n');
    const k = hmac256(hmac256(hmac256(hmac256('AWS4' + key.secret, date), region), service), 'aws4_request');
    const ok = signed.split(';').includes('host') && service === 'sts' && createHmac('sha256', k).update(sts).digest('hex') === signature;
    if (!ok) return xmlErr(403, 'SignatureDoesNotMatch', false);
    if (key.token !== undefined && req.headers['x-amz-security-token'] !== key.token) return xmlErr(403, 'InvalidClientTokenId', true);
    if (key.kind === 'timeout') return hold(true);
    const arn = {
      user: 'arn:aws:iam::123456789012:user/alice',
      root: 'arn:aws:iam::123456789012:root',
      role: 'arn:aws:sts::123456789012:assumed-role/ci/session',
    }[key.kind];
    answer(
      200,
      'text/xml',
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDAEXAMPLEUSERID</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>R1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
      true,
    );
  }

  /** GitHub GET /user with a Bearer token: 200 with the user, 401 "Bad credentials". */
  private github(req: IncomingMessage, answer: Answer, hold: Hold): void {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization))?.[1];
    const key = this.keys.find((k) => k.id === undefined && k.secret === token);
    if (req.method !== 'GET' || !req.url?.endsWith('/user') || !key)
      return answer(
        401,
        'application/json',
        JSON.stringify({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }),
        false,
      );
    if (key.kind === 'timeout') return hold(true);
    answer(
      200,
      'application/json',
      JSON.stringify({ login: key.kind === 'role' ? 'ci-bot[bot]' : 'octocat', id: 583231, type: key.kind === 'role' ? 'Bot' : 'User' }),
      true,
    );
  }
}

type Answer = (status: number, type: string, text: string, signatureOk: boolean) => void;
type Hold = (signatureOk: boolean) => void;

/**
 * A repository whose last commit (made with --no-verify) adds a live Alibaba AccessKey pair,
 * known to `fake` as a RAM user's: the source every range/scan/history verify test starts from.
 */
export function commitLivePair(
  fake: FakeProviders,
  gen: { akId(): string; akSecret(): string },
  file: string,
): { repo: import('./repo').Repo; id: string; secret: string } {
  const repo = makeRepo();
  repo.write('a.txt', 'hello\n');
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '-m', 'base']);
  const id = gen.akId();
  const secret = gen.akSecret();
  fake.add({ id, secret, kind: 'user' });
  repo.write(file, `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`);
  repo.git(['add', '.']);
  repo.git(['commit', '-q', '-m', 'oops', '--no-verify']);
  return { repo, id, secret };
}
