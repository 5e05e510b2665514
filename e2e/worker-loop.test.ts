import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngWithText } from '../apps/api/test/images.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs as consoleAsIn, phoneAs as phoneAsIn } from './support/login.js';
import { pickDate, pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

/** Issue 7.6 and 7.7: the secretary's inbox, a dispatch with its deadline and instruction, the worker's phone, and rework. */
describe.runIf(run)("tickets: the worker's loop and the secretary's inbox", () => {
  const env = useServerAndBrowser();

  it('the secretary opens 待受理 from the overview, dispatches with a deadline and an instruction; the worker calls, photographs before and after; a dissatisfied rating comes back as rework', async () => {
    const sec = await consoleAsIn(env, 'jgc_shuji', { path: '/overview', ready: 'ticket-inbox' });
    // A ticket registered at the desk, with the resident's phone.
    const cats = (await (await sec.request.get(`${env.url}/api/ticket-categories`)).json()) as { items: Array<{ id: number; nameZh: string }> };
    const created = (await (
      await sec.request.post(`${env.url}/api/tickets`, {
        data: {
          channel: 'walk_in',
          categoryId: cats.items.find((c) => c.nameZh === '一般诉求')!.id,
          title: '单元门禁坏了',
          description: '金海花园1号楼2单元门禁坏了三天',
          reporterName: '李大爷',
          reporterPhone: '13893100456',
        },
      })
    ).json()) as { id: number; code: string; handover: { link: string } };

    // The inbox counts; 待受理 opens the list filtered on the server.
    await sec.reload();
    await expect.poll(async () => Number(await sec.getByTestId('inbox-pending').locator('.ant-statistic-content-value').textContent())).toBeGreaterThan(0);
    await sec.screenshot({ path: path.join(screenshotDir, 'console-inbox.png') });
    await sec.getByTestId('inbox-pending').click();
    await sec.getByTestId('inbox-filter').waitFor();
    expect(await sec.getByTestId('inbox-filter').textContent()).toContain('待受理');
    await sec.getByTestId('tickets-table').getByText(created.code).waitFor();
    const statuses = await sec.getByTestId('tickets-table').locator('tbody .ant-tag').allTextContents();
    expect(statuses.filter((s) => s !== '超期').every((s) => s === '待受理')).toBe(true);

    // Accept, then dispatch to the grid worker with a deadline and an instruction.
    await sec.getByTestId('tickets-table').getByText(created.code).click();
    await sec.getByTestId('action-accept').click();
    await sec
      .getByTestId('action-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await sec.getByTestId('action-modal').waitFor({ state: 'hidden' });
    await sec.getByTestId('action-assign').click();
    const modal = sec.getByTestId('action-modal');
    await pickOption(modal.getByTestId('assignee-select'), '孙网格');
    const due = new Date(Date.now() + 3 * 86_400_000);
    const bj = new Date(due.getTime() + 8 * 3600_000);
    const dueText = `${bj.toISOString().slice(0, 10)} 17:00`;
    await pickDate(modal.locator('.ant-picker input'), dueText);
    await modal.getByTestId('action-note').fill('先联系物业维修，修好后拍照');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => sec.getByTestId('ticket-status').textContent()).toBe('已派单');
    expect(await sec.getByTestId('ticket-drawer').textContent()).toContain('先联系物业维修，修好后拍照');
    const assigned = (await (await sec.request.get(`${env.url}/api/tickets/${created.id}`)).json()) as { dispatchDueAt: string };
    expect(assigned.dispatchDueAt).toBe(new Date(`${dueText.replace(' ', 'T')}:00+08:00`).toISOString());

    // The grid worker's phone: the instruction, the deadline, one tap to call, photos before and after.
    let grid = await phoneAsIn(env, 'jgc_wangge', { width: 360, height: 740 });
    await grid.getByTestId('h5-tasks-link').click();
    await grid.getByTestId(`task-${created.code}`).click();
    expect(await grid.getByTestId('task-instruction').textContent()).toContain('先联系物业维修，修好后拍照');
    expect(await grid.getByTestId('task-due').textContent()).toContain('17:00');
    const phoneShown = grid.waitForResponse((r) => r.url().endsWith(`/api/tickets/${created.id}/reporter-phone`));
    await grid.getByTestId('task-call').click();
    expect(((await (await phoneShown).json()) as { phone: string }).phone).toBe('13893100456');
    // tel: hands over to the dialer; headless Chromium (156+) then holds the tab behind its "open app?" prompt and
    // drops clicks, so the worker comes back to the task in a fresh tab, as after a call.
    await grid.close();
    grid = await grid.context().newPage();
    await grid.goto(`${env.url}/h5/tasks/${created.id}`);
    await grid.getByTestId('task-before-photos').setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: pngWithText() });
    await grid.getByTestId('task-before-upload').click();
    await grid.getByTestId('task-photo-before').waitFor();
    await grid.getByTestId('task-start').click();
    await expect.poll(() => grid.getByTestId('task-status').textContent()).toBe('办理中');
    await grid.getByTestId('task-resolve').click();
    await grid.getByTestId('task-note').fill('已更换门禁主板');
    await grid.getByTestId('task-photos').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: pngWithText() });
    await grid.getByTestId('task-confirm').click();
    await expect.poll(() => grid.getByTestId('task-status').textContent()).toBe('已办结');
    await grid.getByTestId('task-photo-after').waitFor();
    expect(await grid.getByTestId('task-timeline').textContent()).toContain('办理后');
    expect(await grid.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await grid.screenshot({ path: path.join(screenshotDir, 'h5-task-before-after.png'), fullPage: true });
    // Both photos are kept with their label.
    const views = (await (await sec.request.get(`${env.url}/api/tickets/${created.id}`)).json()) as { photos: Array<{ stage: string }> };
    expect(views.photos.map((p) => p.stage)).toEqual(['before', 'after']);

    // The resident rates dissatisfied: no "thank you", the rating on the timeline, and the ticket goes back as rework.
    const resident = await (await env.browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, locale: 'zh-CN' })).newPage();
    await resident.goto(env.url + created.handover.link);
    await resident.getByTestId('rate-dissatisfied').click();
    await resident.getByTestId('rate-thanks').waitFor();
    expect(await resident.getByTestId('rate-thanks').textContent()).not.toContain('感谢');
    expect(await resident.getByTestId('rate-thanks').textContent()).toContain('重新办理');
    expect(await resident.locator('.timeline').textContent()).toContain('已评价 · 不满意');
    await resident.screenshot({ path: path.join(screenshotDir, 'h5-rated-dissatisfied.png') });

    await grid.goto(`${env.url}/h5/tasks`);
    await grid.getByTestId(`task-${created.code}`).getByTestId('rework-badge').waitFor();
    expect(await grid.getByTestId(`task-${created.code}`).getByTestId('rework-badge').textContent()).toBe('重新办理');

    // The secretary's inbox counts it under 不满意, and the count opens it.
    await sec.goto(env.url + '/overview');
    await sec.getByTestId('inbox-dissatisfied').click();
    await sec.getByTestId('tickets-table').getByText(created.code).waitFor();
    await sec.getByTestId('tickets-table').getByText(created.code).click();
    await sec.getByTestId('ticket-rework').waitFor();
    expect(await sec.getByTestId('ticket-timeline').textContent()).toContain('不满意');
    await sec.screenshot({ path: path.join(screenshotDir, 'console-rework.png') });
  });
});
