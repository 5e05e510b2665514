import type { LadderStepKind } from '@linli/contracts';

/** One notice of the ladder, to one person. Never carries a check-in token. */
export interface CareNotice {
  communityId: number;
  recipientId: number;
  step: LadderStepKind;
  /** Who it is for, as the ledger names them (a masked name for the recipient). */
  toName: string;
  /** The whole phone number of the person told, where the provider sends by phone; never logged. */
  toPhone: string | null;
  text: string;
}

/**
 * An SMS or WeChat provider a community has signed up with. Every notice also goes out as a domain event
 * (`care.checkin.step`), which the webhooks and the WeCom/DingTalk/Feishu group bots carry; a provider is extra.
 * No real provider is written yet (ADR 0040): `careNotifiers` stays empty until a community brings one.
 */
export interface CareNotifier {
  name: string;
  send(notice: CareNotice): Promise<void>;
}

/** Providers by community id; empty by default. */
export const careNotifiers = new Map<number, CareNotifier>();
