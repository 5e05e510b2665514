import { z } from 'zod';

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  items?: Json;
  anyOf?: Json[];
  oneOf?: Json[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
};

let serial = 0;

/** The smallest value a JSON schema accepts, as far as a walk needs: required fields only, lower bounds, first choices. */
function sampleJson(s: Json): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const choice = s.anyOf ?? s.oneOf;
  if (choice) return sampleJson(choice.find((c) => c.type !== 'null') ?? choice[0]!);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      // A phone is checked by a refinement the JSON schema cannot show: give a valid mainland mobile number.
      return Object.fromEntries((s.required ?? []).map((k) => [k, /^phone$|Phone$/.test(k) ? '13800000000' : sampleJson(s.properties?.[k] ?? {})]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleJson(s.items ?? {}));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'date') return '2026-10-01';
      if (s.format === 'date-time') return '2026-10-01T00:00:00Z';
      if (s.format === 'uri' || s.format === 'url') return 'https://example.org/hook';
      if (s.format === 'email') return 'walk@example.org';
      if (s.pattern) {
        const fits = ['walk_code', 'walkcode', 'WALK', 'walk-1', 'a1', '1', '09:30'].find((c) => new RegExp(s.pattern!).test(c));
        if (fits) return fits;
      }
      // Distinct values, so that no field contains another (a password holding the username is refused).
      const min = Math.max(s.minLength ?? 1, 12);
      return `walk${++serial}`.padEnd(min, 'x').slice(0, s.maxLength ?? 64);
    }
    default:
      return 'walk';
  }
}

/** A small valid-looking input for a zod request schema (a body or a query string), or undefined without one. */
export function sampleOf(schema: unknown): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
  return sampleJson(json) as Record<string, unknown>;
}
