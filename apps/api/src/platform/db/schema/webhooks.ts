import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt, Timestamp, Json } from './common.js';

/** Tables of the webhooks module. */
export interface WebhooksTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export interface WebhooksTable {
  id: Id;
  community_id: number;
  name: string;
  url: string;
  format: 'json' | 'wecom' | 'dingtalk' | 'feishu';
  secret: string | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  consecutive_failures: Generated<number>;
  failing_since: Timestamp | null;
  backoff_until: Timestamp | null;
  last_error: string | null;
  paused_at: Timestamp | null;
  pause_reason: string | null;
}
export interface WebhookDeliveriesTable {
  id: Id;
  community_id: number;
  webhook_id: number;
  event: string;
  payload: Json;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
  outbox_id: number | null;
}
