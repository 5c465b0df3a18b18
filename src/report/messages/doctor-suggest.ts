/** The line `init` ends with (issue 13), kept apart from the doctor texts (loaded only by doctor). */
export const SUGGEST_DOCTOR = {
  en: 'Next: run "npx ak-hook doctor" to check that this clone really runs the hook.',
  zh: '下一步：运行 "npx ak-hook doctor"，确认这个克隆确实会运行钩子。',
} as const;
