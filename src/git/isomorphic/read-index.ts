import { createHash } from '../../text/crypto';
import { AkHookError } from '../../errors';

/** One stage-0 entry of the index. */
export interface IndexEntry {
  path: string;
  /** Octal mode as git prints it: 100644, 100755, 120000, 160000. */
  mode: string;
  oid: string;
}

export interface GitIndex {
  entries: Map<string, IndexEntry>;
  /** Valid cache-tree (TREE extension) nodes: directory path ('' for the root) -> tree oid. */
  cacheTree: Map<string, string>;
}

function unsupported(what: string, file: string): AkHookError {
  return new AkHookError('E_GIT_UNSUPPORTED', `the isomorphic-git backend cannot read this index (${what}): use the native git backend`, {
    file,
  });
}

function corrupt(why: string, file: string): AkHookError {
  return new AkHookError('E_GIT_FAILED', `corrupt index ${file}: ${why}`, { file });
}

/**
 * A strict reader of git's index (versions 2 and 3). Anything it cannot represent exactly
 * (version 4 path compression, split index, sparse directories, unmerged entries) is an
 * error naming the feature, never a guess; a bad checksum or truncation is a corrupt index.
 */
export function parseIndex(data: Buffer, file: string): GitIndex {
  if (data.length < 32 || data.toString('latin1', 0, 4) !== 'DIRC') throw corrupt('bad signature', file);
  const sum = createHash('sha1')
    .update(data.subarray(0, data.length - 20))
    .digest();
  if (!sum.equals(data.subarray(data.length - 20))) throw corrupt('checksum mismatch', file);
  const version = data.readUInt32BE(4);
  if (version === 4) throw unsupported('index version 4, e.g. feature.manyFiles', file);
  if (version !== 2 && version !== 3) throw corrupt(`unknown version ${version}`, file);
  const count = data.readUInt32BE(8);
  const end = data.length - 20;
  const entries = new Map<string, IndexEntry>();
  let pos = 12;
  for (let n = 0; n < count; n++) {
    if (pos + 62 > end) throw corrupt('truncated entry', file);
    const mode = data.readUInt32BE(pos + 24);
    const oid = data.toString('hex', pos + 40, pos + 60);
    const flags = data.readUInt16BE(pos + 60);
    let p = pos + 62;
    let extended = 0;
    if (flags & 0x4000) {
      if (version < 3) throw corrupt('extended flag in a version 2 index', file);
      extended = data.readUInt16BE(p);
      p += 2;
    }
    const nul = data.indexOf(0, p);
    if (nul < 0 || nul >= end) throw corrupt('unterminated path', file);
    const path = data.toString('utf8', p, nul);
    const stage = (flags >> 12) & 3;
    if (stage !== 0)
      throw new AkHookError('E_GIT_UNSUPPORTED', `unmerged path in the index: ${path} (resolve the conflict first)`, { file });
    if ((mode & 0o170000) === 0o040000) throw unsupported('sparse index directory entries', file);
    // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes from the entry start.
    const entryLen = nul - pos + 1;
    pos += (entryLen + 7) & ~7;
    // Intent-to-add entries (git add -N) are not part of the commit.
    if (extended & 0x2000) continue;
    entries.set(path, { path, mode: modeString(mode), oid });
  }
  const cacheTree = new Map<string, string>();
  while (pos + 8 <= end) {
    const sig = data.toString('latin1', pos, pos + 4);
    const size = data.readUInt32BE(pos + 4);
    const body = data.subarray(pos + 8, pos + 8 + size);
    if (pos + 8 + size > end) throw corrupt(`truncated extension ${JSON.stringify(sig)}`, file);
    if (sig === 'link') throw unsupported('split index', file);
    if (sig === 'sdir') throw unsupported('sparse index', file);
    if (sig === 'TREE') readCacheTree(body, cacheTree, file);
    else if (sig.charCodeAt(0) < 0x41 || sig.charCodeAt(0) > 0x5a) {
      // Lower-case first letter: an extension git requires readers to understand.
      throw unsupported(`required extension ${JSON.stringify(sig)}`, file);
    }
    pos += 8 + size;
  }
  if (pos !== end) throw corrupt('trailing bytes', file);
  return { entries, cacheTree };
}

function modeString(mode: number): string {
  const type = mode & 0o170000;
  if (type === 0o120000) return '120000';
  if (type === 0o160000) return '160000';
  return mode & 0o100 ? '100755' : '100644';
}

/** TREE: pre-order nodes `name NUL entry_count SP subtree_count LF [oid]`; entry_count -1 = invalid. */
function readCacheTree(body: Buffer, out: Map<string, string>, file: string): void {
  let pos = 0;
  const node = (prefix: string | null): void => {
    const nul = body.indexOf(0, pos);
    const lf = body.indexOf(0x0a, nul);
    if (nul < 0 || lf < 0) throw corrupt('bad cache-tree extension', file);
    const name = body.toString('utf8', pos, nul);
    const [entryCount, subtrees] = body
      .toString('latin1', nul + 1, lf)
      .split(' ')
      .map(Number);
    if (!Number.isInteger(entryCount) || !Number.isInteger(subtrees)) throw corrupt('bad cache-tree extension', file);
    pos = lf + 1;
    const path = prefix === null ? '' : prefix === '' ? name : `${prefix}/${name}`;
    if (entryCount >= 0) {
      out.set(path, body.toString('hex', pos, pos + 20));
      pos += 20;
    }
    for (let i = 0; i < subtrees; i++) node(path);
  };
  if (body.length > 0) node(null);
}
