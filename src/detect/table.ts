/**
 * Markdown tables: a header row names the columns, a separator row (`| --- | :-: |`) follows,
 * then the data rows. A detector with `tableColumn` reads the cells of the column whose header
 * it names (a `密码` or `Password` column of a server list) as its secrets, one per row.
 */

export interface Cell {
  text: string;
  /** 0-based offset of `text` in its row. */
  at: number;
}

/** The separator row under a Markdown table's header. */
const SEPARATOR = /^\s{0,8}\|?\s{0,4}:?-{3,}:?\s{0,4}(?:\|\s{0,4}:?-{3,}:?\s{0,4}){0,30}\|?\s{0,4}$/;

export function isSeparatorRow(line: string): boolean {
  return SEPARATOR.test(line);
}

/** The cells of a row that starts with `|` (escaped `\|` stays in its cell), trimmed; [] for another line. */
export function tableCells(row: string): Cell[] {
  const start = row.indexOf('|');
  if (start < 0 || row.slice(0, start).trim() !== '') return [];
  const cells: Cell[] = [];
  let from = start + 1;
  for (let i = from; i <= row.length; i++) {
    if (i < row.length && (row[i] !== '|' || row[i - 1] === '\\')) continue;
    const raw = row.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    // The text after the last pipe is a cell only when it is not empty (`| a | b` ends a row too).
    if (i < row.length || text !== '') cells.push({ text, at: from + lead });
    from = i + 1;
  }
  return cells;
}

/**
 * The secret in a data cell: the cell's text without a code span's backticks, or null when the
 * cell holds more than one word (prose, a note) or nothing.
 */
export function cellValue(cell: Cell): Cell | null {
  let { text, at } = cell;
  const code = /^`([^`]+)`$/.exec(text);
  if (code) [text, at] = [code[1], at + 1];
  return text === '' || /\s/.test(text) ? null : { text, at };
}
