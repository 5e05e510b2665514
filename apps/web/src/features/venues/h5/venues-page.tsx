import { useEffect, useRef, useState } from 'react';
import { beijingDate, beijingText } from '@linli/contracts/time';
import { venueKindLabels, weekdayLabels } from '@linli/contracts/venue-labels';
import { useT } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { addDays, weekdayOf } from '../week.js';
import { hoursText } from '../hours-text.js';
import { fetchVenueBoard, type BoardVenue, type VenueBoard } from './api.js';
import { AskForm } from './ask-form.js';
import './messages.js';

/** `/h5/venues?c=<community code>`: the rooms residents may ask for, their hours and the coming week's taken times, and the request form. */
export function VenuesPhonePage({ communityCode }: { communityCode: string | null }) {
  const { t } = useT();
  const [board, setBoard] = useState<VenueBoard | null>(null);
  const [error, setError] = useState('');
  const [venueId, setVenueId] = useState<number | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const load = () => {
    if (communityCode)
      fetchVenueBoard(communityCode).then(
        (b) => {
          setBoard(b);
          setVenueId((id) => id ?? b.venues[0]?.id ?? null);
        },
        (e) => setError(e instanceof ApiError ? e.message : String(e)),
      );
  };
  useEffect(load, [communityCode]);
  if (!communityCode) return <section className="card">{t('vh5.noCommunity')}</section>;
  const choose = (id: number) => {
    setVenueId(id);
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  return (
    <section style={{ display: 'grid', gap: 14, marginTop: 14 }} data-testid="h5-venues">
      <div className="card">
        <h2>
          {board?.communityName ?? ''} {t('vh5.title')}
        </h2>
        <p className="muted" style={{ margin: 0 }}>
          {t('vh5.intro')}
        </p>
      </div>
      {error && <p className="error card">{error}</p>}
      {board && board.venues.length === 0 && <p className="muted card">{t('vh5.none')}</p>}
      {board?.venues.map((v) => (
        <VenueCard key={v.id} venue={v} onChoose={() => choose(v.id)} />
      ))}
      {board && board.venues.length > 0 && (
        <div ref={formRef}>
          <AskForm communityCode={communityCode} venues={board.venues} venueId={venueId} onVenue={setVenueId} onAsked={load} />
        </div>
      )}
    </section>
  );
}

/** The taken times of the next seven Beijing days, '12-03 周四 18:00–19:30', earliest first. */
function takenThisWeek(v: BoardVenue, locale: 'zh-CN' | 'en'): string[] {
  const today = beijingDate(new Date());
  const last = addDays(today, 6);
  return v.taken
    .filter((s) => {
      const day = beijingDate(s.startsAt);
      return day >= today && day <= last;
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s) => {
      const day = beijingDate(s.startsAt);
      return `${day.slice(5)} ${weekdayLabels[locale][weekdayOf(day)]} ${beijingText(s.startsAt).slice(11)}–${beijingText(s.endsAt).slice(11)}`;
    });
}

function VenueCard({ venue, onChoose }: { venue: BoardVenue; onChoose(): void }) {
  const { t, locale } = useT();
  const taken = takenThisWeek(venue, locale);
  return (
    <div className="card" data-testid="h5-venue">
      <h2 style={{ marginBottom: 4 }}>{venue.name}</h2>
      <div className="muted">
        {[venueKindLabels[locale][venue.kind], venue.location, t('vh5.capacity', { n: String(venue.capacity) })].filter(Boolean).join(' · ')}
      </div>
      <p style={{ margin: '8px 0' }}>{venue.openingHours.length ? t('vh5.hours', { hours: hoursText(venue.openingHours, locale) }) : t('vh5.hoursAll')}</p>
      {taken.length ? (
        <>
          <div className="muted">{t('vh5.taken')}</div>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20, fontSize: 16 }} data-testid="h5-venue-taken">
            {taken.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : (
        <div className="muted">{t('vh5.free')}</div>
      )}
      <button type="button" className="secondary" onClick={onChoose} data-testid="h5-venue-choose">
        {t('vh5.choose')}
      </button>
    </div>
  );
}
