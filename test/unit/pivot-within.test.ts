import { within } from '../../src/detect/pivot';

/**
 * Brute force, over every character: `a` matches no character from 128 up (the question is
 * asked only of such classes; any other gets a cautious false), and every character `a`
 * matches, `b` matches too.
 */
function bruteWithin(a: string, b: string, flags: string): boolean {
  const ra = new RegExp(`^${a}$`, flags);
  const rb = new RegExp(`^${b}$`, flags);
  for (let c = 0; c < 65536; c++) {
    const ch = String.fromCharCode(c);
    if (ra.test(ch) && (c >= 128 || !rb.test(ch))) return false;
  }
  return true;
}

const classes = [
  '[A-Za-z0-9]',
  '[A-Za-z0-9+/=_-]',
  '[A-Za-z0-9/+]',
  '[\\w.-]',
  '[A-Z2-7]',
  '[a-z]',
  '[0-9a-f]',
  '[\\d]',
  '[^"\'`\\s]',
  '[\\s]',
  '[\\W]',
  '[a-zé]',
  '[!-~]',
  '[\\]\\[]',
];

describe('pivot: class containment (the ASCII short cut agrees with a check of every character)', () => {
  for (const flags of ['', 'i'])
    test(`flags "${flags}"`, () => {
      for (const a of classes) for (const b of classes) expect([a, b, within(a, b, flags)]).toEqual([a, b, bruteWithin(a, b, flags)]);
    });
});
