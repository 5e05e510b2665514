import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { channels, closeReasons, errorCodes, ratings, reminderKinds, roles, ticketActorKinds, ticketEventKinds, ticketStatuses } from '@linli/contracts';
import { pngWithText } from '../apps/api/test/images.js';
import { demoAccounts, DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

// Words a native reader trusts (issue 7 item 8, ADR 0035): the main pages in zh-CN show no code of ours — no snake_case,
// no enum value, no error code — and the forms ask in Chinese. The unit twin is apps/api/test/no-raw-code.test.ts.
const codes = new Set<string>([
  ...ticketStatuses,
  ...channels,
  ...ratings,
  ...roles,
  ...ticketEventKinds,
  ...ticketActorKinds,
  ...reminderKinds,
  ...closeReasons,
]);
const usernames = new Set<string>(demoAccounts.map((a) => a.username));
const oneFormat = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b/;
const otherFormats = /\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b|\d{4}\/\d{1,2}\/\d{1,2}/;

/** The codes visible on the page: snake_case words, enum values as whole words, error codes. Demo usernames are names. */
async function rawCodes(page: Page): Promise<string[]> {
  // A tracking secret is random base64url and may hold an underscore: it is the resident's own, not a code.
  const text = (await page.locator('body').innerText()).replace(/[A-Za-z0-9_-]{16,}/g, (m) => (/[A-Z]/.test(m) && /[0-9]/.test(m) ? ' ' : m));
  const words = [...text.matchAll(/\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b|\b[a-z]+\b/g)].map((m) => m[0]);
  return [...new Set(words.filter((w) => !usernames.has(w) && (w.includes('_') || codes.has(w) || (errorCodes as readonly string[]).includes(w))))];
}

describe.runIf(run)('words: what the pages say', () => {
  const env = useServerAndBrowser();

  it('the resident: a hint without a link, a wrong link forgotten, our own checks, a counter, a required phone', async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, locale: 'zh-CN' });
    const phone = await ctx.newPage();
    await phone.goto(`${env.url}/h5`);
    await expect.poll(() => phone.getByTestId('h5-no-community').innerText()).toContain('二维码');
    await phone.goto(`${env.url}/h5/report?c=NO-SUCH-LINK`);
    // The wrong link is known wrong only once the server has answered: the hint changes then.
    await expect.poll(() => phone.getByTestId('h5-no-community').innerText()).toContain('找不到');
    expect(await phone.evaluate(() => localStorage.getItem('linli.h5.community'))).toBeNull();

    await phone.goto(`${env.url}/h5/report?c=LZ-QLH-DHL-JGC`);
    const form = phone.getByTestId('h5-report');
    await form.locator('select[name=categoryId] option').nth(1).waitFor({ state: 'attached' });
    expect(await phone.evaluate(() => localStorage.getItem('linli.h5.community'))).toBe('LZ-QLH-DHL-JGC');
    expect(await form.innerText()).toMatch(/\*\s*手机号/);
    expect(await phone.getByTestId('h5-description-count').innerText()).toBe('0/2000 字');
    await form.getByRole('button', { name: '提交' }).click();
    expect(await phone.getByTestId('problem-category').innerText()).toBe('请选择问题类别');
    expect(await phone.getByTestId('problem-phone').innerText()).toBe('请输入 11 位手机号');
    await form.locator('select[name=categoryId]').selectOption({ label: '水电气暖' });
    expect(await phone.getByTestId('problem-category').count()).toBe(0);
    await phone.getByTestId('h5-description').fill('单元门的门禁坏了，晚上进不去');
    expect(await phone.getByTestId('h5-description-count').innerText()).toBe('14/2000 字');
    await phone.getByTestId('h5-phone').fill('1389310');
    await form.getByRole('button', { name: '提交' }).click();
    expect(await phone.getByTestId('problem-phone').innerText()).toBe('请输入 11 位手机号');
    await phone.getByTestId('h5-phone').fill('13893100077');
    await phone.getByTestId('h5-photos').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: pngWithText() });
    await form.getByRole('button', { name: '提交' }).click();
    const reference = (await phone.getByTestId('ticket-reference').innerText()).trim();
    const timeline = phone.locator('ol.timeline');
    await expect.poll(() => timeline.innerText()).toContain('补充了照片：1 张照片');
    expect(await timeline.innerText()).toMatch(oneFormat);
    expect(await rawCodes(phone)).toEqual([]);
    await phone.goto(`${env.url}/h5`);
    await phone.getByTestId('h5-report-link').waitFor();

    // The console reads the same report: the actor is 居民, the photo count is words, one time format.
    const desk = await consoleAs(env, 'jgc_shuji');
    await desk.getByTestId('tickets-table').getByText(reference).click();
    const drawerTimeline = desk.getByTestId('ticket-timeline');
    await expect.poll(() => drawerTimeline.innerText()).toContain('补充照片');
    const said = await drawerTimeline.innerText();
    expect(said).toContain('居民');
    expect(said).toContain('1 张照片');
    expect(said).not.toMatch(/\bresident\b/);
    expect(said).toMatch(oneFormat);
    expect(said).not.toMatch(otherFormats);
    expect(await rawCodes(desk)).toEqual([]);
  });

  it('the console: 请输入 at login, errors name the field as labelled and clear when it is fixed, the breadcrumb keeps the compound', async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${env.url}/tickets`);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(['请输入用户名或手机号', '请输入密码']);
    await page.getByTestId('login-username').fill('jgc_shuji');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tickets-table').waitFor();

    // Intake with nothing filled: the 诉求 field says 诉求, and choosing a category clears its error.
    await page.getByTestId('new-ticket').click();
    const modal = page.getByTestId('intake-modal');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    const errors = () => modal.locator('.ant-form-item-explain-error').allInnerTexts();
    await expect.poll(errors).toContain('诉求不能为空');
    expect(await errors()).toContain('类别不能为空');
    await pickOption(modal.getByTestId('intake-category'), { first: true });
    await expect.poll(errors).not.toContain('类别不能为空');
    await modal.getByRole('button', { name: /取\s*消/ }).click();

    // A new compound without a name: 小区名称, never 姓名.
    await page.goto(`${env.url}/places`);
    await page.getByTestId('new-compound').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('小区名称不能为空');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    // compound → building: the breadcrumb names both.
    await page.getByTestId('compounds-table').getByRole('link', { name: '金海花园' }).click();
    await page.getByTestId('buildings-table').getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('building-breadcrumb').innerText()).toMatch(/小区\s*\/\s*金海花园\s*\/\s*\S+/);

    await page.goto(`${env.url}/ticket-settings`);
    await expect.poll(() => page.getByTestId('ts-resolution-neighbour').innerText()).toBe('7 个工作日');

    for (const path of [
      '/overview',
      '/places',
      '/residents',
      '/tickets',
      '/ticket-settings',
      '/dashboard',
      '/ledger',
      '/party-members',
      '/teams',
      '/stations',
      '/partners',
      '/accounts',
    ]) {
      await page.goto(env.url + path);
      await page.waitForLoadState('networkidle');
      await page
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      expect(await rawCodes(page), path).toEqual([]);
      expect(await page.locator('body').innerText(), path).not.toMatch(otherFormats);
    }
  });
});
