import http from 'node:http';
import https from 'node:https';
import { checkWebhookUrl, checkedLookup, RefusedAddressError, type AllowList } from './url-policy.js';

export interface SendResult {
  statusCode: number;
}

/**
 * One POST to a webhook: the URL is judged again, a host name is resolved through `checkedLookup` (the connection uses
 * the address that was checked), redirects are not followed, and the whole call ends after `timeoutMs`.
 * A fresh connection per call (no agent), so a pinned address is never reused after the name changes.
 */
export function postWebhook(target: string, headers: Record<string, string>, body: string, opts: { allow: AllowList; timeoutMs: number }): Promise<SendResult> {
  const verdict = checkWebhookUrl(target, opts.allow);
  if (!verdict.ok) return Promise.reject(new RefusedAddressError(`refused: ${verdict.reason}`));
  const url = new URL(target);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      agent: false,
      // An allow-listed name may resolve anywhere; every other name must resolve to allowed addresses only.
      lookup: verdict.isHostAllowed ? undefined : checkedLookup(opts.allow),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    req.on('error', (err) => reject(err.name === 'AbortError' ? new Error(`timed out after ${opts.timeoutMs} ms`) : err));
    req.once('response', (res) => {
      resolve({ statusCode: res.statusCode ?? 0 });
      // The answer's body is not needed: drop it and the connection.
      res.resume();
      res.on('error', () => undefined);
      req.destroy();
    });
    req.end(body);
  });
}
