import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { freshStorage, startServer, type RunningServer, type Storage } from './server.js';

/** For a browser journey: a fresh server with demo data and a browser, started before the tests and stopped after. */
export function useServerAndBrowser(extraEnv: Record<string, string> = {}): { readonly url: string; readonly browser: Browser } {
  let storage: Storage | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    storage = await freshStorage();
    server = await startServer({ ...storage.env, ...extraEnv });
    browser = await launch();
  });
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
