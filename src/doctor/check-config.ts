import type { DoctorCheck, DoctorContext } from './types';

interface ErrorLike {
  code?: string;
  message?: string;
  data?: {
    file?: string;
    problems?: Array<{ at: string; message: string; id?: string; args?: Record<string, string | number> }>;
    text?: { id: string; args: Record<string, string | undefined> };
  };
}

/** The config (and the baseline) load and validate, as every scan would load them. */
export async function checkConfig(ctx: DoctorContext): Promise<DoctorCheck> {
  const id = 'config' as const;
  try {
    const s = await ctx.scans.openSession({ cwd: ctx.cwd, env: ctx.env, configPath: ctx.configPath, root: ctx.root });
    s.close();
    if (s.config.source === 'none') return { id, status: 'ok', code: 'config-none', params: {} };
    return { id, status: 'ok', code: 'config-ok', params: { file: s.config.file ?? '' } };
  } catch (e) {
    const err = e as ErrorLike;
    if (err.code !== 'E_CONFIG_INVALID' && err.code !== 'E_CONFIG_PARSE') throw e;
    const first = err.data?.problems?.[0];
    const detail = first ? `${first.at}: ${first.message}` : (err.message ?? '').split('\n')[0];
    const file = err.data?.file ?? ctx.configPath ?? '.akhookrc.json';
    // The words' id and data too, so the message modules can say the detail in every language.
    const words: Record<string, string> = first?.id
      ? { at: first.at, problemId: first.id, problemArgs: JSON.stringify(first.args ?? {}) }
      : !first && err.data?.text
        ? { textId: err.data.text.id, textArgs: JSON.stringify(err.data.text.args) }
        : {};
    return {
      id,
      status: 'fail',
      code: 'config-invalid',
      params: { file, detail, count: err.data?.problems?.length ?? 1, ...words },
      fix: `npx ak-hook check --verbose   # then edit ${file}`,
    };
  }
}
