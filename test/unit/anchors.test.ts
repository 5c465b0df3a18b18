import { anchorScanner, literalAnchors } from '../../src/detect/anchors';
import { KeyGen } from '../helpers/keygen';

describe('literal anchors of a regex', () => {
  test('read from the start of each branch, after zero-width assertions', () => {
    expect(literalAnchors(/(?<![A-Za-z])(?:ali|oss-cn-)|LTAI[A-Za-z0-9]{12}|阿里/i)).toEqual(['ali', 'oss-cn-', 'ltai', '阿里']);
    expect(literalAnchors(/aws|(?<![A-Za-z])s3|(?:AKIA|ASIA)[A-Z2-7]{16}/i)).toEqual(['aws', 's3', 'akia', 'asia']);
    expect(literalAnchors(/volces\.com|huawei[_-]?cloud/)).toEqual(['volces.com', 'huawei']);
    expect(literalAnchors(/^machine\s/)).toEqual(['machine']);
  });
  test('none when a branch starts with a class, a repeat or an escape class, or with the u flag', () => {
    expect(literalAnchors(/abc|[a-z]x/)).toBeNull();
    expect(literalAnchors(/a?bc/)).toBeNull();
    expect(literalAnchors(/\sabc/)).toBeNull();
    expect(literalAnchors(/abc/u)).toBeNull();
    expect(literalAnchors(/ſx|abc/i)).toBeNull(); // a non-ASCII letter with a case
  });
});

test('anchorScanner.findText: the first anchor from each start, searches of one text resumed or restarted', () => {
  const sc = anchorScanner([/aws|阿里|钉钉/i, /(?<![A-Za-z])s3/])!;
  const words = ['aws', 'AWS', '阿里', '钉钉', 's3', 'S3', 'x', ' ', 'a', 'w', '阿', '里'];
  const gen = new KeyGen(11);
  const brute = (text: string, from: number): number => {
    let best = -1;
    for (const w of ['aws', '阿里', '钉钉', 's3']) {
      const i = text.toLowerCase().indexOf(w, from);
      if (i >= 0 && (best < 0 || i + w.length - 1 < best)) best = i + w.length - 1;
    }
    return best;
  };
  for (let n = 0; n < 300; n++) {
    const text = Array.from({ length: gen.int(30) }, () => words[gen.int(words.length)]).join('');
    for (let k = 0; k < 8; k++) {
      const from = gen.int(text.length + 1);
      expect([text, from, sc.findText(text, from)]).toEqual([text, from, brute(text, from)]);
    }
  }
});

test('a named group is read like any group', () => {
  expect(literalAnchors(/(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})/)).toEqual(['akia', 'asia']);
});
