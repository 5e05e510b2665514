import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { settingsRow } from './refs.repository.js';
import { isRoundingRule, type RoundingRule } from './rounding.js';
import { defaultStarThresholds } from './stars.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface VolunteerSettings {
  roundingRule: RoundingRule;
  starThresholds: number[];
  activityCapMinutes: number | null;
  certificateResponsible: string | null;
  certificateHandler: string | null;
  certificateContact: string | null;
}

/** A community's settings, or the defaults (Chongqing rounding, stars at 100/300/600/1000/1500 h, no cap). */
export async function settingsOf(db: Db, communityId: CommunityId): Promise<VolunteerSettings> {
  const row = await settingsRow(db, communityId);
  return {
    roundingRule: row && isRoundingRule(row.rounding_rule) ? row.rounding_rule : 'chongqing',
    starThresholds: row?.star_thresholds?.length ? row.star_thresholds.map(Number) : [...defaultStarThresholds],
    activityCapMinutes: row?.activity_cap_minutes ?? null,
    certificateResponsible: row?.certificate_responsible ?? null,
    certificateHandler: row?.certificate_handler ?? null,
    certificateContact: row?.certificate_contact ?? null,
  };
}
