import path from 'node:path';
import { pino } from 'pino';
import type { Config } from './config.js';
import type { AppContext } from './platform/context.js';
import { openPglite, openPostgres, type Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { EventBus } from './platform/events.js';
import { PiiCipher, loadMasterKey } from './platform/crypto/pii.js';

export const VERSION = '0.1.0';

/** Opens the database, runs migrations and builds the context every service uses. */
export async function bootContext(config: Config, opts: { log?: pino.Logger } = {}): Promise<{ ctx: AppContext; database: Database }> {
  const log = opts.log ?? pino({ level: config.logLevel });
  const database = config.db.url ? await openPostgres(config.db.url) : await openPglite(path.resolve(config.db.dataDir));
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length) log.info({ applied }, 'migrations applied');
  } catch (err) {
    await database.close();
    throw err;
  }
  const pii = new PiiCipher(loadMasterKey(config.encryptionKey, path.resolve(config.db.dataDir), log));
  const events = new EventBus();
  const ctx: AppContext = { config, db: database.db, engine: database.engine, pii, events, log, version: VERSION };
  return { ctx, database };
}
