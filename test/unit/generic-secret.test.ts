import { compileRules, scanLines } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import { KeyGen } from '../helpers/keygen';

/** Scans a whole file (its lines are the added lines and the file context) with the catalogue. */
function scan(text: string) {
  const lines = text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
  return scanLines(lines, compileRules(RULES), { matches: (re) => lines.some((l) => re.test(l.text)) }).map((f) => f.ruleId);
}

describe('a 30-character value under a generic secret name', () => {
  const gen = new KeyGen(30);
  test('is a generic secret in a file that does not name Alibaba Cloud', () => {
    expect(scan(gen.expand('CLIENT_ID = "portal"\nCLIENT_SECRET = "{{ak_secret}}"'))).toEqual(['generic-secret']);
  });
  test('is an Alibaba AccessKeySecret when the file names Alibaba Cloud', () => {
    expect(scan(gen.expand('import oss2\nendpoint = "oss-cn-hangzhou.aliyuncs.com"\nsecret = "{{ak_secret}}"'))).toEqual([
      'alibaba-access-key-secret',
    ]);
    expect(scan(gen.expand('# 阿里云短信\nsecret: {{ak_secret}}'))).toEqual(['alibaba-access-key-secret']);
  });
  test('is an Alibaba AccessKeySecret when an AccessKeyId stands beside it', () => {
    expect(scan(gen.expand('ak = "{{ak_id}}"; sk = "{{ak_secret}}"'))).toEqual(['alibaba-access-key-id', 'alibaba-access-key-secret']);
  });
  test('is an Alibaba AccessKeySecret under a name that says Alibaba, in any file', () => {
    for (const name of ['accessKeySecret', 'ALIYUN_SK', 'ALICLOUD_SECRET_KEY', 'oss.secret', 'ak_sk'])
      expect({ name, found: scan(`${name}=${gen.akSecret()}`) }).toEqual({ name, found: ['alibaba-access-key-secret'] });
  });
});
