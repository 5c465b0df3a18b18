/**
 * Runs the labelled corpus at a small size and holds the catalogue to the targets of issue 3:
 * precision >= 0.99, recall >= 0.98, every Alibaba rule at recall 1.0, every rule exercised.
 * `npm run eval` runs the same scorer at full size and prints the table.
 */
import { expandFile, evaluate, formatReport, meetsTargets, scanExpanded, scores } from './evaluate';
import { KeyGen } from '../helpers/keygen';

describe('the labelled corpus', () => {
  const report = evaluate({ rounds: 3, seed: 7 });

  test('meets the precision and recall targets', () => {
    const failed = meetsTargets(report);
    if (failed.length > 0) throw new Error(failed.join('\n') + '\n\n' + formatReport(report));
    const o = scores(report.overall);
    expect(o.precision).toBeGreaterThanOrEqual(0.99);
    expect(o.recall).toBeGreaterThanOrEqual(0.98);
  });

  test('is big enough to mean something', () => {
    expect(report.overall.tp).toBeGreaterThan(300);
    expect(report.files).toBeGreaterThan(100);
  });
});

describe('the scorer', () => {
  test('labels are located on the expanded line, and unlabelled keys count as false positives', () => {
    const x = expandFile(
      'probe.txt',
      'id = "«alibaba-access-key-id:{{ak_id}}»"\nstray = "{{ak_id}}"\nmissed = «password-assignment:nothing»',
      new KeyGen(3),
    );
    expect(x.labels).toEqual([
      { rules: ['alibaba-access-key-id'], line: 1, start: 7, end: 31 },
      { rules: ['password-assignment'], line: 3, start: 10, end: 17 },
    ]);
    expect(x.lines[0].slice(6, 30)).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
    const found = scanExpanded(x);
    expect(found.map((f) => [f.line, f.ruleId])).toEqual([
      [1, 'alibaba-access-key-id'],
      [2, 'alibaba-access-key-id'],
    ]);
  });
});
