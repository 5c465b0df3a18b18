import * as path from 'node:path';
import { replaceFile } from '../../allowlist/write-file';
import { BASELINE_FILE, renderBaseline } from '../../baseline/file';
import { scanTree } from '../../scan-tree';
import { EXIT, type Command } from '../command';
import { messagesWithConfig } from '../config-lang';

export const baselineCommand: Command = {
  name: 'baseline',
  summary: 'Record the findings already in the tracked files, so that check blocks only new ones',
  positionals: false,
  options: { config: { type: 'string' } },
  async run({ values, ctx, m: localeMessages }) {
    const scan = await scanTree({
      cwd: ctx.cwd,
      env: ctx.env,
      configPath: values.config as string | undefined,
      useBaseline: false,
      source: 'index',
    });
    const m = messagesWithConfig(localeMessages, values, scan.config.lang);
    const entries = scan.findings.map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, file: f.file }));
    const text = renderBaseline(entries);
    const abs = path.join(scan.root, BASELINE_FILE);
    replaceFile(abs, text, BASELINE_FILE);
    const n = (JSON.parse(text) as { findings: unknown[] }).findings.length;
    return { exitCode: EXIT.clean, stdout: m.baselineWrote(n, BASELINE_FILE, scan.largeSkipped?.length ?? 0) + '\n', stderr: '' };
  },
};
