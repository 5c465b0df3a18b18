/**
 * The machine-readable document of a failed run: a consumer that reads stdout (or --output)
 * always gets one valid document, never an empty file. JSON: `{"error": {code, message}}`.
 * SARIF: one run with no results and `executionSuccessful: false`, the reason in
 * `toolExecutionNotifications`.
 */
export function renderErrorJson(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } }, null, 2) + '\n';
}

export function renderErrorSarif(code: string, message: string, version: string): string {
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ak-hook', version, informationUri: 'https://www.npmjs.com/package/ak-hook', rules: [] } },
        invocations: [
          {
            executionSuccessful: false,
            exitCode: 2,
            toolExecutionNotifications: [{ level: 'error', message: { text: message }, descriptor: { id: code } }],
          },
        ],
        results: [],
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
