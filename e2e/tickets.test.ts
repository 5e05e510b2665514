import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pngWithText } from '../apps/api/test/images.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs as consoleAsIn, phoneAs as phoneAsIn } from './support/login.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

describe.runIf(run)('tickets: the closed loop in the browser', () => {
  const env = useServerAndBrowser();

  // A browser far from Beijing (UTC-10): its "today" differs from Beijing's 18 hours a day, so periods must be Beijing days.
  const consoleAs = (username: string) => consoleAsIn(env, username, { timezoneId: 'Pacific/Honolulu' });
  const phoneAs = (username: string) => phoneAsIn(env, username);

  /** From the helper's home: my tasks, the ticket, start, then resolve with a result. */
  async function resolveOnPhone(page: Page, code: string, result: string, shots = false) {
    await expect.poll(() => page.getByTestId('h5-task-badge').textContent()).toBe('1');
    if (shots) await page.screenshot({ path: path.join(screenshotDir, 'h5-helper-home.png') });
    await page.getByTestId('h5-tasks-link').click();
    await page.getByTestId(`task-${code}`).waitFor();
    if (shots) await page.screenshot({ path: path.join(screenshotDir, 'h5-tasks.png') });
    await page.getByTestId(`task-${code}`).click();
    expect(await page.getByTestId('task-status').textContent()).toBe('已派单');
    await page.getByTestId('task-start').click();
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('办理中');
    await page.getByTestId('task-resolve').click();
    if (shots) {
      // Resolving without a result is refused, naming the field.
      await page.getByTestId('task-confirm').click();
      expect(await page.getByRole('alert').textContent()).toBe('办理结果不能为空');
    }
    await page.getByTestId('task-note').fill(result);
    // A photo of the result, the first time round.
    if (shots) await page.getByTestId('task-photos').setInputFiles({ name: 'result.png', mimeType: 'image/png', buffer: pngWithText() });
    if (shots) await page.screenshot({ path: path.join(screenshotDir, 'h5-task-resolve.png'), fullPage: true });
    await page.getByTestId('task-confirm').click();
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('已办结');
    expect(await page.getByTestId('task-timeline').textContent()).toContain(result);
    if (shots) await expect.poll(() => page.getByTestId('task-timeline').textContent()).toContain('补充了照片');
  }
  async function actInDrawer(page: Page, code: string, action: string, fill?: (p: Page) => Promise<void>) {
    await page.getByTestId('tickets-table').getByText(code).click();
    await page.getByTestId(`action-${action}`).click();
    if (fill) await fill(page);
    await page
      .getByTestId('action-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByTestId('action-modal').waitFor({ state: 'hidden' });
    await page.locator('.ant-drawer-close').click();
  }

  it('a resident reports on the phone, staff assign, the grid worker resolves, the resident rates dissatisfied, then satisfied', async () => {
    const phoneCtx = await env.browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, locale: 'zh-CN' });
    const phone = await phoneCtx.newPage();
    await phone.goto(`${env.url}/h5?c=LZ-QLH-DHL-JGC`);
    await phone.getByTestId('h5-report-link').click();
    const form = phone.getByTestId('h5-report');
    await form.locator('select[name=categoryId] option', { hasText: '水电气暖' }).waitFor({ state: 'attached' });
    await form.locator('select[name=categoryId]').selectOption({ label: '水电气暖' });
    await form.locator('select[name=compoundId]').selectOption({ label: '金海花园' });
    await form.locator('input[name=addressText]').fill('2号楼1单元');
    await form.locator('textarea[name=description]').fill('楼道的灯和水泵都停了一整天');
    await form.locator('input[name=contactPhone]').fill('13893100088');
    await form.getByTestId('h5-photos').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: pngWithText() });
    await form.getByRole('button', { name: '提交' }).click();
    const tracking = (await phone.getByTestId('tracking-code').textContent())!.trim();
    expect(tracking).toMatch(/^LL[A-Z2-9]{10}$/);
    // The page keeps the full link with its key (in the fragment) for the resident to bookmark; staff work by the reference.
    expect(phone.url()).toContain(`/h5/track/${tracking}?new=1#k=`);
    const link = (await phone.getByTestId('tracking-link').textContent())!.trim();
    expect(link).toMatch(new RegExp(`/h5/track/${tracking}#k=[\\w-]{22}$`));
    const code = (await phone.getByTestId('ticket-reference').textContent())!.trim();
    expect(code).toMatch(/^GD\d{6,}$/);
    await expect.poll(() => phone.locator('.photos img').count()).toBe(1);
    await phone.screenshot({ path: path.join(screenshotDir, 'h5-submitted.png') });
    // While it is open the resident adds what has changed since.
    await phone.getByTestId('info-text').fill('晚上楼道全黑，老人下楼不安全');
    await phone.getByTestId('info-submit').click();
    await phone.getByTestId('info-done').waitFor();
    expect(await phone.locator('.timeline').textContent()).toContain('居民补充了情况：晚上楼道全黑，老人下楼不安全');

    const staff = await consoleAs('jgc_shegong');
    // The demo year is on the dashboard already: this ticket's part is what it adds.
    type Rate = { numerator: number; denominator: number };
    const rates = async () =>
      (await (await staff.request.get(`${env.url}/api/dashboard/community`)).json()) as { responseRate: Rate; resolutionRate: Rate; satisfactionRate: Rate };
    const before = await rates();
    await actInDrawer(staff, code, 'accept');
    await actInDrawer(staff, code, 'assign', async (p) => {
      await pickOption(p.getByTestId('assignee-select'), '孙网格');
    });

    // The grid worker works on the phone: my tasks, start, resolve with the result.
    const grid = await phoneAs('jgc_wangge');
    await resolveOnPhone(grid, code, '更换了水泵保险，已恢复供水', true);

    await phone.reload();
    expect(await phone.getByTestId('track-status').textContent()).toBe('已办结');
    await phone.getByTestId('rate-dissatisfied').click();
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toBe('已派单');

    await grid.goto(env.url + '/h5');
    await resolveOnPhone(grid, code, '电工重新接线，灯和水泵正常');
    // Without the link's key (the code typed in by hand), the phone's last four digits prove the report is theirs.
    await phone.goto(`${env.url}/h5/track/${tracking}`);
    await phone.getByTestId('rate-satisfied').click();
    await expect.poll(() => phone.getByRole('alert').textContent()).toBe('请输入反映问题时所留手机号的后四位');
    await phone.getByTestId('proof-last-four').fill('0088');
    await phone.getByTestId('rate-satisfied').click();
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toBe('已结案');
    await phone.screenshot({ path: path.join(screenshotDir, 'h5-closed.png') });

    await staff.reload();
    await staff.getByTestId('tickets-table').getByText(code).click();
    const timeline = await staff.getByTestId('ticket-timeline').textContent();
    for (const step of ['登记', '受理', '派单', '开始办理', '办结', '回访评价']) expect(timeline).toContain(step);
    await staff.screenshot({ path: path.join(screenshotDir, 'console-ticket.png') });

    // The dashboard counts it: answered in time, resolved as confirmed, and (last rating) satisfied.
    await staff.goto(env.url + '/dashboard');
    await expect.poll(() => staff.getByTestId('rate-satisfaction').textContent()).toMatch(/^\d{1,3}\.\d%$/);
    const after = await rates();
    expect(after.satisfactionRate).toEqual({
      ...after.satisfactionRate,
      numerator: before.satisfactionRate.numerator + 1,
      denominator: before.satisfactionRate.denominator + 1,
    });
    expect(after.resolutionRate.numerator).toBe(before.resolutionRate.numerator + 1);
    expect(after.responseRate.numerator).toBe(before.responseRate.numerator + 1);
    expect(after.responseRate.denominator).toBeGreaterThanOrEqual(before.responseRate.denominator + 1);
    await staff.screenshot({ path: path.join(screenshotDir, 'console-dashboard.png') });

    // The ledger lists it and exports it.
    // The demo year fills the ledger; today's page (Beijing day) holds this ticket.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const ledger = (await (await staff.request.get(`${env.url}/api/ledger?from=${today}&to=${today}&pageSize=200`)).json()) as {
      items: Array<{ code: string }>;
    };
    expect(ledger.items.map((r) => r.code)).toContain(code);
    await staff.goto(env.url + '/ledger');
    await staff.getByTestId('ledger-page').waitFor();
    await staff.getByTestId('ledger-export').click();
    await staff.getByTestId('ledger-download').waitFor();
    const download = await staff.request.get(env.url + (await staff.getByTestId('ledger-download').getAttribute('href'))!);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    expect((await download.body()).length).toBeGreaterThan(3000);
  });

  it('meeting mode registers three leads in a row, one answered on the spot', async () => {
    const page = await consoleAs('jgc_shuji');
    await page.getByTestId('meeting-mode').click();
    const modal = page.getByTestId('intake-modal');
    await modal.getByTestId('meeting-title').fill('金海花园喝茶议事会');
    const lead = async (title: string, answer?: string) => {
      await pickOption(modal.getByTestId('intake-category'), '一般诉求');
      await modal.getByTestId('intake-title').fill(title);
      await modal.getByTestId('intake-description').fill(`${title}，居民在议事会上提出`);
      if (answer) await modal.getByTestId('intake-answer').fill(answer);
      await modal.getByRole('button', { name: '登记并继续下一条' }).click();
    };
    await lead('商户煤气罐放在楼道', '社区当场联系商户，今天移走');
    await expect.poll(() => modal.getByTestId('meeting-count').textContent(), { timeout: 60_000 }).toContain('1');
    await lead('健身器材损坏');
    await expect.poll(() => modal.getByTestId('meeting-count').textContent(), { timeout: 60_000 }).toContain('2');
    await lead('楼前树枝遮挡采光');
    await expect.poll(() => modal.getByTestId('meeting-count').textContent(), { timeout: 60_000 }).toContain('3');
    const res = await page.request.get(`${env.url}/api/tickets?channel=meeting&pageSize=50`);
    // The demo year has meetings of its own: this meeting's leads are the ones with its title.
    const items = ((await res.json()) as { items: Array<{ title: string; status: string; meetingTitle: string }> }).items.filter(
      (t) => t.meetingTitle === '金海花园喝茶议事会',
    );
    expect(items.map((t) => [t.title, t.status]).sort()).toEqual(
      [
        ['商户煤气罐放在楼道', 'resolved'],
        ['健身器材损坏', 'submitted'],
        ['楼前树枝遮挡采光', 'submitted'],
      ].sort(),
    );
  });
});
