import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs, phoneAs } from './support/login.js';
import { apiLogin } from './support/server.js';

const run = requireBrowserOrExplain();
const viewport = { width: 390, height: 844 };
const title = '晴岚家园环境整治志愿服务';
const HOUR = 3_600_000;

/** A phone page fits the screen: no horizontal scroll; then a screenshot of it. */
async function shoot(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

const balanceOf = async (page: Page) => Number(await page.getByTestId('h5-points-balance').textContent());

describe.runIf(run)('志愿服务 to 积分 to 专属优惠包: sign-in at an activity, hours, points, a perk honoured at the barber (issue 10)', () => {
  const env = useServerAndBrowser();

  it('walks a volunteer from the activity door to a haircut paid in points', async () => {
    // Staff publish an activity under way, its sign-up open until it ends (the console's dialog leaves the sign-up
    // window to the start, so the API sets it): started an hour ago, two hours long.
    const staff = await apiLogin(env.url, 'yz_shuji', DEMO_PASSWORD);
    const now = Date.now();
    const startsAt = new Date(Math.floor((now - HOUR) / 60_000) * 60_000);
    const endsAt = new Date(startsAt.getTime() + 2 * HOUR);
    const res = await fetch(`${env.url}/api/activities`, {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        kind: 'volunteering',
        organiserKind: 'staff',
        place: '晴岚家园中心广场',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        signupClosesAt: endsAt.toISOString(),
        audience: 'all',
        isPublic: true,
      }),
    });
    expect(res.status).toBe(201);
    const activityId = ((await res.json()) as { id: number }).id;

    // The volunteer (李建军, demo login yz_zhiyuan) sees his balance before, then signs up at the activity on his phone.
    const vol = await phoneAs(env, 'yz_zhiyuan', viewport);
    await vol.getByTestId('h5-points-link').click();
    await vol.getByTestId('h5-points-balance').waitFor();
    const before = await balanceOf(vol);
    await vol.goto(`${env.url}/h5/activities/${activityId}?c=XT-YT-ZS-YZ`);
    await vol.getByTestId('h5-activity-form').waitFor();
    await vol.getByTestId('h5-activity-name').fill('李建军');
    await vol.getByTestId('h5-activity-phone').fill('13907321888');
    await vol.getByTestId('h5-activity-submit').click();
    await vol.getByTestId('h5-activity-signed-up').waitFor();
    await shoot(vol, 'h5-vol-signed-up');
    const mine = (await vol.getByTestId('h5-activity-link').getAttribute('href'))!;

    // The secretary opens check-in in the console and reads the door code out; he adds 李建军 as a volunteer serving.
    const sec = await consoleAs(env, 'yz_shuji', { path: '/activities', ready: 'act-table' });
    await sec.getByTestId('act-table').locator('tr', { hasText: title }).click();
    const drawer = sec.getByTestId('act-drawer');
    await drawer.getByTestId('act-issue-code').click();
    const code = /(\d{6})/.exec((await drawer.getByTestId('act-code').textContent())!)![1]!;
    await drawer.getByTestId('act-serving-pick').click();
    await sec.keyboard.type('李建军');
    await sec.locator('.ant-select-item-option', { hasText: '李建军' }).first().click();
    await drawer.getByTestId('act-serving-add').click();
    await drawer.getByTestId('act-serving-list').getByText('李建军').waitFor();

    // At the door: the volunteer types the code on his sign-up's page (a wrong one first).
    await vol.goto(mine.startsWith('http') ? mine : env.url + mine);
    await vol.getByTestId('h5-activity-code').fill('000000');
    await vol.getByTestId('h5-activity-checkin').click();
    await expect.poll(() => vol.locator('.error').first().textContent()).toContain('签到码');
    await vol.getByTestId('h5-activity-code').fill(code);
    await vol.getByTestId('h5-activity-checkin').click();
    await expect.poll(() => vol.getByTestId('h5-activity-mine-status').textContent()).toBe('已签到');
    await shoot(vol, 'h5-vol-checked-in');

    // The secretary closes the activity: 李建军's two hours are recorded (谁记录谁证明) and shown in /volunteers.
    await drawer.getByTestId('act-close').click();
    await drawer.getByTestId('act-serving').getByText('已记时长').waitFor();
    await sec.screenshot({ path: path.join(screenshotDir, 'console-activity-serving.png') });
    await sec.goto(`${env.url}/volunteers`);
    // 窑洲 has more volunteers than a page: find him by name.
    await sec.getByTestId('vol-search').locator('input').fill('李建军');
    await sec.getByTestId('vol-search').locator('input').press('Enter');
    await sec.getByTestId('vol-list').locator('tr', { hasText: '李建军' }).click();
    const entries = sec.getByTestId('vol-drawer').getByTestId('vol-entries');
    await entries.locator('tr', { hasText: title }).waitFor();
    expect(await entries.locator('tr', { hasText: title }).textContent()).toContain('2');

    // The points follow the hours (the outbox delivers the event): two points at 1 point an hour.
    await vol.goto(`${env.url}/h5/points`);
    await expect
      .poll(
        async () => {
          await vol.reload();
          await vol.getByTestId('h5-points-balance').waitFor();
          return balanceOf(vol);
        },
        { timeout: 20_000 },
      )
      .toBe(before + 2);
    expect(await vol.getByTestId('h5-points-entries').textContent()).toContain('志愿服务 2 小时');
    await shoot(vol, 'h5-vol-points');

    // He redeems a haircut at the barber's (a browser confirm dialog) and sees the one-time code.
    await vol.goto(`${env.url}/h5`);
    await vol.getByTestId('h5-perks-link').click();
    const haircut = vol.getByTestId('h5-perk').filter({ has: vol.getByText('理发一次', { exact: true }) });
    await haircut.waitFor();
    vol.once('dialog', (d) => void d.accept());
    await haircut.getByTestId('h5-perk-redeem').click();
    await vol.getByTestId('h5-redemption-code').waitFor();
    const redemption = (await vol.getByTestId('h5-redemption-code').textContent())!.trim();
    expect(redemption).toMatch(/^\d{8}$/);
    await shoot(vol, 'h5-vol-redeemed');

    // The barber confirms the code on his phone; the same code a second time is refused with a clear message.
    const shop = await phoneAs(env, 'yz_shangjia', viewport);
    await shop.getByTestId('h5-merchant-link').click();
    await shop.getByTestId('h5-merchant-code').fill(redemption);
    await shop.getByTestId('h5-merchant-confirm').click();
    await expect.poll(() => shop.getByTestId('h5-merchant-done').textContent()).toContain('理发一次');
    expect(await shop.getByTestId('h5-merchant-done').textContent()).toContain('李建军');
    await shoot(shop, 'h5-merchant-done');
    await shop.getByTestId('h5-merchant-code').fill(redemption);
    await shop.getByTestId('h5-merchant-confirm').click();
    await expect.poll(() => shop.getByTestId('h5-merchant-error').textContent()).toBe('兑换码无效、已使用或已过期');
    await shoot(shop, 'h5-merchant-refused');

    // The balance dropped by the price (20 points).
    await vol.goto(`${env.url}/h5/points`);
    await vol.getByTestId('h5-points-balance').waitFor();
    expect(await balanceOf(vol)).toBe(before + 2 - 20);
    await shoot(vol, 'h5-vol-points-after');
  }, 120_000);
});
