import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { phoneAs } from './support/login.js';
import { apiLogin } from './support/server.js';
import { pngWithText } from '../apps/api/test/images.js';

const run = requireBrowserOrExplain();
const viewport = { width: 390, height: 844 };

describe.runIf(run)('escalations on the phone: the grid worker requests, the department contact answers (issue 7)', () => {
  const env = useServerAndBrowser();

  it('孙网格 asks to escalate to 城管 from his task, the secretary approves, 城管 accepts and answers with a photo on the phone', async () => {
    const sec = await apiLogin(env.url, 'jgc_shuji', DEMO_PASSWORD);
    const json = async <T>(p: string, init: RequestInit = {}) =>
      (await (
        await fetch(env.url + p, { ...init, headers: { cookie: sec, 'content-type': 'application/json', origin: env.url, ...init.headers } })
      ).json()) as T;
    const cats = await json<{ items: Array<{ id: number; code: string }> }>('/api/ticket-categories');
    const receipt = (await (
      await fetch(`${env.url}/api/public/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          communityCode: 'LZ-QLH-DHL-JGC',
          categoryId: cats.items.find((c) => c.code === 'general')!.id,
          addressText: '金海花园北门',
          description: '北门外夜市油烟和噪音扰民，多次劝说无效',
          contactPhone: '13893100078',
        }),
      })
    ).json()) as { reference: string };
    const code = receipt.reference;
    expect(code).toMatch(/^GD\d+$/);
    const ticket = (await json<{ items: Array<{ id: number }> }>(`/api/tickets?q=${code}`)).items[0]!;

    // The grid worker asks for the escalation from the task page; the deadline is left to the organisation's default.
    const worker = await phoneAs(env, 'jgc_wangge', viewport);
    await worker.goto(`${env.url}/h5/tasks/${ticket.id}`);
    await worker.getByTestId('esc-request-open').click();
    await worker.locator('[data-testid=esc-request-org] option', { hasText: '七里河区城市管理局' }).waitFor({ state: 'attached' });
    await worker.getByTestId('esc-request-send').click();
    expect(await worker.getByRole('alert').textContent()).toBe('上报单位不能为空');
    await worker.getByTestId('esc-request-org').selectOption({ label: '七里河区城市管理局' });
    await worker.getByTestId('esc-request-reason').fill('夜市占道经营，需要城管执法');
    await worker.getByTestId('esc-request-send').click();
    await worker.getByTestId('esc-requested').waitFor();
    expect(await worker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    // The secretary approves the request (the console's part, here through the API).
    const requested = (await json<{ items: Array<{ id: number; status: string }> }>(`/api/escalations?ticketId=${ticket.id}`)).items;
    expect(requested.map((e) => e.status)).toEqual(['requested']);
    await json(`/api/escalations/${requested[0]!.id}/approve`, { method: 'POST', body: JSON.stringify({}) });

    // 城管's contact logs in on the phone and lands on the queue.
    const ctx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const cg = await ctx.newPage();
    await cg.goto(env.url + '/h5');
    await cg.locator('input[name=login]').fill('qlh_chengguan');
    await cg.locator('input[name=password]').fill(DEMO_PASSWORD);
    await cg.getByRole('button', { name: '登录' }).click();
    const item = cg.getByTestId(`h5-esc-${code}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('金港城社区');
    expect(await item.getByTestId('h5-esc-status').textContent()).toBe('待接收');
    await item.getByTestId('h5-esc-accept').click();
    await expect.poll(() => cg.getByTestId('esc-notice').textContent()).toBe('已接收，请在期限内答复');
    await expect.poll(() => item.getByTestId('h5-esc-status').textContent()).toBe('办理中');

    // An empty answer is refused on the phone, naming the field; then the result with a photo.
    await item.getByTestId('h5-esc-answer').click();
    await item.getByTestId('h5-esc-confirm').click();
    expect(await item.getByRole('alert').textContent()).toBe('办理结果不能为空');
    await item.getByTestId('h5-esc-text').fill('已联合执法，夜市移至指定区域');
    await item.getByTestId('h5-esc-photos').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: pngWithText() });
    expect(await cg.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await cg.screenshot({ path: path.join(screenshotDir, 'h5-escalation-answer.png'), fullPage: true });
    await item.getByTestId('h5-esc-confirm').click();
    await expect.poll(() => cg.getByTestId('esc-notice').textContent()).toBe('已答复，社区会告知居民');
    await expect.poll(() => cg.getByTestId(`h5-esc-${code}`).count()).toBe(0);

    const answered = await json<{ status: string; resultText: string; photoIds: number[] }>(`/api/escalations/${requested[0]!.id}`);
    expect(answered.status).toBe('answered');
    expect(answered.resultText).toBe('已联合执法，夜市移至指定区域');
    expect(answered.photoIds.length).toBeGreaterThan(0);
    await ctx.close();
  }, 400_000);
});
