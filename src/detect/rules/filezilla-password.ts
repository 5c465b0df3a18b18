import type { Rule } from '../types';

/** True when base64 `b64` decodes to a printable password (FileZilla keeps it so, not encrypted). */
function isEncodedPassword(b64: string): boolean {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  return text.length >= 4 && Buffer.from(text, 'utf8').toString('base64') === b64 && !/[\u0000-\u001f\u007f\ufffd]/.test(text);
}

export const filezillaPassword: Rule = {
  id: 'filezilla-password',
  name: 'FileZilla saved password',
  provider: 'Generic',
  severity: 'high',
  kind: 'password',
  advice: 'password',
  description:
    'A server password FileZilla saved in sitemanager.xml / recentservers.xml (`<Pass encoding="base64">`: base64 of the plain password, readable by anyone)',
  detectors: [
    {
      keywords: ['<pass encoding="base64">'],
      pattern: /<Pass encoding="base64">(?<secret>[A-Za-z0-9+/]{4,400}={0,2})<\/Pass>/g,
      validate: isEncodedPassword,
    },
  ],
  shape: { minEntropy: 1.5, freeText: true },
  examples: {
    positive: ['\t\t\t<Pass encoding="base64">{{enc:password}}</Pass>'],
    negative: [
      '<Pass encoding="crypt" pubkey="{{b64:64}}">{{b64:40}}</Pass>',
      '<Pass encoding="base64"></Pass>',
      '<Pass encoding="base64">////</Pass>',
    ],
  },
};
