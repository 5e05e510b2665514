import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The boundary rules of eslint.config.js (ADR 0025), each shown to catch a planted violation and to pass its allowed twin.
const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries (api)', () => {
  it('a module imports another module only through its index.ts', async () => {
    const deep = await ruleIdsFor(
      'apps/api/src/modules/tickets/planted.ts',
      "import { listPeople } from '../people/people.service.js';\nexport const x = listPeople;\n",
    );
    expect(deep).toEqual([expect.stringContaining('boundaries/dependencies: Import another module only through its index.ts')]);
    const viaIndex = await ruleIdsFor(
      'apps/api/src/modules/tickets/planted.ts',
      "import { peopleRoutes } from '../people/index.js';\nexport const x = peopleRoutes;\n",
    );
    expect(viaIndex).toEqual([]);
    const ownModule = await ruleIdsFor(
      'apps/api/src/modules/people/planted.ts',
      "import { listPeople } from './people.service.js';\nexport const x = listPeople;\n",
    );
    expect(ownModule).toEqual([]);
  });

  it('the platform imports no module', async () => {
    const messages = await ruleIdsFor(
      'apps/api/src/platform/audit/planted.ts',
      "import { peopleRoutes } from '../../modules/people/index.js';\nexport const x = peopleRoutes;\n",
    );
    expect(messages).toEqual([expect.stringContaining('boundaries/dependencies: platform/ knows no domain module')]);
  });

  it('Kysely and query builders only in repositories, the platform, migrations and tests', async () => {
    const code = "import { sql } from 'kysely';\nexport const f = (db: { selectFrom(t: string): unknown }) => [sql, db.selectFrom('tickets')];\n";
    const inService = await ruleIdsFor('apps/api/src/modules/tickets/planted.service.ts', code);
    expect(inService).toEqual([expect.stringContaining('no-restricted-imports'), expect.stringContaining('no-restricted-syntax: .selectFrom() builds SQL')]);
    expect(await ruleIdsFor('apps/api/src/modules/tickets/planted.repository.ts', code)).toEqual([]);
    const typeOnly = "import type { Kysely } from 'kysely';\nexport type Db = Kysely<object>;\n";
    expect(await ruleIdsFor('apps/api/src/modules/tickets/planted.service.ts', typeOnly)).toEqual([]);
  });

  it('shipped code imports nothing from apps/api/test; tests may', async () => {
    const code = "import { pngWithText } from '../../../test/images.js';\nexport const x = pngWithText;\n";
    expect(await ruleIdsFor('apps/api/src/platform/files/planted.ts', code)).toEqual([expect.stringContaining('no-restricted-imports')]);
    expect(await ruleIdsFor('apps/api/src/platform/files/planted.test.ts', code)).toEqual([]);
  });
});

describe('lint boundaries (web: shared → features → app)', () => {
  // The rules match real files, so the fixture plants a feature and an app file for the time of the test.
  const fixture = `zz-lint-fixture-${process.pid}`;
  const featureDir = path.join(root, 'apps/web/src/features', fixture);
  const appFile = path.join(root, 'apps/web/src/app', `${fixture}.ts`);
  const created: string[] = [];
  beforeAll(() => {
    for (const dir of [path.join(root, 'apps/web/src/features'), featureDir, path.join(root, 'apps/web/src/app')]) {
      if (!fs.existsSync(dir)) {
        fs.mkdirSync(dir);
        created.unshift(dir);
      }
    }
    fs.writeFileSync(path.join(featureDir, 'thing.ts'), 'export const thing = 1;\n');
    fs.writeFileSync(appFile, 'export const route = 1;\n');
  });
  afterAll(() => {
    fs.rmSync(featureDir, { recursive: true, force: true });
    fs.rmSync(appFile, { force: true });
    for (const dir of created) if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  });

  it('shared code imports no feature, a feature imports no app file, the app imports features', async () => {
    const sharedToFeature = await ruleIdsFor('apps/web/src/lib/planted.ts', `import { thing } from '../features/${fixture}/thing';\nexport const x = thing;\n`);
    expect(sharedToFeature).toEqual([expect.stringContaining('boundaries/dependencies')]);
    const featureToApp = await ruleIdsFor(
      `apps/web/src/features/${fixture}/planted.ts`,
      `import { route } from '../../app/${fixture}';\nexport const x = route;\n`,
    );
    expect(featureToApp).toEqual([expect.stringContaining('boundaries/dependencies')]);
    const appToFeature = await ruleIdsFor('apps/web/src/app/planted.ts', `import { thing } from '../features/${fixture}/thing';\nexport const x = thing;\n`);
    expect(appToFeature).toEqual([]);
  });
});
