import { isVaried } from '../keys/key-text';
import type { Rule } from '../types';

/**
 * A Jenkins secret as `hudson.util.Secret` stores it (credentials.xml, a job's config.xml, a
 * Configuration-as-Code export): `{` + base64 + `}` of version 1, the IV's length (16), the IV,
 * the ciphertext's length and the AES-CBC ciphertext, whose length must fill the bytes exactly,
 * in whole blocks, and look random. Anyone who has the Jenkins home's `secrets/master.key` and
 * `secrets/hudson.util.Secret` (often in the same backup) decrypts it.
 */
function isJenkinsSecret(b64: string): boolean {
  const b = Buffer.from(b64, 'base64');
  if (b.length < 41 || b[0] !== 1 || b.readUInt32BE(1) !== 16) return false;
  const len = b.readUInt32BE(5);
  return len >= 16 && len % 16 === 0 && b.length === 25 + len && isVaried(b.subarray(9, 25), 16) && isVaried(b.subarray(25), 16);
}

export const jenkinsSecret: Rule = {
  id: 'jenkins-secret',
  name: 'Jenkins encrypted secret',
  provider: 'Jenkins',
  severity: 'high',
  kind: 'key',
  advice: 'password',
  description:
    '{AQAAABAAAA…} in credentials.xml or a job config: a credential Jenkins encrypted with its master key, which its home holds next to it; decoded (version, IV and ciphertext lengths)',
  detectors: [
    {
      keywords: ['{aqaaabaaaa'],
      pattern: /\{(?<secret>AQAAABAAAA[A-Za-z0-9+/]{32,8000}={0,2})\}/g,
      validate: isJenkinsSecret,
    },
  ],
  shape: { byStructure: true },
  examples: {
    positive: [
      '      <password>{{{jenkins_secret}}}</password>',
      '<privateKey>{{{jenkins_secret}}}</privateKey>',
      '          password: "{{{jenkins_secret}}}"',
    ],
    negative: [
      '<password>{AQAAABAAAAAQ{{rep:A:60}}}</password>',
      '<password>${JENKINS_PASSWORD}</password>',
      '<secret>{{{b64:64}}}</secret>',
    ],
  },
};
