import type picomatchType from 'picomatch';

type Picomatch = typeof picomatchType;
let loaded: Picomatch | null = null;

/** picomatch, loaded when a config or allow entry names a path glob (not on every run). */
export function glob(...args: Parameters<Picomatch>): ReturnType<Picomatch> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('picomatch') as Picomatch;
  return loaded(...args);
}
