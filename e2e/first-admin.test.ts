import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { freshStorage, startServer, type RunningServer, type Storage } from './support/server.js';

const run = requireBrowserOrExplain();

/** Collects what the browser refuses under the Content-Security-Policy, and any script error. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(e.message));
  return seen;
}

describe.runIf(run)('a new installation: the first administrator, under a strict CSP', () => {
  let storage: Storage;
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    storage = await freshStorage();
    server = await startServer({ ...storage.env, LINLI_DEMO: '0' });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await storage?.dispose();
  });

  it('prints a setup token, lets the console create the administrator once, then closes /setup', async () => {
    const token = fs.readFileSync(path.join(storage.env.DATA_DIR!, 'setup-token'), 'utf8').trim();
    expect(server.output()).toContain(token);

    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const violations = watchViolations(page);
    const home = await page.goto(server.url + '/');
    expect(home!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByTestId('setup-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');

    await page.getByTestId('setup-token').fill('not-the-token');
    await page.getByTestId('setup-username').fill('zhang.admin');
    await page.getByTestId('setup-display-name').fill('张管理员');
    await page.getByTestId('setup-password').fill('12345678');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByTestId('setup-form').textContent()).toContain('密码至少 10 位');
    await page.getByTestId('setup-password').fill('lantern-granite-41');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByTestId('setup-form').textContent()).toContain('初始化口令不正确');
    await page.getByTestId('setup-token').fill(token);
    await page.screenshot({ path: path.join(screenshotDir, 'setup.png') });
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('nav').waitFor();
    expect(violations).toEqual([]);

    // Changing the password: a mistyped confirmation never reaches the server, and only the latest answer's error shows.
    await page.getByTestId('user-menu').hover();
    await page.getByText('修改密码').click();
    const dialog = page.locator('.ant-modal');
    await page.getByTestId('password-current').fill('lantern-granite-41');
    await page.getByTestId('password-new').fill('zhang.admin-2026');
    await page.getByTestId('password-confirm').fill('zhang.admin-2027');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.textContent()).toContain('两次输入的新密码不一致');
    await page.getByTestId('password-confirm').fill('zhang.admin-2026');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.textContent()).toContain('新密码不能包含用户名');
    await page.getByTestId('password-current').fill('wrong-current-1');
    await page.getByTestId('password-new').fill('harbour-willow-73');
    await page.getByTestId('password-confirm').fill('harbour-willow-73');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.textContent()).toContain('当前密码不正确');
    await expect.poll(() => dialog.textContent()).not.toContain('新密码不能包含用户名');
    await page.getByTestId('password-current').fill('lantern-granite-41');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('密码已修改');

    const status = await fetch(server.url + '/api/setup');
    expect(status.status).toBe(404);
    const again = await fetch(server.url + '/api/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ setupToken: token, username: 'li.admin', displayName: '李', password: 'lantern-granite-42' }),
    });
    expect(again.status).toBe(409);
    expect(fs.existsSync(path.join(storage.env.DATA_DIR!, 'setup-token'))).toBe(false);
  });

  it('loads the phone pages and the API docs with no CSP violation', async () => {
    for (const [url, ready] of [
      ['/h5', '[data-testid=h5-login]'],
      ['/api/docs', '.swagger-ui .info'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'zh-CN' });
      const violations = watchViolations(page);
      await page.goto(server.url + url);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(violations, url).toEqual([]);
      await page.close();
    }
    // The watch itself works: an injected inline script is refused and reported.
    const page = await browser.newPage();
    const violations = watchViolations(page);
    await page.goto(server.url + '/h5');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
    });
    await expect.poll(() => violations.length).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });
});
