import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { seededStorage } from './seeded.js';
import { startServer, type RunningServer, type Storage } from './server.js';

/** For a browser journey: a server on a fresh copy of the demo data and a browser, started before the tests and stopped after. */
export function useServerAndBrowser(extraEnv: Record<string, string> = {}): { readonly url: string; readonly browser: Browser } {
  let storage: Storage | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    storage = await seededStorage();
    server = await startServer({ ...storage.env, ...extraEnv });
    browser = await launch();
    // The run's first journey also seeds the demo once for all (seeded.ts): a second server start.
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await storage?.dispose();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
