import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs, phoneAs } from './support/login.js';
import { apiLogin } from './support/server.js';
import { pngWithText } from '../apps/api/test/images.js';

const run = requireBrowserOrExplain();
const viewport = { width: 390, height: 844 };
const wishText = '想要一台收音机，每天听听花鼓戏和新闻';

describe.runIf(run)('微心愿: a resident posts a wish, staff publish it, a partner claims and fulfils it, the resident thanks (issue 9)', () => {
  const env = useServerAndBrowser();

  it('walks one wish from the phone to thanks, with the wall showing only an initial', async () => {
    // The resident raises the wish on the phone (no account), with the community's link.
    const rctx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const resident = await rctx.newPage();
    await resident.goto(`${env.url}/h5/wishes/raise?c=XT-YT-ZS-YZ`);
    await resident.getByTestId('h5-wish-raise').waitFor();
    await resident.getByTestId('wish-submit').click();
    await expect.poll(() => resident.getByTestId('wish-error').textContent()).toContain('不能为空');
    await resident.getByTestId('wish-name').fill('易桂芳');
    await resident.getByTestId('wish-phone').fill('13873201234');
    await resident.locator('[data-testid=wish-compound] option', { hasText: '晴岚家园' }).waitFor({ state: 'attached' });
    await resident.getByTestId('wish-compound').selectOption({ label: '晴岚家园' });
    await resident.getByTestId('wish-text').fill(wishText);
    await resident.getByTestId('wish-category').selectOption({ label: '生活用品' });
    await resident.getByTestId('wish-value').fill('120');
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await resident.screenshot({ path: path.join(screenshotDir, 'h5-wish-raise.png'), fullPage: true });
    await resident.getByTestId('wish-submit').click();
    await resident.getByTestId('h5-wish-track').waitFor();
    expect(await resident.getByTestId('wish-track-status').textContent()).toBe('待审核');
    const link = (await resident.getByTestId('wish-link').getAttribute('href'))!;
    expect(link).toMatch(/\/h5\/wish\/WX[A-Z0-9]{10}#k=/);

    // The secretary checks and publishes it in the console.
    const sec = await consoleAs(env, 'yz_shuji', { path: '/wishes', ready: 'wishes-table' });
    await sec.getByTestId('wish-search').locator('input').fill('花鼓戏和新闻');
    await sec.getByTestId('wish-search').locator('input').press('Enter');
    const row = sec.getByTestId('wishes-table').locator('tr', { hasText: '花鼓戏和新闻' });
    await row.waitFor();
    expect(await row.textContent()).toContain('易桂芳');
    await row.click();
    await sec.getByTestId('wish-drawer').getByTestId('wish-publish').click();
    await sec.getByTestId('wish-action-ok').click();
    await expect.poll(() => sec.getByTestId('wish-drawer').getByTestId('wish-status').textContent()).toBe('已发布');
    await sec.screenshot({ path: path.join(screenshotDir, 'console-wishes.png') });

    // The public wall shows an initial and the wish, never the name or the phone.
    await resident.goto(`${env.url}/h5/wishes?c=XT-YT-ZS-YZ`);
    await resident.getByTestId('h5-wish-wall').getByText(wishText).waitFor();
    const wall = (await resident.getByTestId('h5-wish-wall').textContent())!;
    expect(wall).toContain('易**');
    expect(wall).not.toMatch(/易桂芳|13873201234/);

    // The health centre's contact claims it on the phone and fulfils it with a note and a photo.
    const api = await apiLogin(env.url, 'yz_shuji', DEMO_PASSWORD);
    const found = (await (await fetch(`${env.url}/api/wishes?q=${encodeURIComponent('花鼓戏和新闻')}`, { headers: { cookie: api } })).json()) as {
      items: Array<{ id: number }>;
    };
    const id = found.items[0]!.id;
    const partner = await phoneAs(env, 'yz_gongjian', viewport);
    await partner.getByTestId('h5-my-wishes-link').click();
    await partner.getByTestId(`wish-card-${id}`).waitFor();
    await partner.getByTestId(`wish-share-${id}`).fill('送一台收音机并调好频道');
    await partner.getByTestId(`wish-claim-${id}`).click();
    await partner.getByTestId(`wish-fulfil-${id}`).waitFor();
    await partner.getByTestId(`wish-fulfil-${id}`).click();
    await expect.poll(() => partner.getByTestId(`wish-card-${id}`).locator('.error').textContent()).toContain('完成情况');
    await partner.getByTestId(`wish-fulfil-note-${id}`).fill('收音机已送到易阿姨家，教会了调台');
    await partner.getByTestId(`wish-fulfil-photos-${id}`).setInputFiles({ name: 'radio.png', mimeType: 'image/png', buffer: pngWithText() });
    expect(await partner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await partner.screenshot({ path: path.join(screenshotDir, 'h5-wish-claimant.png'), fullPage: true });
    await partner.getByTestId(`wish-fulfil-${id}`).click();
    await expect.poll(() => partner.getByTestId(`wish-card-${id}`).textContent()).toContain('已圆梦');

    // The resident opens their link, sees who did it and thanks them.
    await resident.goto(link);
    await expect.poll(() => resident.getByTestId('wish-track-status').textContent()).toBe('已圆梦');
    expect(await resident.getByTestId('h5-wish-track').textContent()).toContain('收音机已送到易阿姨家');
    await resident.getByTestId('wish-thanks').fill('谢谢卫生院的同志，天天在听！');
    await resident.getByTestId('wish-confirm').click();
    await expect.poll(() => resident.getByTestId('wish-track-status').textContent()).toBe('已确认');
    await resident.screenshot({ path: path.join(screenshotDir, 'h5-wish-thanks.png'), fullPage: true });

    const detail = (await (await fetch(`${env.url}/api/wishes/${id}`, { headers: { cookie: api } })).json()) as {
      status: string;
      events: Array<{ action: string }>;
      claims: Array<{ claimantKind: string }>;
      photoIds: number[];
    };
    expect(detail.status).toBe('confirmed');
    expect(detail.events.map((e) => e.action)).toEqual(['raise', 'publish', 'claim', 'photos_added', 'fulfil', 'confirm']);
    expect(detail.claims.map((c) => c.claimantKind)).toEqual(['partner']);
    expect(detail.photoIds).toHaveLength(1);
    await rctx.close();
  }, 400_000);
});
