import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  errorStatus,
  formatErrorMessage,
  formatFieldIssue,
  pickLocale,
  toFieldIssue,
  type ErrorBody,
  type ErrorCode,
  type FieldIssue,
  type Locale,
} from '@linli/contracts';
import { AppError } from '../errors.js';

export function requestLocale(request: FastifyRequest): Locale {
  return request.actor?.locale ?? pickLocale(request.headers['accept-language']);
}

/** Renders every error as {error:{code,message,details,requestId}}; only unexpected ones are logged with their stack. */
export function buildErrorBody(request: FastifyRequest, err: AppError): ErrorBody {
  const locale = requestLocale(request);
  const fields = err.details?.fields?.map((f) => ({ ...f, message: formatFieldIssue(locale, f) }));
  let message = formatErrorMessage(locale, err.code, err.details);
  if (fields?.length) message = fields.map((f) => f.message).join(locale === 'en' ? '; ' : '；');
  return {
    error: {
      code: err.code,
      message,
      requestId: request.id,
      ...(err.details || fields ? { details: { ...err.details, ...(fields ? { fields } : {}) } } : {}),
    },
  };
}

export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldIssue[] = err.validation.map((v) =>
      toFieldIssue({ code: v.keyword, path: v.instancePath.split('/').filter(Boolean), ...(v.params as object) }),
    );
    return new AppError('VALIDATION_FAILED', 'request validation failed', { fields });
  }
  const fe = err as FastifyError;
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED', 'rate limited');
  if (fe?.statusCode === 413 || fe?.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', 'payload too large');
  if (fe?.statusCode === 404) return new AppError('NOT_FOUND', 'not found');
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', fe.message, { fields: [{ field: 'body', rule: 'invalid' }] });
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (!appError) {
      request.log.error({ err }, 'unexpected error');
      const body = buildErrorBody(request, new AppError('INTERNAL', 'internal error'));
      return reply.status(500).send(body);
    }
    if (appError.code === 'INTERNAL') request.log.error({ err }, 'internal error');
    const retryAfter = appError.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(errorStatus[appError.code as ErrorCode]).send(buildErrorBody(request, appError));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(buildErrorBody(request, new AppError('NOT_FOUND', `no route ${request.method} ${request.url}`)));
  });
}
