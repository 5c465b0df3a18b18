/** `help verify` / `help doctor` and `<cmd> --help`: their own page, in en and zh (issue 12, 13). */
import { run } from '../../src/cli/run';
import { doctorCommand } from '../../src/cli/commands/doctor';
import { verifyCommand } from '../../src/cli/commands/verify';

const ctx = { cwd: process.cwd(), env: { PATH: process.env.PATH } };

describe.each([
  ['verify', verifyCommand.options, /^Usage: ak-hook verify \[--range/, /^用法：ak-hook verify \[--range/],
  ['doctor', doctorCommand.options, /^Usage: ak-hook doctor \[--fix/, /^用法：ak-hook doctor \[--fix/],
])('%s', (name, options, en, zh) => {
  test('help <cmd>, <cmd> --help and -h show its own page, listing every option', async () => {
    for (const argv of [
      ['help', name],
      [name, '--help'],
      [name, '-h'],
    ]) {
      const r = await run(argv, ctx);
      expect(r).toMatchObject({ exitCode: 0, stderr: '' });
      expect(r.stdout).toMatch(en);
      for (const o of Object.keys(options)) expect(r.stdout).toContain(`--${o}`);
      expect(r.stdout).toContain('Exit codes: 0');
    }
  });
  test('in Chinese under a zh locale or --lang zh', async () => {
    const zhLocale = await run(['help', name], { ...ctx, env: { ...ctx.env, LANG: 'zh_CN.UTF-8' } });
    expect(zhLocale.stdout).toMatch(zh);
    const flag = await run([name, '--help', '--lang', 'zh'], ctx);
    expect(flag.stdout).toMatch(zh);
    for (const o of Object.keys(options)) expect(flag.stdout).toContain(`--${o}`);
    expect(flag.stdout).toContain('退出码：0');
  });
});

test("verify's page names what leaves the machine and the endpoint overrides", async () => {
  const r = await run(['help', 'verify'], ctx);
  for (const v of [
    'AK_HOOK_ALIBABA_STS_ENDPOINT',
    'AK_HOOK_TENCENT_STS_ENDPOINT',
    'AK_HOOK_AWS_STS_ENDPOINT',
    'AK_HOOK_GITHUB_API_ENDPOINT',
  ])
    expect(r.stdout).toContain(v);
  expect(r.stdout).toContain('NETWORK, opt-in');
});
