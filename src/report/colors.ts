/** Colour only on a TTY; NO_COLOR turns it off, FORCE_COLOR on. */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
}

export function useColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

export function paint(on: boolean): Paint {
  const w = (a: number, b: number) => (s: string) => (on ? `\x1b[${a}m${s}\x1b[${b}m` : s);
  return { red: w(31, 39), yellow: w(33, 39), bold: w(1, 22), dim: w(2, 22), green: w(32, 39) };
}
