import { blobSizes } from './blob-sizes';
import type { StagedFile } from './types';
import { addedCount } from './added-lines';

/** Splits off the files whose staged blob is larger than `max` bytes (one git call for all). */
export async function dropLargeFiles(
  files: readonly StagedFile[],
  max: number,
  opts: { root: string; env: NodeJS.ProcessEnv },
): Promise<{ kept: StagedFile[]; tooLarge: string[] }> {
  const scannable = files.filter((f) => f.newOid && f.kind === 'file' && addedCount(f) > 0);
  const sizes = await blobSizes([...new Set(scannable.map((f) => f.newOid!))], opts);
  const tooLarge: string[] = [];
  const kept = files.filter((f) => {
    const big = f.newOid !== undefined && (sizes.get(f.newOid) ?? 0) > max && addedCount(f) > 0;
    if (big) tooLarge.push(f.path);
    return !big;
  });
  return { kept, tooLarge };
}
