import { roleCan, serviceSourceLabels, volunteerIdTypeLabels, type VolunteerIdType } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { logPiiAccess, writeAudit } from '../../platform/audit/audit.js';
import { beijingDate } from '../../platform/time.js';
import { maskIdCard } from '../../platform/crypto/pii.js';
import { placeRefs } from '../places/index.js';
import * as refs from './refs.repository.js';
import * as repo from './volunteers.repository.js';
import { settingsOf } from './settings.js';
import { hoursOf } from './rounding.js';
import { volunteerNumber } from './volunteers.presenter.js';
import { renderCertificate } from './certificate-pdf.js';

/**
 * Issues a numbered 志愿服务证明 for a period: takes the next certificate number of the community (never reused; the
 * row is kept; the same period with the same hours reprints the one already issued, as on the phone), prints the whole ID number only for a role that may see it (and logs that view), and answers the PDF.
 */
export async function certificatePdf(ctx: AppContext, actor: Actor, id: number, period: { from: string; to: string }) {
  authorize(actor, 'volunteers.certify');
  const v = await repo.sealedOf(ctx.db, scopeOf(actor), id);
  if (!v) throw notFound('volunteer');
  return issueCertificate(ctx, actor, v, period, { fullId: roleCan(actor.role, 'volunteers.viewPii'), byVolunteer: false });
}

/**
 * The volunteer's own 志愿服务证明 from the phone: only an approved volunteer, for their own record; their own ID number
 * printed whole (the view is logged). Asking again for the same period and hours reprints the certificate already
 * issued, with its number and date, so downloading twice does not spend certificate numbers.
 */
export async function myCertificatePdf(ctx: AppContext, actor: Actor, period: { from: string; to: string }) {
  authorize(actor, 'volunteers.self');
  const me = await repo.findByAccount(ctx.db, scopeOf(actor), actor.accountId);
  if (!me) throw notFound('volunteer');
  if (me.status !== 'approved') throw new AppError('VOLUNTEER_NOT_APPROVED', `volunteer is ${me.status}`);
  const v = await repo.sealedOf(ctx.db, scopeOf(actor), me.id);
  if (!v) throw notFound('volunteer');
  return issueCertificate(ctx, actor, v, period, { fullId: true, byVolunteer: true });
}

type SealedVolunteer = NonNullable<Awaited<ReturnType<typeof repo.sealedOf>>>;

async function issueCertificate(
  ctx: AppContext,
  actor: Actor,
  v: SealedVolunteer,
  period: { from: string; to: string },
  how: { fullId: boolean; byVolunteer: boolean },
) {
  const id = v.id;
  if (period.to < period.from) throw invalidField('to', 'before_start', { min: period.from });
  const cid = resolveCommunityId(actor, v.community_id);
  const from = new Date(`${period.from}T00:00:00+08:00`);
  const to = new Date(new Date(`${period.to}T00:00:00+08:00`).getTime() + 86_400_000);
  const [settings, entries, communities] = await Promise.all([
    settingsOf(ctx.db, cid),
    repo.hoursEntries(ctx.db, cid, { volunteerId: id, from, to, limit: 5000 }),
    placeRefs.communityRefs(ctx.db, [cid]),
  ]);
  const fullId = how.fullId;
  const plainId = v.id_number_enc ? ctx.pii.decrypt(v.id_number_enc) : '';
  const minutes = entries.reduce((s, e) => s + e.counted_minutes, 0);
  const { number, issuedOn } = await ctx.db.transaction().execute(async (trx) => {
    const earlier = await refs.sameCertificate(trx, cid, { volunteerId: id, from: period.from, to: period.to, minutes });
    if (earlier) {
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'volunteer.certificate_reprinted',
        entityType: 'volunteer',
        entityId: id,
        changes: { number: earlier.number, from: period.from, to: period.to, minutes },
      });
      if (fullId && plainId) await logIdView(trx, actor, cid, id);
      return { number: earlier.number, issuedOn: beijingDate(earlier.issued_at) };
    }
    const no = await refs.nextNumber(trx, cid, 'certificate');
    const issuedOn = beijingDate(new Date());
    const number = `${issuedOn.slice(0, 4)}-${String(cid).padStart(3, '0')}-${String(no).padStart(5, '0')}`;
    await refs.insertCertificate(trx, {
      community_id: cid,
      volunteer_id: id,
      certificate_no: no,
      number,
      period_from: period.from,
      period_to: period.to,
      counted_minutes: minutes,
      issued_by: actor.accountId,
    });
    if (fullId && plainId) await logIdView(trx, actor, cid, id);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'volunteer.certificate_issued',
      entityType: 'volunteer',
      entityId: id,
      changes: { number, from: period.from, to: period.to, minutes },
    });
    return { number, issuedOn };
  });
  const services = entries
    .filter((e) => e.corrects_entry_id == null)
    .map((e) => {
      const corrections = entries.filter((c) => c.corrects_entry_id === e.id).reduce((s, c) => s + c.counted_minutes, 0);
      return {
        date: beijingDate(e.started_at),
        title: e.source_title,
        kind: serviceSourceLabels['zh-CN'][e.source_kind],
        hours: hoursOf(e.counted_minutes + corrections),
        started: e.started_at.getTime(),
      };
    })
    .sort((a, b) => a.started - b.started);
  const data = await renderCertificate({
    number,
    issuedOn,
    name: v.name,
    idTypeLabel: volunteerIdTypeLabels['zh-CN'][v.id_type as VolunteerIdType] ?? v.id_type,
    idNumber: fullId ? plainId : maskIdCard(plainId),
    volunteerNumber: volunteerNumber(v.volunteer_no),
    from: period.from,
    to: period.to,
    hours: hoursOf(minutes),
    services,
    issuer: communities.get(cid)?.name ?? '',
    responsible: settings.certificateResponsible ?? '',
    // The volunteer is not the handler of their own certificate: the community's named handler, or left blank to sign.
    handler: settings.certificateHandler ?? (how.byVolunteer ? '' : actor.displayName),
    contact: settings.certificateContact ?? '',
  });
  return { number, data };
}

function logIdView(trx: Transaction<DB>, actor: Actor, cid: CommunityId, id: number) {
  return logPiiAccess(trx, cid, {
    actor_id: actor.accountId,
    entity_type: 'volunteer',
    entity_id: String(id),
    fields: ['idNumber'],
    request_id: actor.requestId,
  });
}
