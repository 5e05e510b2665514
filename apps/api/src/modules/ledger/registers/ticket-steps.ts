import { ticketActionLabel } from '@linli/contracts';

/** What a reminder's note names (tickets/acting/reminders.ts). */
const reminderLabels: Record<string, string> = {
  response_due_soon: '响应即将到期',
  response_overdue: '响应已超期',
  resolution_due_soon: '办结即将到期',
  resolution_overdue: '办结已超期',
};

/**
 * One step of the 办理过程 as the ledger prints it, in words, never a code: "补充照片 2 张", "催办：响应已超期".
 * `at` and the actor's name come first: "2026-03-02 09:10 派单（何社工）：请孙网格跟进".
 */
export function stepLine(e: { at: string | null; action: string; actor: string | null; note: string | null }): string {
  const label = ticketActionLabel('zh-CN', e.action);
  let detail = e.note ? `：${e.note}` : '';
  if (e.action === 'photos_added') detail = e.note && /^\d+$/.test(e.note) ? ` ${e.note} 张` : '';
  else if (e.action === 'reminded') detail = e.note ? `：${reminderLabels[e.note] ?? e.note}` : '';
  return `${e.at ?? ''} ${label}${e.actor ? `（${e.actor}）` : ''}${detail}`;
}
