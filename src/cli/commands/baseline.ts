import * as path from 'node:path';
import { replaceFile } from '../../config/write-file';
import { BASELINE_FILE, renderBaseline, uniqueBaselineEntries } from '../../baseline/file';
import { scanIndex } from '../scan-index';
import { EXIT, type Command } from '../command';
import { messagesWithConfig } from '../config-lang';

export const baselineCommand: Command = {
  name: 'baseline',
  summary: 'Record the findings already in the tracked files, so that check blocks only new ones',
  positionals: false,
  options: { config: { type: 'string' } },
  async run(input) {
    const { values, m: localeMessages } = input;
    const scan = await scanIndex(input, false);
    const m = messagesWithConfig(localeMessages, values, scan.config.lang);
    const entries = scan.findings.map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file }));
    const text = renderBaseline(entries);
    const abs = path.join(scan.root, BASELINE_FILE);
    replaceFile(abs, text, BASELINE_FILE);
    const n = uniqueBaselineEntries(entries).length;
    return { exitCode: EXIT.clean, stdout: m.baselineWrote(n, BASELINE_FILE, scan.largeSkipped?.length ?? 0) + '\n', stderr: '' };
  },
};
