import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngWithText } from '../apps/api/test/images.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs, phoneAs } from './support/login.js';

const run = requireBrowserOrExplain();
const phone = { width: 390, height: 844 };

/** Issue 12: 报安鸟 — one taps 平安 on the phone, another misses it, the ladder files a visit ticket, the grid worker closes it. */
describe.runIf(run)('报平安: a check-in by link, a missed one chased to a visit ticket that the grid worker closes', () => {
  const env = useServerAndBrowser();

  it('one taps 平安; a missed check-in climbs to a visit ticket; the grid worker visits, resolves it and checks her in', async () => {
    const sec = await consoleAs(env, 'lgd_shuji', { path: '/care-board', ready: 'checkins-today' });
    const api = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> => {
      const r = await sec.request.fetch(env.url + url, { method, ...(data ? { data } : {}) });
      expect(r.ok(), `${method} ${url}: ${await r.text()}`).toBe(true);
      return (await r.json()) as T;
    };
    const recipients = (await api<{ items: Array<{ id: number; residentId: number; name: string }> }>('GET', '/api/care-recipients?pageSize=100')).items;
    expect(recipients.length).toBeGreaterThan(50);

    // The secretary issues a link for one of 理工大's elderly people in the drawer: shown once, with a QR code to print.
    await sec.goto(`${env.url}/care-recipients`);
    await sec.getByTestId('care-recipients').locator('tbody tr.ant-table-row').first().click();
    await sec.getByTestId('checkin-issue').click();
    const issued = sec.getByTestId('checkin-issued');
    await issued.locator('canvas, svg').first().waitFor();
    const link = (await issued.locator('.ant-typography').textContent())!.trim();
    expect(link).toMatch(/\/h5\/checkin#t=.{20,}/);
    await sec.screenshot({ path: path.join(screenshotDir, 'console-checkin-link.png') });
    // The table's first row: the list's first page in the same order.
    const first = (await api<{ items: Array<{ id: number }> }>('GET', '/api/care-recipients?pageSize=20')).items[0]!;
    // The phone page needs no login: one big button.
    const elder = await (await env.browser.newContext({ viewport: phone, isMobile: true, hasTouch: true, locale: 'zh-CN' })).newPage();
    await elder.goto(link);
    await elder.getByTestId('checkin-button').click();
    await elder.getByTestId('checkin-done').waitFor();
    expect(await elder.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await elder.screenshot({ path: path.join(screenshotDir, 'h5-checkin-done.png') });
    const today = () =>
      api<{ items: Array<{ recipientId: number; status: string; ladder: Array<{ kind: string; ticketId: number | null }> }> }>('GET', '/api/check-ins/today');
    expect((await today()).items.find((i) => i.recipientId === first.id)?.status).toBe('done');

    // Another resident living alone comes into care; her window closed at midnight and the community's ladder goes
    // straight to a visit ticket, so the minute sweep of the running server files one.
    const inCare = new Set(recipients.map((r) => r.residentId));
    const residents = (await api<{ items: Array<{ id: number; name: string }> }>('GET', '/api/residents?pageSize=100')).items;
    const resident = residents.find((r) => !inCare.has(r.id))!;
    const added = await api<{ id: number; name: string }>('POST', '/api/care-recipients', {
      residentId: resident.id,
      tier: 'high',
      qualifyingTags: ['living_alone'],
    });
    await api('PUT', '/api/check-ins/ladder', { steps: [{ kind: 'visit_ticket', afterMinutes: 0 }] });
    await api('PUT', `/api/check-ins/plans/${added.id}`, { dueBy: '00:00', isActive: true });
    let ticketId: number | null = null;
    await expect
      .poll(
        async () => {
          const mine = (await today()).items.find((i) => i.recipientId === added.id);
          ticketId = mine?.ladder.find((s) => s.kind === 'visit_ticket')?.ticketId ?? null;
          return ticketId;
        },
        { timeout: 150_000, interval: 2_000 },
      )
      .not.toBeNull();
    const ticket = await api<{ id: number; code: string; title: string; status: string }>('GET', `/api/tickets/${ticketId}`);
    expect(ticket.title).toContain('未报平安');
    // The board counts her among the missed (ten a page, missed first; the demo's own misses may come before her).
    await sec.goto(`${env.url}/care-board`);
    await expect.poll(async () => Number((await sec.getByTestId('checkins-count-missed').textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThan(0);
    await sec.screenshot({ path: path.join(screenshotDir, 'console-care-board.png'), fullPage: true });

    // The secretary sends it to the grid worker; he visits, resolves the ticket and checks her in from his phone.
    const accounts = (await api<{ items: Array<{ id: number; username: string }> }>('GET', '/api/accounts?pageSize=100')).items;
    const grid = accounts.find((a) => a.username === 'lgd_wangge')!;
    if (ticket.status === 'submitted') await api('POST', `/api/tickets/${ticket.id}/accept`, {});
    await api('POST', `/api/tickets/${ticket.id}/assign`, { assigneeId: grid.id, note: '请马上上门看望' });
    const worker = await phoneAs(env, 'lgd_wangge', phone);
    await worker.getByTestId('h5-tasks-link').click();
    await worker.getByTestId(`task-${ticket.code}`).click();
    await worker.getByTestId('task-start').click();
    await expect.poll(() => worker.getByTestId('task-status').textContent()).toBe('办理中');
    await worker.getByTestId('task-resolve').click();
    await worker.getByTestId('task-note').fill('已上门，老人在家睡着了没听到电话，身体无恙');
    await worker.getByTestId('task-photos').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: pngWithText() });
    await worker.getByTestId('task-confirm').click();
    await expect.poll(() => worker.getByTestId('task-status').textContent()).toBe('已办结');

    await worker.goto(`${env.url}/h5`);
    await worker.getByTestId('h5-checkins-link').click();
    const row = worker.getByTestId(`chase-${added.id}`);
    await row.getByRole('button').click();
    await row.waitFor({ state: 'detached' });
    expect(await worker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await worker.screenshot({ path: path.join(screenshotDir, 'h5-checkin-chase.png'), fullPage: true });
    const after = (await today()).items.find((i) => i.recipientId === added.id)!;
    expect(after.status).toBe('done');
    expect((await api<{ status: string }>('GET', `/api/tickets/${ticket.id}`)).status).toBe('resolved');
  }, 400_000);
});
