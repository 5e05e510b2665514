import type { ErrorCode, FieldIssue } from '@linli/contracts';

/** The one error class of the domain. Services throw it; the HTTP layer maps `code` to a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldIssue[]; [key: string]: unknown },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'not allowed') => new AppError('FORBIDDEN', why);
export const invalidField = (field: string, rule: string, params?: FieldIssue['params']) =>
  new AppError('VALIDATION_FAILED', `${field}: ${rule}`, { fields: [{ field, rule, ...(params ? { params } : {}) }] });

/** A PostgreSQL unique violation becomes a CONFLICT that names the field; anything else is thrown on. */
export function uniqueAs(field: string, rule = 'taken') {
  return (err: unknown): never => {
    if ((err as { code?: string }).code === '23505') throw new AppError('CONFLICT', `${field} ${rule}`, { fields: [{ field, rule }] });
    throw err;
  };
}
