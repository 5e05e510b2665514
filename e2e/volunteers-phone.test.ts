import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { phoneAs } from './support/login.js';
import { apiLogin } from './support/server.js';

const run = requireBrowserOrExplain();
const viewport = { width: 390, height: 844 };

/** A resident ID number with a right check digit. */
function idCard(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

describe.runIf(run)('志愿者 on the phone: sign up, sign in and out with the organiser’s code, my record and certificate (issue 10)', () => {
  const env = useServerAndBrowser();

  it('a student signs up with the community’s link; field errors are named; the done page says it awaits review', async () => {
    const ctx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${env.url}/h5?c=XT-YT-ZS-YZ`);
    await page.getByTestId('h5-volunteer-join-entry').click();
    await page.getByTestId('h5-volunteer-join').waitFor();
    await page.getByTestId('h5-vol-origin').selectOption('student');
    await page.getByTestId('h5-vol-submit').click();
    await expect.poll(() => page.getByTestId('h5-vol-problem-name').textContent()).toBe('姓名不能为空');
    expect(await page.getByTestId('h5-vol-problem-affiliation').textContent()).toContain('学校或工作单位');
    await page.getByTestId('h5-vol-name').fill('蒋雨桐');
    await page.getByTestId('h5-vol-id-number').fill('500108200301011235');
    await page.getByTestId('h5-vol-phone').fill('13912345678');
    await page.getByTestId('h5-vol-affiliation').fill('重庆工商大学 社会工作专业');
    await page.getByTestId('h5-vol-skill-0').click();
    await page.getByTestId('h5-vol-area-0').click();
    await page.getByTestId('h5-vol-slot-10').click();
    await page.getByTestId('h5-vol-submit').click();
    // A wrong check digit comes back from the server, on the field.
    await expect.poll(() => page.getByTestId('h5-vol-problem-idNumber').textContent()).toContain('身份证');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: path.join(screenshotDir, 'h5-volunteer-join.png'), fullPage: true });
    await page.getByTestId('h5-vol-id-number').fill(idCard('50010820030101123'));
    await page.getByTestId('h5-vol-submit').click();
    await page.getByTestId('h5-volunteer-joined').waitFor();
    expect(await page.getByTestId('h5-volunteer-joined-status').textContent()).toContain('待审核');
    await page.screenshot({ path: path.join(screenshotDir, 'h5-volunteer-joined.png'), fullPage: true });
  });

  it('a student volunteer sees her record, signs in and out of a session by its code, and downloads her certificate', async () => {
    const staff = await apiLogin(env.url, 'lgd_shegong', DEMO_PASSWORD);
    const opened = await fetch(`${env.url}/api/service-hours/sessions`, {
      method: 'POST',
      headers: { cookie: staff, 'content-type': 'application/json', origin: env.url },
      body: JSON.stringify({ sourceKind: 'activity', title: '家属院垃圾分类督导', place: '家属院东门', durationMinutes: 240 }),
    });
    expect(opened.status).toBe(201);
    const { code } = (await opened.json()) as { code: string };

    const page = await phoneAs(env, 'lgd_zhiyuan', viewport);
    await page.getByTestId('h5-volunteer-link').click();
    await page.getByTestId('h5-volunteer-me').waitFor();
    expect(await page.getByTestId('h5-volunteer-status').textContent()).toBe('已通过');
    expect(await page.getByTestId('h5-volunteer-star').textContent()).toBe('一星');
    expect(await page.getByTestId('h5-volunteer-next-star').textContent()).toMatch(/再服务 [\d.]+ 小时可评为二星/);
    expect(await page.getByTestId('h5-volunteer-entry').count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: path.join(screenshotDir, 'h5-volunteer-me.png'), fullPage: true });
    const href = (await page.getByTestId('h5-volunteer-certificate').getAttribute('href'))!;
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pdf = await fetch(env.url + href, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    await page.getByTestId('h5-volunteer-sign-link').click();
    await page.getByTestId('h5-volunteer-sign').waitFor();
    await page.getByTestId('h5-sign-code').fill('000000');
    await page.getByTestId('h5-sign-in').click();
    await expect.poll(() => page.getByTestId('h5-sign-error').textContent()).toContain('签到码不正确');
    await page.getByTestId('h5-sign-code').fill(code);
    await page.getByTestId('h5-sign-in').click();
    await expect.poll(() => page.getByTestId('h5-sign-result').textContent()).toContain('签到成功');
    expect(await page.getByTestId('h5-sign-result').textContent()).toContain('家属院垃圾分类督导');
    await page.getByTestId('h5-sign-open').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: path.join(screenshotDir, 'h5-volunteer-sign.png'), fullPage: true });
    await page.getByTestId('h5-sign-code').fill(code);
    await page.getByTestId('h5-sign-out').click();
    await expect.poll(() => page.getByTestId('h5-sign-result').textContent()).toContain('签退成功');
  });
});
