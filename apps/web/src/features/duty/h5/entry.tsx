import { useEffect, useState } from 'react';
import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';
import { fetchMyShiftsBetween } from '../api.js';
import { addDays, todayInBeijing } from '../week.js';

// The home's link only: the page's texts load with the page (the phone's first load stays light).
const _texts = registerMessages(
  { 'dutyH5.entry': '我的值守', 'dutyH5.hint': '近两周的班次、到岗签到、换班' },
  { 'dutyH5.entry': 'My duty', 'dutyH5.hint': 'Shifts of the next two weeks, check in, swaps' },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

/** The helper home's line to /h5/duty, shown to someone with a shift in the next two weeks. */
export function DutyEntry({ navigate }: { navigate: Navigate }) {
  const { t } = useT();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const today = todayInBeijing();
    fetchMyShiftsBetween(today, addDays(today, 13)).then(
      (r) => setCount(r.items.length),
      () => setCount(0),
    );
  }, []);
  if (count === 0) return null;
  return (
    <nav className="entries">
      <Go className="entry" to="/h5/duty" navigate={navigate} testId="h5-duty-link">
        <span className="entry-title">
          {t('dutyH5.entry')} · {count}
        </span>
        <span className="entry-hint">{t('dutyH5.hint')}</span>
      </Go>
    </nav>
  );
}
