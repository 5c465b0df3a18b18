/** The shipped JSON Schema compiled by ajv at build time (scripts/schema-check.cjs). */
declare const validate: ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }> | null;
};
export = validate;
