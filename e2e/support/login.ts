import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../demo-accounts.js';

interface Env {
  readonly url: string;
  readonly browser: Browser;
}

/**
 * A desk in the console: opens `path`, logs in with the demo password and waits for `ready` (a test id).
 * `timezoneId` puts the browser somewhere other than Beijing.
 */
export async function consoleAs(env: Env, username: string, opts: { path?: string; ready?: string; timezoneId?: string; height?: number } = {}): Promise<Page> {
  const ctx = await env.browser.newContext({
    viewport: { width: 1366, height: opts.height ?? 860 },
    locale: 'zh-CN',
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  });
  const page = await ctx.newPage();
  await page.goto(env.url + (opts.path ?? '/tickets'));
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(opts.ready ?? 'tickets-table').waitFor();
  return page;
}

/** A helper on a phone: logs in at /h5 and lands on their home with the two entries. */
export async function phoneAs(env: Env, username: string, viewport = { width: 390, height: 800 }): Promise<Page> {
  const ctx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(env.url + '/h5');
  const login = page.getByTestId('h5-login');
  await login.locator('input[name=login]').fill(username);
  await login.locator('input[name=password]').fill(DEMO_PASSWORD);
  await login.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('h5-helper-home').waitFor();
  return page;
}
