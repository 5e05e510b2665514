import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasForbiddenCharacter, type FieldIssue } from '@linli/contracts';
import { AppError } from '../errors.js';
import { uploadLimits } from './uploads.js';

/** A route as registered: method and URL pattern, with the schema the route declared. */
export interface RouteEntry {
  method: string;
  url: string;
  schema?: { params?: unknown; querystring?: unknown; body?: unknown; consumes?: readonly string[] };
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route registered on the app since `registerInputHygiene`, in registration order (HEAD left out: Fastify answers it with the GET handler). */
export function routeTableOf(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? [];
}

const invalid = (fields: FieldIssue[]) =>
  new AppError('VALIDATION_FAILED', `input refused: ${fields.map((f) => `${f.field} ${f.rule}`).join(', ')}`, { fields });
const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', 'payload too large');

/**
 * Input hygiene for every route, in one place (ADR 0013): before any schema or handler sees a request,
 * - a body announced larger than the route accepts answers 413, whatever its content type;
 * - a path, query or body string holding a forbidden character (NUL and other controls, a lone surrogate) answers 400;
 * - a query parameter given twice answers 400 unless the route's schema takes a list there.
 * Each refusal names the field, so the error handler translates it like any validation error.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat().filter((m) => m !== 'HEAD'))
      table.push({ method, url: route.url, schema: route.schema as RouteEntry['schema'] });
  });

  app.addHook('onRequest', async (request) => {
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > bodyLimitOf(request)) throw tooLarge();
  });

  app.addHook('preValidation', async (request) => {
    const fields = [
      ...forbiddenIn(request.params, 'path'),
      ...forbiddenIn(request.query, 'query'),
      ...(isPlainData(request.body) ? forbiddenIn(request.body, 'body') : []),
      ...repeatedIn(request),
    ];
    if (fields.length) throw invalid(fields);
  });
}

function bodyLimitOf(request: FastifyRequest): number {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/')) return uploadLimits.requestSize;
  return request.routeOptions.bodyLimit ?? uploadLimits.requestSize;
}

const isPlainData = (body: unknown) => typeof body === 'string' || (typeof body === 'object' && body !== null && !Buffer.isBuffer(body));

/**
 * Paths of strings holding a forbidden character (a bad key names its parent, or `rootName` at the top);
 * walks without recursion, so deep nesting is harmless.
 */
function forbiddenIn(root: unknown, rootName: string): FieldIssue[] {
  const found = new Map<string, FieldIssue>();
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length && found.size < 20) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (hasForbiddenCharacter(value)) found.set(path || rootName, { field: path || rootName, rule: 'forbidden_character' });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (hasForbiddenCharacter(key)) {
          found.set(path || rootName, { field: path || rootName, rule: 'forbidden_character' });
          continue;
        }
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return [...found.values()].reverse();
}

function repeatedIn(request: FastifyRequest): FieldIssue[] {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query || typeof query !== 'object') return [];
  const lists = listKeysOf(request.routeOptions.schema?.querystring);
  return Object.entries(query)
    .filter(([key, value]) => Array.isArray(value) && !lists.has(key))
    .map(([key]) => ({ field: key, rule: 'repeated' }));
}

const listKeyCache = new WeakMap<object, Set<string>>();

/** The query keys whose zod schema takes a list; every other key is a scalar and may be given once. */
function listKeysOf(schema: unknown): Set<string> {
  if (!schema || typeof schema !== 'object') return new Set();
  let keys = listKeyCache.get(schema);
  if (!keys) {
    const shape = (schema as { shape?: Record<string, unknown> }).shape ?? {};
    keys = new Set(
      Object.entries(shape)
        .filter(([, s]) => takesList(s))
        .map(([k]) => k),
    );
    listKeyCache.set(schema, keys);
  }
  return keys;
}

function takesList(schema: unknown): boolean {
  let s = schema as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  for (let i = 0; i < 10 && s?.def; i++) {
    if (s.def.type === 'array' || s.def.type === 'tuple') return true;
    s = (s.def.innerType ?? s.def.in) as typeof s;
  }
  return false;
}
