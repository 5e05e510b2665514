import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenapiTypes, openapiTypesFile } from '../scripts/api-types.js';

// The web's client is typed by the committed packages/contracts/src/openapi.d.ts; a route changed without
// regenerating it would let the web compile against an API that no longer exists.
describe('the committed OpenAPI types', () => {
  it('match the routes as they are registered now (run `npm run api:types` when this fails)', async () => {
    const committed = fs.readFileSync(openapiTypesFile, 'utf8');
    const generated = await generateOpenapiTypes();
    expect(generated.length).toBeGreaterThan(10_000);
    expect(committed === generated, 'packages/contracts/src/openapi.d.ts is stale: run `npm run api:types`').toBe(true);
  }, 120_000);
});
