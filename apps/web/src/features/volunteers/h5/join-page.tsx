import { useEffect, useState } from 'react';
import type { JoinVolunteerInput } from '@linli/contracts';
import { formatFieldIssue } from '@linli/contracts/i18n';
import { roleCan } from '@linli/contracts/permissions';
import {
  volunteerIdTypeLabels,
  volunteerIdTypes,
  volunteerOriginLabels,
  volunteerStatusLabels,
  weekdaySlots,
  type VolunteerIdType,
  type VolunteerOrigin,
  type WeekdaySlot,
} from '@linli/contracts/volunteer-labels';
import { ApiError } from '../../../lib/api.js';
import { useT } from '../../../lib/i18n.js';
import { fetchMe } from '../../auth/api.js';
import { joinAsMe, joinPublic } from './api.js';
import { Choices, FieldError, Required } from './form-bits.js';
import './messages.js';

/** Who may sign up here: residents and people from outside (students, cadres, partner staff); 党员 register via 双报到. */
const origins: VolunteerOrigin[] = ['resident', 'student', 'cadre', 'partner_staff', 'other'];
type Field = 'name' | 'idNumber' | 'phone' | 'affiliation' | 'skills' | 'serviceAreas' | 'availability' | 'weekdaySlots' | 'idType' | 'origin';
const splitList = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** `/h5/volunteer/join?c=<community code>`: the registration form the volunteer-record rules ask for; staff review it. */
export function VolunteerJoinPage({ communityCode }: { communityCode: string | null }) {
  const { t, locale } = useT();
  const [idType, setIdType] = useState<VolunteerIdType>('resident_id_card');
  const [origin, setOrigin] = useState<VolunteerOrigin>('resident');
  const [skills, setSkills] = useState<string[]>([]);
  const [areas, setAreas] = useState<string[]>([]);
  const [slots, setSlots] = useState<WeekdaySlot[]>([]);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ number: string; status: string } | null>(null);
  const [asMe, setAsMe] = useState(false);
  useEffect(() => {
    // A helper who is logged in gets the application linked to their account.
    fetchMe().then(
      (me) => setAsMe(!!me && roleCan(me.role, 'volunteers.self')),
      () => setAsMe(false),
    );
  }, []);
  if (!communityCode) return <section className="card">{t('vh.noCommunity')}</section>;

  const labels: Record<Field, string> = {
    name: t('vh.name'),
    idNumber: t('vh.idNumber'),
    phone: t('vh.phone'),
    affiliation: t('vh.affiliation'),
    skills: t('vh.skills'),
    serviceAreas: t('vh.areas'),
    availability: t('vh.availability'),
    weekdaySlots: t('vh.slots'),
    idType: t('vh.idType'),
    origin: t('vh.origin'),
  };
  const clear = (f: Field) => setProblems((p) => ({ ...p, [f]: undefined }));
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const body: JoinVolunteerInput = {
      communityCode,
      name: text('name'),
      idType,
      idNumber: text('idNumber'),
      phone: text('phone'),
      origin,
      affiliation: text('affiliation') || null,
      skills: [...skills, ...splitList(text('skillsOther'))],
      serviceAreas: areas,
      weekdaySlots: slots,
      availability: text('availability') || null,
    };
    // What the form can tell at once; the rest (a wrong check digit, an ID already registered) comes from the server.
    const local: Partial<Record<Field, string>> = {};
    for (const f of ['name', 'idNumber', 'phone'] as const) if (!body[f]) local[f] = formatFieldIssue(locale, { field: f, rule: 'required' }, labels[f]);
    if (origin !== 'resident' && !body.affiliation)
      local.affiliation = formatFieldIssue(locale, { field: 'affiliation', rule: 'required' }, labels.affiliation);
    setProblems(local);
    if (Object.keys(local).length) return setError(t('vh.fixFields'));
    setBusy(true);
    setError('');
    try {
      const r = await (asMe ? joinAsMe(body) : joinPublic(body));
      setDone({ number: r.number, status: r.status });
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const next: Partial<Record<Field, string>> = {};
        const other: string[] = [];
        for (const f of err.fields) {
          const field = f.field.split('.')[0] as Field;
          const msg =
            f.field === 'idNumber' && f.rule === 'taken'
              ? t('vh.idTaken')
              : f.field === 'accountId'
                ? t('vh.accountTaken')
                : formatFieldIssue(locale, f, labels[field]);
          if (field in labels) next[field] = msg;
          else other.push(msg);
        }
        setProblems(next);
        setError(other.length ? other.join('；') : t('vh.fixFields'));
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <section className="card" data-testid="h5-volunteer-joined">
        <h2>{t('vh.doneTitle')}</h2>
        <div className="notice">
          <p>{t('vh.doneText', { number: done.number })}</p>
          <p>
            <b data-testid="h5-volunteer-joined-status">
              {t('vh.doneStatus', { status: volunteerStatusLabels[locale][done.status as 'applied'] ?? done.status })}
            </b>
          </p>
        </div>
      </section>
    );

  const dayNames = t('vh.days').split(',');
  const slotLabel = (s: WeekdaySlot) => {
    const i = weekdaySlots.indexOf(s) >> 1;
    return `${t('vh.weekday')}${dayNames[i]} ${s.endsWith('am') ? t('vh.am') : t('vh.pm')}`;
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="h5-volunteer-join">
      <h2>{t('vh.joinTitle')}</h2>
      <p className="muted">{t('vh.joinIntro')}</p>
      <label>
        {t('vh.name')} <Required />
        <input name="name" maxLength={50} autoComplete="name" aria-invalid={!!problems.name} onChange={() => clear('name')} data-testid="h5-vol-name" />
        <FieldError text={problems.name} testId="h5-vol-problem-name" />
      </label>
      <label>
        {t('vh.idType')}
        <select value={idType} onChange={(e) => setIdType(e.target.value as VolunteerIdType)} data-testid="h5-vol-id-type">
          {volunteerIdTypes.map((k) => (
            <option key={k} value={k}>
              {volunteerIdTypeLabels[locale][k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('vh.idNumber')} <Required />
        <input
          name="idNumber"
          maxLength={30}
          autoComplete="off"
          aria-invalid={!!problems.idNumber}
          onChange={() => clear('idNumber')}
          data-testid="h5-vol-id-number"
        />
        <FieldError text={problems.idNumber} testId="h5-vol-problem-idNumber" />
      </label>
      <label>
        {t('vh.phone')} <Required />
        <input
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          aria-invalid={!!problems.phone}
          onChange={() => clear('phone')}
          data-testid="h5-vol-phone"
        />
        <FieldError text={problems.phone} testId="h5-vol-problem-phone" />
      </label>
      <label>
        {t('vh.origin')}
        <select
          value={origin}
          onChange={(e) => {
            setOrigin(e.target.value as VolunteerOrigin);
            clear('affiliation');
          }}
          data-testid="h5-vol-origin"
        >
          {origins.map((k) => (
            <option key={k} value={k}>
              {volunteerOriginLabels[locale][k]}
            </option>
          ))}
        </select>
      </label>
      {origin !== 'resident' && (
        <label>
          {t('vh.affiliation')} <Required />
          <input
            name="affiliation"
            maxLength={100}
            placeholder={t('vh.affiliationHint')}
            aria-invalid={!!problems.affiliation}
            onChange={() => clear('affiliation')}
            data-testid="h5-vol-affiliation"
          />
          <FieldError text={problems.affiliation} testId="h5-vol-problem-affiliation" />
        </label>
      )}
      <Choices legend={t('vh.skills')} options={t('vh.skillPreset').split(',')} value={skills} onChange={setSkills} testId="h5-vol-skill" />
      <label>
        {t('vh.skillsOther')}
        <input name="skillsOther" maxLength={200} aria-invalid={!!problems.skills} onChange={() => clear('skills')} data-testid="h5-vol-skills-other" />
        <FieldError text={problems.skills} testId="h5-vol-problem-skills" />
      </label>
      <Choices legend={t('vh.areas')} options={t('vh.areaPreset').split(',')} value={areas} onChange={setAreas} testId="h5-vol-area" />
      <FieldError text={problems.serviceAreas} testId="h5-vol-problem-serviceAreas" />
      <Choices legend={t('vh.slots')} options={[...weekdaySlots]} value={slots} onChange={setSlots} label={slotLabel} columns={2} testId="h5-vol-slot" />
      <label>
        {t('vh.availability')}
        <input
          name="availability"
          maxLength={200}
          placeholder={t('vh.availabilityHint')}
          aria-invalid={!!problems.availability}
          onChange={() => clear('availability')}
          data-testid="h5-vol-availability"
        />
        <FieldError text={problems.availability} testId="h5-vol-problem-availability" />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="h5-vol-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="h5-vol-submit">
        {busy ? t('vh.submitting') : t('vh.submit')}
      </button>
    </form>
  );
}
