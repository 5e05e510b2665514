import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DB } from './db/schema.js';
import type { Engine } from './db/database.js';
import type { EventBus } from './events.js';
import type { PiiCipher } from './crypto/pii.js';

/** What every service needs, built once at boot and handed down. */
export interface AppContext {
  config: Config;
  db: Kysely<DB>;
  engine: Engine;
  pii: PiiCipher;
  events: EventBus;
  log: Logger;
  version: string;
}
