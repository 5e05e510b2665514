import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

/** "YYYY-MM-DD" in Beijing, `days` from today. */
const beijingDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe.runIf(run)('书记面对面: the secretary records a session with two departments and follows a commitment up', () => {
  const env = useServerAndBrowser();

  it('records the session, an item, an answer with a commitment, marks it kept, and prints the record', async () => {
    // Two departments serving 凌霄, registered by the system admin (the organisations register is ADR 0027's).
    const admin = await consoleAs(env, 'admin', { path: '/overview', ready: 'nav' });
    const communities = (await (await admin.request.get(env.url + '/api/communities')).json()).items as Array<{
      id: number;
      name: string;
      subdistrictId: number;
    }>;
    const lx = communities.find((c) => c.name === '凌霄社区')!;
    const department = async (name: string, departmentType: string) => {
      const res = await admin.request.post(env.url + '/api/organisations', {
        data: {
          kind: 'department',
          departmentType,
          name,
          contactPhone: '0574-86112345',
          subdistrictId: lx.subdistrictId,
          areas: [{ kind: 'community', id: lx.id }],
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: number; name: string };
    };
    const chengguan = await department('新碶街道综合执法中队（e2e）', 'chengguan');
    const power = await department('北仑供电新碶营业所（e2e）', 'power');

    const page = await consoleAs(env, 'lx_shuji', { path: '/secretary-sessions', ready: 'sessions-table', height: 1000 });
    await page.getByTestId('session-new').click();
    await page.getByTestId('session-place').fill('凌霄社区红领驿站');
    const pick = (testId: string, name: string) => pickOption(page.getByTestId(testId), name, { exact: true });
    await pick('attendee-org-0', chengguan.name);
    await page.getByTestId('attendee-name-0').fill('周支书');
    await page.getByTestId('attendee-add').click();
    await pick('attendee-org-1', power.name);
    await page.getByTestId('attendee-name-1').fill('郑支书');
    await page.getByTestId('session-save').click();
    await page.getByTestId('session-page').waitFor();

    // A matter raised at the table, for 城管.
    await page.getByTestId('item-add').click();
    await page.locator('label', { has: page.getByTestId('item-raised') }).click();
    await pick('item-organisation', chengguan.name);
    await page.getByTestId('item-subject').fill('沿街楼道堆放装修垃圾');
    await page.getByTestId('add-item-ok').click();
    const item = page.locator('[data-testid^="item-"]').filter({ hasText: '沿街楼道堆放装修垃圾' }).first();
    await item.waitFor();
    await expect.poll(() => item.getByTestId('commitment-state').textContent()).toBe('未承诺');

    // The department's answer and its commitment, written at the table on its behalf.
    await item.getByRole('button', { name: '记录答复' }).click();
    await page.getByTestId('answer-text').fill('会同物管中心集中整治');
    await page.getByTestId('answer-commitment').fill('三天内清理完毕');
    await page.getByTestId('answer-promised-on').click();
    await page.getByTestId('answer-promised-on').fill(beijingDay(3));
    await page.getByTestId('answer-text').click();
    await expect.poll(() => page.getByTestId('answer-promised-on').inputValue()).toBe(beijingDay(3));
    await page.getByTestId('answer-ok').click();
    await expect.poll(() => item.getByTestId('commitment-state').textContent()).toBe('落实中');
    await expect.poll(() => item.textContent()).toContain('代为记录');

    // Followed up: kept.
    await item.getByRole('button', { name: '跟踪落实' }).click();
    await page.locator('label', { has: page.getByTestId('follow-up-status-kept') }).click();
    await page.getByTestId('follow-up-note').fill('回访：楼道已清理干净');
    await page.getByTestId('follow-up-ok').click();
    await expect.poll(() => item.getByTestId('commitment-state').textContent()).toBe('已兑现');
    await expect.poll(() => item.textContent()).toContain('回访：楼道已清理干净');

    await page.screenshot({ path: path.join(screenshotDir, 'console-secretary-session.png'), fullPage: true });

    // The printed record: title, place, both departments, the item with its answer, and sign-off lines.
    await page.getByTestId('session-print').click();
    const record = page.getByTestId('session-record');
    await record.waitFor();
    const text = (await record.textContent()) ?? '';
    for (const s of [
      '凌霄社区 书记面对面 会议记录',
      '凌霄社区红领驿站',
      chengguan.name,
      power.name,
      '周支书',
      '沿街楼道堆放装修垃圾',
      '三天内清理完毕',
      '已兑现',
      '社区书记（签字）',
    ])
      expect(text).toContain(s);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshotDir, 'console-secretary-session-print.png'), fullPage: true });
  });
});
