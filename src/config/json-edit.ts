/**
 * Inserts text into a JSON document without re-serialising it: formatting, key order and
 * every other key stay as they were. A small scanner finds where values start and end.
 */
interface Node {
  type: 'object' | 'array' | 'value';
  start: number;
  /** Index just past the value. */
  end: number;
  members?: Array<{ key: string; value: Node }>;
  items?: Node[];
}

function scan(text: string): Node {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const str = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Node => {
    ws();
    const start = i;
    if (text[i] === '{') {
      i++;
      const members: Array<{ key: string; value: Node }> = [];
      for (ws(); text[i] !== '}'; ws()) {
        const key = str();
        ws();
        i++; // ':'
        members.push({ key, value: value() });
        ws();
        if (text[i] === ',') i++;
      }
      i++;
      return { type: 'object', start, end: i, members };
    }
    if (text[i] === '[') {
      i++;
      const items: Node[] = [];
      for (ws(); text[i] !== ']'; ws()) {
        items.push(value());
        ws();
        if (text[i] === ',') i++;
      }
      i++;
      return { type: 'array', start, end: i, items };
    }
    if (text[i] === '"') str();
    else while (i < text.length && !',]} \t\r\n'.includes(text[i])) i++;
    return { type: 'value', start, end: i };
  };
  return value();
}

function lineIndent(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Appends one-line items to the array at `path` (object keys from the root), creating the
 * missing objects and the array as the last members of their parents. `text` must be valid JSON.
 */
export function appendToJsonArray(text: string, path: readonly string[], items: readonly string[]): string {
  JSON.parse(text);
  const unit = indentUnit(text);
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  let node = scan(text);
  let depth = 0;
  for (; depth < path.length; depth++) {
    if (node.type !== 'object') throw new Error(`"${path.slice(0, depth).join('.')}" is not an object`);
    const next = node.members!.find((mb) => mb.key === path[depth]);
    if (!next) break;
    node = next.value;
  }
  const base = lineIndent(text, node.start);
  if (depth === path.length) {
    if (node.type !== 'array') throw new Error(`"${path.join('.')}" is not an array`);
    const ind = base + unit;
    const last = node.items![node.items!.length - 1];
    if (last) return splice(text, last.end, last.end, items.map((it) => `,${nl}${ind}${it}`).join(''));
    return splice(text, node.start, node.end, `[${nl}${items.map((it) => ind + it).join(`,${nl}`)}${nl}${base}]`);
  }
  // Build the missing members, innermost first, as text indented under `node`.
  const memberIndent = base + unit;
  let value = '';
  const rest = path.slice(depth);
  const build = (k: number, ind: string): string => {
    if (k === rest.length - 1) return `${JSON.stringify(rest[k])}: [${nl}${items.map((it) => ind + unit + it).join(`,${nl}`)}${nl}${ind}]`;
    return `${JSON.stringify(rest[k])}: {${nl}${ind + unit}${build(k + 1, ind + unit)}${nl}${ind}}`;
  };
  value = build(0, memberIndent);
  const lastMember = node.members![node.members!.length - 1];
  if (lastMember) return splice(text, lastMember.value.end, lastMember.value.end, `,${nl}${memberIndent}${value}`);
  return splice(text, node.start, node.end, `{${nl}${memberIndent}${value}${nl}${base}}`);
}
