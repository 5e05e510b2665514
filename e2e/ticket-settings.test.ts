import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

describe.runIf(run)("ticket rules: a secretary sets the community's follow-up rules and default assignees", () => {
  const env = useServerAndBrowser();

  it('changes the reopen limit, names a default assignee, and the dispatch dialog offers it', async () => {
    const page = await consoleAs(env, 'jgc_shuji', { path: '/ticket-settings', ready: 'ticket-settings-page', height: 900 });

    // The demo sends environment tickets to the grid worker of their grid.
    await expect.poll(() => page.getByTestId('ts-default-environment').textContent()).toBe('所在网格的网格员');
    await expect.poll(() => page.getByTestId('ts-reopen-limit').inputValue()).toBe('2');

    // An emptied field is refused under its name, in Chinese, and nothing is saved.
    await page.getByTestId('ts-reopen-limit').fill('1');
    await page.getByTestId('ts-unrated-days').fill('');
    await page.getByTestId('ts-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toContain('未评价自动结案天数');
    expect(await (await page.request.get(env.url + '/api/ticket-settings')).json()).toMatchObject({ reopenLimit: 2, unratedCloseDays: 7 });
    await page.getByTestId('ts-unrated-days').fill('10');
    await page.getByTestId('ts-save').click();
    await expect.poll(async () => (await page.request.get(env.url + '/api/ticket-settings')).json()).toMatchObject({ reopenLimit: 1, unratedCloseDays: 10 });
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(0);

    // Property tickets go to the demo's property company from now on.
    await page.getByTestId('ts-edit-property').click();
    await pickOption(page.getByTestId('ts-assignee-kind'), '共建单位', { exact: true });
    const partners = (await (await page.request.get(env.url + '/api/partners?pageSize=5')).json()).items as Array<{ name: string }>;
    const partnerName = partners[0]!.name;
    await pickOption(page.getByTestId('ts-assignee-id'), partnerName, { exact: true });
    await page.getByTestId('ts-category-save').click();
    await expect.poll(() => page.getByTestId('ts-default-property').textContent()).toBe(`共建单位 · ${partnerName}`);
    await page.screenshot({ path: path.join(screenshotDir, 'console-ticket-settings.png'), fullPage: true });

    // A property ticket, accepted: the dispatch dialog says who gets it when nobody is chosen, and it goes there.
    const cats = (await (await page.request.get(env.url + '/api/ticket-categories')).json()).items as Array<{ id: number; code: string }>;
    const created = await page.request.post(env.url + '/api/tickets', {
      data: { channel: 'walk_in', categoryId: cats.find((c) => c.code === 'property')!.id, title: '电梯异响', description: '2号楼电梯运行时有异响' },
    });
    const ticket = await created.json();
    expect((await page.request.post(env.url + `/api/tickets/${ticket.id}/accept`, { data: {} })).status()).toBe(200);
    await page.goto(env.url + '/tickets');
    await page.getByTestId('tickets-table').getByText(ticket.code).click();
    await page.getByTestId('action-assign').click();
    await expect.poll(() => page.getByTestId('assignee-default').textContent()).toBe(`留空则派给本类别的默认承办：${partnerName}`);
    await page
      .getByTestId('action-modal')
      .getByRole('button', { name: '保 存' })
      .or(page.getByTestId('action-modal').getByRole('button', { name: '保存' }))
      .click();
    await expect.poll(async () => (await (await page.request.get(env.url + `/api/tickets/${ticket.id}`)).json()).assigneeName).toBe(partnerName);
  });
});
