import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs as consoleAsIn, phoneAs as phoneAsIn } from './support/login.js';
import { pngWithText } from '../apps/api/test/images.js';

const run = requireBrowserOrExplain();
const buildingHead = demoAccounts.find((a) => a.role === 'building_head' && a.community === '金港城社区')!;

describe.runIf(run)('helpers on the phone: door visits and the task list', () => {
  const env = useServerAndBrowser();

  // A small Android phone, 360 px wide: the narrowest the phone pages promise to fit.
  const phoneAs = (username: string) => phoneAsIn(env, username, { width: 360, height: 740 });
  const consoleAs = (username: string) => consoleAsIn(env, username);

  it('the building head of 金港城 registers two door visits on the phone; the social worker sees them as 入户走访', async () => {
    const phone = await phoneAs(buildingHead.username);
    await phone.getByTestId('h5-visit-link').click();
    const form = phone.getByTestId('h5-visit');
    await form.locator('[data-testid=visit-category] option', { hasText: '环境卫生' }).waitFor({ state: 'attached' });

    // Nothing chosen: refused on the phone, naming the field.
    await form.getByTestId('visit-save').click();
    expect(await form.getByTestId('visit-error').textContent()).toBe('问题类别不能为空');

    await form.getByTestId('visit-category').selectOption({ label: '环境卫生' });
    await form.getByTestId('visit-compound').selectOption({ label: '金海花园' });
    await form.locator('[data-testid=visit-building] option', { hasText: '1号楼' }).waitFor({ state: 'attached' });
    await form.getByTestId('visit-building').selectOption({ label: '1号楼' });
    await form.getByTestId('visit-address').fill('2单元 301');
    await form.getByTestId('visit-text').fill('楼道里堆放了旧家具和纸箱，影响通行。住户希望尽快清理');
    await form.getByTestId('visit-name').fill('王阿姨');
    await form.getByTestId('visit-phone').fill('1389310');
    await form.getByTestId('visit-save').click();
    expect(await form.getByTestId('visit-error').textContent()).toBe('居民手机号不是有效的手机号（11 位，以 1 开头）');
    await form.getByTestId('visit-phone').fill('13893100123');
    await form.getByTestId('visit-photos').setInputFiles({ name: 'corridor.png', mimeType: 'image/png', buffer: pngWithText() });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: path.join(screenshotDir, 'h5-visit.png'), fullPage: true });
    await form.getByTestId('visit-save').click();
    const first = (await phone.getByTestId('visit-code').textContent())!.trim();
    expect(first).toMatch(/^GD\d{6,}$/);
    // The resident gets their own tracking code, which is not the ticket's reference.
    expect((await phone.getByTestId('visit-tracking-code').textContent())!.trim()).toMatch(/^LL[A-Z2-9]{10}$/);
    await phone.screenshot({ path: path.join(screenshotDir, 'h5-visit-saved.png') });

    // The next door: the compound and building stay, the rest is cleared; this resident stays anonymous.
    await phone.getByTestId('visit-another').click();
    const again = phone.getByTestId('h5-visit');
    expect(await again.getByTestId('visit-text').inputValue()).toBe('');
    expect(await again.getByTestId('visit-compound').locator('option:checked').textContent()).toBe('金海花园');
    await expect.poll(() => again.getByTestId('visit-building').locator('option:checked').textContent()).toBe('1号楼');
    await again.getByTestId('visit-category').selectOption({ label: '安全隐患' });
    await again.getByTestId('visit-text').fill('单元门禁坏了三天，陌生人随意进出');
    await again.getByTestId('visit-anonymous').check();
    expect(await again.getByTestId('visit-name').count()).toBe(0);
    await again.getByTestId('visit-save').click();
    const second = (await phone.getByTestId('visit-code').textContent())!.trim();
    expect(second).not.toBe(first);

    const staff = await consoleAs('jgc_shegong');
    const rowOf = (code: string) => staff.getByTestId('tickets-table').locator('tr', { hasText: code });
    await rowOf(first).waitFor();
    const row1 = (await rowOf(first).textContent())!;
    for (const part of ['楼道里堆放了旧家具和纸箱，影响通行', '环境卫生', '入户走访', '金海花园', '待受理']) expect(row1).toContain(part);
    expect(await rowOf(second).textContent()).toContain('入户走访');
    await rowOf(first).click();
    const timeline = await staff.getByTestId('ticket-timeline').textContent();
    expect(timeline).toContain(buildingHead.name);
    await staff.screenshot({ path: path.join(screenshotDir, 'console-door-visit.png') });

    // Through the API the social worker reads who reported what; the anonymous one keeps no name or phone.
    const list = await staff.request.get(`${env.url}/api/tickets?channel=door_visit&pageSize=50`);
    const items = (
      (await list.json()) as {
        items: Array<{
          code: string;
          reporterName: string | null;
          reporterPhoneMasked: string | null;
          isAnonymous: boolean;
          buildingName: string | null;
          addressText: string | null;
        }>;
      }
    ).items;
    const firstId = (items as unknown as Array<{ code: string; id: number }>).find((t) => t.code === first)!.id;
    expect(((await (await staff.request.get(`${env.url}/api/tickets/${firstId}`)).json()) as { photoIds: number[] }).photoIds).toHaveLength(1);
    expect(items.find((t) => t.code === first)).toMatchObject({
      reporterName: '王阿姨',
      reporterPhoneMasked: '138****0123',
      isAnonymous: false,
      buildingName: '1号楼',
      addressText: '2单元 301',
    });
    expect(items.find((t) => t.code === second)).toMatchObject({ reporterName: null, reporterPhoneMasked: null, isAnonymous: true });
  });

  it('the task list badges overdue tickets red, and returning needs a reason', async () => {
    // A desk ticket, accepted and assigned to the grid worker through the API.
    const staff = await consoleAs('jgc_shegong');
    const cats = (await (await staff.request.get(`${env.url}/api/ticket-categories`)).json()) as { items: Array<{ id: number; nameZh: string }> };
    const created = await staff.request.post(`${env.url}/api/tickets`, {
      data: {
        channel: 'walk_in',
        categoryId: cats.items.find((c) => c.nameZh === '一般诉求')!.id,
        title: '路灯不亮',
        description: '金港城一期3号楼前的路灯不亮',
      },
    });
    const ticket = (await created.json()) as { id: number; code: string };
    const people = (await (await staff.request.get(`${env.url}/api/tickets/assignees`)).json()) as { items: Array<{ id: number; displayName: string }> };
    expect((await staff.request.post(`${env.url}/api/tickets/${ticket.id}/accept`, { data: {} })).status()).toBe(200);
    const assigned = await staff.request.post(`${env.url}/api/tickets/${ticket.id}/assign`, {
      data: { assigneeId: people.items.find((p) => p.displayName === '孙网格')!.id },
    });
    expect(assigned.status()).toBe(200);

    const phone = await phoneAs('jgc_wangge');
    // Deadlines are days away in a fresh demo; the list is made to answer as if this one had passed its deadline.
    await phone.route('**/api/tickets/tasks', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { items: Array<{ code: string; isOverdue: boolean }>; overdue: number };
      for (const t of body.items) if (t.code === ticket.code) t.isOverdue = true;
      body.overdue = body.items.filter((t) => t.isOverdue).length;
      await route.fulfill({ response: res, json: body });
    });
    await phone.reload();
    await expect.poll(() => phone.getByTestId('h5-helper-home').textContent()).toContain('1 件已超期');
    await phone.getByTestId('h5-tasks-link').click();
    const item = phone.getByTestId(`task-${ticket.code}`);
    expect(await item.getByTestId('overdue-badge').textContent()).toBe('已超期');
    expect(await item.evaluate((el) => getComputedStyle(el.querySelector('.badge.red')!).backgroundColor)).toBe('rgb(212, 56, 13)');
    await phone.screenshot({ path: path.join(screenshotDir, 'h5-tasks-overdue.png') });

    await item.click();
    await phone.getByTestId('task-return').click();
    await phone.getByTestId('task-confirm').click();
    expect(await phone.getByRole('alert').textContent()).toBe('退回原因不能为空');
    await phone.getByTestId('task-note').fill('不在我的网格，请改派第二网格');
    await phone.getByTestId('task-confirm').click();
    await expect.poll(() => phone.getByTestId('task-status').textContent()).toBe('已受理');
    const back = (await (await staff.request.get(`${env.url}/api/tickets/${ticket.id}`)).json()) as { status: string; assigneeId: number | null };
    expect(back).toMatchObject({ status: 'accepted', assigneeId: null });
  });
});
