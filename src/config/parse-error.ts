/**
 * A parser's error message without the source text it quotes. JSON.parse quotes a snippet
 * ("Unexpected token 'L', "{"id": LTAI…"… is not valid JSON") and a JavaScript syntax error the
 * whole token ("Unexpected identifier 'LTAI…'"): a config file that fails to parse may hold a
 * secret, and error messages are printed in the hook's output and CI logs.
 */
export function parseErrorMessage(e: unknown): string {
  const message = (e as Error | undefined)?.message ?? String(e);
  return message
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    .split('\n')[0]
    .replace(/(['"`])[^'"`\n]{2,}\1/g, '$1…$1');
}
