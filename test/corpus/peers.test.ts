import { evaluatePeers, staleNotes, unexplained } from './peers/evaluate';

/**
 * The peers' suites (peers/cases.ts): every disagreement with gitleaks or secretlint is a
 * deliberate, named choice; a gap that was closed stays closed.
 */
describe("peers' suites as outside truth", () => {
  const results = evaluatePeers();
  test('every disagreement is deliberate and says why', () => {
    expect(unexplained(results).map((r) => `${r.c.source}: ${r.c.text}`)).toEqual([]);
  });
  test('no "deliberate" note stands on a case that now agrees', () => {
    expect(staleNotes(results).map((r) => `${r.c.source}: ${r.c.text}`)).toEqual([]);
  });
});
