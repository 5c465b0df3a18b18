import { BASELINE_FILE } from '../../baseline/file';
import { scanIndex } from '../scan-index';
import { describeEntry } from '../../report/text';
import { EXIT, type Command } from '../command';
import { messagesWithConfig } from '../config-lang';

export const staleCommand: Command = {
  name: 'stale',
  summary: 'List allow entries (and baselined findings) that match nothing in the tracked files',
  positionals: false,
  options: { config: { type: 'string' } },
  async run(input) {
    const { values, m: localeMessages } = input;
    const scan = await scanIndex(input, true);
    const m = messagesWithConfig(localeMessages, values, scan.config.lang);
    const lines: string[] = [];
    if (scan.unusedEntries.length > 0) {
      lines.push(m.staleHeader(scan.unusedEntries.length, scan.config.file ?? ''));
      for (const e of scan.unusedEntries) {
        const d = describeEntry(e);
        lines.push(m.staleEntry(d.at, d.what, e.reason));
      }
    }
    if (scan.unusedBaseline > 0) lines.push(m.staleBaseline(scan.unusedBaseline, BASELINE_FILE));
    const stale = lines.length > 0;
    if (!stale) lines.push(m.staleNone);
    return { exitCode: stale ? EXIT.findings : EXIT.clean, stdout: lines.join('\n') + '\n', stderr: '' };
  },
};
