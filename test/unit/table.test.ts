import { cellValue, isSeparatorRow, tableCells } from '../../src/detect/table';

test('cells of a Markdown row: trimmed, with their offsets; an escaped pipe stays in its cell; no trailing pipe needed', () => {
  const row = '| 10.0.0.5 |  root | a\\|b |';
  expect(tableCells(row)).toEqual([
    { text: '10.0.0.5', at: 2 },
    { text: 'root', at: 14 },
    { text: 'a\\|b', at: 21 },
  ]);
  for (const c of tableCells(row)) expect(row.slice(c.at, c.at + c.text.length)).toBe(c.text);
  expect(tableCells('  | a | b').map((c) => c.text)).toEqual(['a', 'b']);
  expect(tableCells('| a |  | c |').map((c) => c.text)).toEqual(['a', '', 'c']);
  expect(tableCells('text | with a pipe')).toEqual([]);
});

test('separator rows, and cell values (a code span, one word only)', () => {
  for (const s of ['| --- | --- |', '|:---|:---:|---:|', '--- | ---', '  |----|']) expect(isSeparatorRow(s)).toBe(true);
  for (const s of ['| a | b |', '| -- | -- |', '']) expect(isSeparatorRow(s)).toBe(false);
  expect(cellValue({ text: '`x1`', at: 4 })).toEqual({ text: 'x1', at: 5 });
  expect(cellValue({ text: 'set on first login', at: 0 })).toBeNull();
  expect(cellValue({ text: '', at: 0 })).toBeNull();
});
