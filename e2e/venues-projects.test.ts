import { pickOption } from './support/antd.js';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';

const run = requireBrowserOrExplain();
const phone = { width: 390, height: 844 };
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });

/** Types into an antd date or time picker (the test id sits on the input or on its wrapper); Enter commits it and submits the form. */
async function pick(page: Page, testId: string, value: string) {
  const el = page.locator(`[data-testid=${testId}]`);
  const input = (await el.evaluate((n) => n.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(value);
  await input.press('Enter');
}

describe.runIf(run)('场地预约 and 为民办实事: a social worker books the 社区公社 for a team, a resident follows and rates a project (issue 11)', () => {
  const env = useServerAndBrowser();

  it('books a team into the rehearsal hall, refused on a clash and outside the hours, then cancels; prints the usage', async () => {
    const page = await consoleAs(env, 'lx_shegong', { path: '/venues', ready: 'ven-week' });
    await pickOption(page.getByTestId('ven-week-venue'), '社区公社排练厅');
    await page.getByTestId('ven-next-week').click();
    // Next week's Monday: the dance team's 19:00 slot is there.
    await expect.poll(async () => (await page.getByTestId('ven-week').textContent()) ?? '').toContain('凌霄舞蹈队');
    await shot(page, 'console-venues-week.png');
    await page.getByTestId('ven-book').click();
    const drawer = page.getByTestId('ven-book-drawer');
    await drawer.waitFor();
    await pickOption(page.getByTestId('ven-book-kind'), '队伍');
    await pickOption(page.getByTestId('ven-book-team'), '越剧社');
    await page.getByTestId('ven-book-purpose').fill('越剧加排');
    await page.getByTestId('ven-book-save').click();
    await expect.poll(async () => (await drawer.textContent()) ?? '').toMatch(/开始时间与已有预约（.*19:00–20:30）冲突/);
    await pick(page, 'ven-book-start', '06:00');
    await page.getByTestId('ven-book-save').click();
    await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('不在场地开放时间内');
    await shot(page, 'console-venues-refused.png');
    await pick(page, 'ven-book-start', '17:00');
    await pick(page, 'ven-book-end', '18:30');
    await drawer.waitFor({ state: 'hidden' });
    const booked = page.getByTestId('ven-booking').filter({ hasText: '越剧加排' });
    await booked.waitFor();
    expect(await booked.textContent()).toContain('17:00–18:30');
    await booked.getByRole('button', { name: '取消预约' }).click();
    await page.getByTestId('ven-cancel-ok').click();
    await booked.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '使用统计' }).click();
    await page.getByTestId('ven-usage-table').locator('tr', { hasText: '社区公社排练厅' }).waitFor();
    await page.getByTestId('ven-usage-print').click();
    await page.getByTestId('ven-usage-download').waitFor({ timeout: 30_000 });
    await shot(page, 'console-venues-usage.png');
    await page.getByRole('tab', { name: '场地' }).click();
    await page.getByTestId('ven-table').locator('tr', { hasText: '社区公社书画室' }).waitFor();
    expect(await page.getByTestId('ven-table').textContent()).toContain('周一至周六 08:30–20:00');
    await page.setViewportSize(phone);
    await shot(page, 'console-venues-phone.png');
  });

  it('a resident of 凌霄 asks for the 书画室 on the phone and sees 待审核; the social worker finds the request in the week', async () => {
    const bj = new Date(Date.now() + 8 * 3600_000);
    const wednesday = new Date(bj.getTime() + (8 - (((bj.getUTCDay() + 6) % 7) + 1) + 2) * 86_400_000).toISOString().slice(0, 10);
    const rctx = await env.browser.newContext({ viewport: phone, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const resident = await rctx.newPage();
    await resident.goto(`${env.url}/h5?c=NB-BL-XQ-LX`);
    await resident.getByTestId('h5-venues-link').click();
    const room = resident.getByTestId('h5-venue').filter({ hasText: '社区公社书画室' });
    await room.waitFor();
    expect(await room.textContent()).toMatch(/可容纳 20 人.*周一至周六 08:30–20:00/);
    expect(await resident.getByTestId('h5-venues').textContent()).not.toContain('社区公社多功能厅'); // not open to residents
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await shot(resident, 'h5-venues.png');
    await room.getByTestId('h5-venue-choose').click();
    await resident.getByTestId('h5-venue-name').fill('王秀英');
    await resident.getByTestId('h5-venue-phone').fill('1390574');
    await resident.getByTestId('h5-venue-purpose').fill('孙子书法兴趣课');
    await resident.getByTestId('h5-venue-date').fill(wednesday);
    await resident.getByTestId('h5-venue-start').fill('14:00');
    await resident.getByTestId('h5-venue-end').fill('16:00');
    await resident.getByTestId('h5-venue-people').fill('8');
    await resident.getByTestId('h5-venue-submit').click();
    await expect.poll(async () => (await resident.getByTestId('h5-venue-error-contactPhone').textContent()) ?? '').toContain('手机号');
    await shot(resident, 'h5-venue-ask-error.png');
    await resident.getByTestId('h5-venue-phone').fill('13905748866');
    await resident.getByTestId('h5-venue-submit').click();
    const done = resident.getByTestId('h5-venue-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('待审核');
    await shot(resident, 'h5-venue-done.png');

    const page = await consoleAs(env, 'lx_shegong', { path: '/venues', ready: 'ven-week' });
    await pickOption(page.getByTestId('ven-week-venue'), '社区公社书画室');
    await page.getByTestId('ven-next-week').click();
    const asked = page.getByTestId(`ven-day-${wednesday}`).getByTestId('ven-booking').filter({ hasText: '孙子书法兴趣课' });
    await asked.waitFor();
    expect(await asked.textContent()).toContain('待审核');
  });

  it('shows the projects with their progress and steps, and a resident rates the water mains on the phone', async () => {
    const page = await consoleAs(env, 'lx_shuji', { path: '/projects', ready: 'prj-table' });
    const row = page.getByTestId('prj-table').locator('tr', { hasText: '世茂世界湾电动车集中充电棚' });
    await row.waitFor();
    expect(await row.textContent()).toContain('推进中');
    await row.click();
    const drawer = page.getByTestId('prj-drawer');
    await drawer.waitFor();
    expect(await drawer.textContent()).toContain('在“凌霄社区民生项目认领会”上认领');
    await page.getByTestId('prj-percent').fill('120');
    await page.getByTestId('prj-save-progress').click();
    await expect.poll(async () => (await drawer.textContent()) ?? '').toMatch(/进度.*(0.*100|超出)/);
    await page.getByTestId('prj-percent').fill('85');
    await page.getByTestId('prj-save-progress').click();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('85%');
    await shot(page, 'console-projects-drawer.png');
    await page.setViewportSize(phone);
    await shot(page, 'console-projects-phone.png');

    const rctx = await env.browser.newContext({ viewport: phone, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const resident = await rctx.newPage();
    await resident.goto(`${env.url}/h5?c=LZ-QLH-XZ-XXP`);
    await resident.getByTestId('h5-projects-link').click();
    await resident.getByTestId('h5-projects').getByText('爸妈食堂').waitFor();
    const list = (await resident.getByTestId('h5-projects').textContent())!;
    expect(list).toContain('爸妈食堂');
    expect(list).toContain('已完成 60%');
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await shot(resident, 'h5-projects.png');
    await resident.getByText('铁建丽苑老旧供水管网改造').click();
    await resident.getByTestId('h5-project-rate').waitFor();
    expect(await resident.getByTestId('h5-project-milestones').textContent()).toContain('主管开挖更换');
    await resident.getByTestId('h5-star-5').click();
    await resident.getByTestId('h5-project-phone').fill('1390574');
    await resident.getByTestId('h5-project-submit').click();
    await expect.poll(async () => (await resident.getByTestId('h5-project-error').textContent()) ?? '').toContain('手机号');
    await resident.getByTestId('h5-project-comment').fill('水压足了');
    await resident.getByTestId('h5-project-phone').fill('13905749876');
    await shot(resident, 'h5-project-rate.png');
    await resident.getByTestId('h5-project-submit').click();
    await resident.getByTestId('h5-project-thanks').waitFor();
    await expect.poll(async () => (await resident.getByTestId('h5-project-rating').textContent()) ?? '').toContain('15 人');
  });
});
