import crypto from 'node:crypto';

export interface TicketEventPayload {
  event: 'ticket.created' | 'ticket.transitioned';
  action: string | null;
  occurredAt: string;
  ticket: { id: number; code: string; status: string; statusLabel: string; title: string; category: string; compound: string | null; dueAt: string };
}

/** A step of the missed check-in ladder (报平安): a masked name and the step, never a token or a phone (ADR 0040). */
export interface CareCheckinPayload {
  event: 'care.checkin.step';
  occurredAt: string;
  checkin: { recipientId: number; name: string; day: string; step: string; stepLabel: string; ticketId: number | null };
}

/** A reminder another module raises (a wish's claim due, an agreement up for renewal): a title and one line of text. */
export interface NoticePayload {
  event: 'wish.reminder' | 'agreement.renewal_due' | 'shift.uncovered';
  occurredAt: string;
  notice: { title: string; text: string };
}

export type WebhookPayload = TicketEventPayload | CareCheckinPayload | NoticePayload;

/** The group-bot line of any payload. */
function lineOf(p: WebhookPayload): { title: string; line: string } {
  if ('notice' in p) return { title: `邻里：${p.notice.title}`, line: `【邻里·${p.notice.title}】${p.notice.text}` };
  if (p.event === 'care.checkin.step') {
    const c = p.checkin;
    return { title: `邻里：${c.name} 未报平安`, line: `【邻里·报平安】${c.name} ${c.day} 还没有报平安\n已到：${c.stepLabel}` };
  }
  const t = p.ticket;
  const line = `【邻里】${p.event === 'ticket.created' ? '新诉求' : '诉求更新'}：${t.title}（${t.code}）\n状态：${t.statusLabel}　类别：${t.category}${t.compound ? `　小区：${t.compound}` : ''}\n办结时限：${t.dueAt}`;
  return { title: `邻里：${t.title}`, line };
}

/** The request one delivery makes: URL (DingTalk signs in the query), headers and body, per group-bot format. */
export function buildRequest(format: 'json' | 'wecom' | 'dingtalk' | 'feishu', url: string, secret: string | null, p: WebhookPayload, now: Date) {
  const { title, line } = lineOf(p);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  switch (format) {
    case 'json': {
      const body = JSON.stringify(p);
      if (secret) headers['x-linli-signature'] = `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
      return { url, headers, body };
    }
    case 'wecom':
      return { url, headers, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: line } }) };
    case 'dingtalk': {
      let target = url;
      if (secret) {
        // DingTalk: sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), both in the query.
        const timestamp = String(now.getTime());
        const sign = crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
        target += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
      }
      return {
        url: target,
        headers,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title, text: line.replace(/\n/g, '\n\n') } }),
      };
    }
    case 'feishu': {
      const body: Record<string, unknown> = { msg_type: 'text', content: { text: line } };
      if (secret) {
        // Feishu: sign = base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = "")), timestamp in seconds, both in the body.
        const timestamp = String(Math.floor(now.getTime() / 1000));
        body.timestamp = timestamp;
        body.sign = crypto.createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
      }
      return { url, headers, body: JSON.stringify(body) };
    }
  }
}

/** Seconds to wait after the nth failed attempt; after the last, the delivery is marked failed. */
export const backoffSeconds = [30, 120, 600, 3600, 6 * 3600];
