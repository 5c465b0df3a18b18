/**
 * "A key in any added text, whatever its bytes, blocks": a line holding an AccessKeyId, put
 * between random bytes (NULs, UTF-16-looking pairs, high bytes, nothing), is always found when
 * the file is read as git calls it binary; and a key written in UTF-16 or UTF-32, with or
 * without a BOM, among random text is found too.
 */
import fc from 'fast-check';
import type { Allowlist } from '../../src/allowlist/apply';
import { compileRules } from '../../src/detect/engine';
import { RULES } from '../../src/detect/rules';
import type { BlobSource } from '../../src/git/backend';
import type { StagedFile } from '../../src/git/types';
import { scanFiles } from '../../src/scan/scan-files';
import { KeyGen } from '../helpers/keygen';

const compiled = compileRules(RULES);
const gen = new KeyGen(0x5eed9);
const NONE: Allowlist = { match: () => null, expiredHits: () => [], unused: () => [] };

async function found(data: Buffer): Promise<string[]> {
  const file: StagedFile = { path: 'f.bin', status: 'modified', kind: 'file', newOid: 'new', binary: true, added: [] };
  file.added = [{ line: 1, bytes: Buffer.from([0]) }];
  const source: BlobSource = { read: async (spec) => (spec === 'new' ? { oid: spec, data } : null), close() {} };
  const r = await scanFiles([file], { compiled, allowlist: NONE, blobs: () => source });
  return r.findings.map((f) => f.ruleId);
}

const noise = fc.uint8Array({ maxLength: 120 }).map((a) => Buffer.from(a));
const wideNoise = fc.array(fc.constantFrom(0, 0x41, 0x0a, 0xff, 0x20, 0xd8), { maxLength: 120 }).map((a) => Buffer.from(a));

function encode(text: string, how: number): Buffer {
  const bom = how % 2 === 1;
  const s = (bom ? '\ufeff' : '') + text;
  if (how < 4) {
    const b = Buffer.from(s, 'utf16le');
    if (how >= 2) b.swap16();
    return b;
  }
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (how < 6 ? b.writeUInt32LE(cp, 4 * i) : b.writeUInt32BE(cp, 4 * i)));
  return b;
}

describe('every added byte: a key is never lost to the bytes around it', () => {
  test('an ASCII key line between random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(noise, wideNoise), fc.oneof(noise, wideNoise), async (before, after) => {
        const line = Buffer.from(`\nALIBABA_CLOUD_ACCESS_KEY_ID=${gen.akId()}\n`);
        expect(await found(Buffer.concat([before, line, after]))).toContain('alibaba-access-key-id');
      }),
      { numRuns: 300 },
    );
  });

  test('a key in UTF-16 or UTF-32 (LE/BE, with or without a BOM) among random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 7 }), async (a, b, how) => {
        const text = `${a.replace(/\n/g, ' ')}\nALIBABA_CLOUD_ACCESS_KEY_ID=${gen.akId()}\n${b}`;
        expect(await found(encode(text, how))).toContain('alibaba-access-key-id');
      }),
      { numRuns: 300 },
    );
  });
});
