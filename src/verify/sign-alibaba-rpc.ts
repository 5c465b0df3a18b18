import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud RPC signature, version 1.0 (HMAC-SHA1), as the RPC signature documentation
 * describes it: parameters sorted by name, percent-encoded (only A-Z a-z 0-9 - _ . ~ stay),
 * joined, encoded once more into `METHOD&%2F&…`, signed with `AccessKeySecret + "&"`.
 */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
}

export function rpcStringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function rpcSignature(method: string, params: Readonly<Record<string, string>>, secret: string): string {
  return createHmac('sha1', secret + '&')
    .update(rpcStringToSign(method, params), 'utf8')
    .digest('base64');
}
