import { glob } from './glob';
import type { Config } from '../config/types';

/**
 * Which repository-relative paths the config wants checked: `paths` (default: all) minus
 * `exclude`. Dot files are included; negation is expressed only by `exclude` (picomatch ORs
 * a list, so a `!glob` in a list would match almost everything).
 */
export function fileFilter(config: Config): ((path: string) => boolean) | null {
  const { paths, exclude } = config;
  if ((!paths || paths.length === 0) && (!exclude || exclude.length === 0)) return null;
  const ignore = exclude && exclude.length > 0 ? exclude : undefined;
  return glob(paths && paths.length > 0 ? paths : '**', { dot: true, ignore });
}
