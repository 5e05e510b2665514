import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { apiLogin } from './support/server.js';

const run = requireBrowserOrExplain();

describe.runIf(run)('console: the system administrator sees a locked account and unlocks it', () => {
  const env = useServerAndBrowser();

  it('five wrong passwords lock 孙网格; the admin sees 已锁定至 … and 解除锁定 lets her in again', async () => {
    const tryLogin = (password: string) =>
      fetch(`${env.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'jgc_wangge', password }),
      });
    for (let i = 0; i < 5; i++) expect((await tryLogin(`wrong-${i}`)).status).toBe(401);
    const locked = await tryLogin(DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

    const admin = await apiLogin(env.url, 'admin', DEMO_PASSWORD);
    const found = (await (await fetch(`${env.url}/api/accounts?q=jgc_wangge`, { headers: { cookie: admin } })).json()) as {
      items: Array<{ id: number; username: string }>;
    };
    const id = found.items.find((a) => a.username === 'jgc_wangge')!.id;

    const page = await env.browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    await page.goto(env.url + '/');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav').getByText('账号').click();
    await page.getByTestId('accounts-search').locator('input').fill('jgc_wangge');
    await page.getByTestId('accounts-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId(`accounts-locked-${id}`).textContent()).toContain('已锁定至');
    await page.getByTestId(`accounts-unlock-${id}`).click();
    await expect.poll(() => page.getByTestId(`accounts-locked-${id}`).count()).toBe(0);
    await page.close();

    await expect(apiLogin(env.url, 'jgc_wangge', DEMO_PASSWORD)).resolves.toMatch(/linli_sid=/);
  });
});
