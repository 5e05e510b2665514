import { useEffect, useState } from 'react';
import { useT } from '../../../lib/i18n.js';
import { fetchSwapPartners, type SwapPartner } from '../api.js';

/** Asking a swap of one shift: whom (the others on duty at the same post), one of their shifts in exchange or none, why. */
export function SwapForm(props: {
  shiftId: number;
  busy: boolean;
  onCancel: () => void;
  onSend: (body: { toAccountId: number; toShiftId: number | null; reason: string }) => void;
}) {
  const { t } = useT();
  const [partners, setPartners] = useState<SwapPartner[] | null>(null);
  const [to, setTo] = useState('');
  const [theirs, setTheirs] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    fetchSwapPartners(props.shiftId).then(
      (r) => setPartners(r.items),
      () => setPartners([]),
    );
  }, [props.shiftId]);
  const partner = partners?.find((p) => String(p.accountId) === to);
  if (partners?.length === 0) return <p className="muted">{t('dutyH5.noPartner')}</p>;
  return (
    <div data-testid="h5-duty-swap-form">
      <label className="field">
        {t('dutyH5.swapWith')}
        <select value={to} onChange={(e) => (setTo(e.target.value), setTheirs(''))} data-testid="h5-duty-swap-to">
          <option value="">{t('dutyH5.pick')}</option>
          {(partners ?? []).map((p) => (
            <option key={p.accountId} value={p.accountId}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {partner && partner.shifts.length > 0 && (
        <label className="field">
          {t('dutyH5.theirShift')}
          <select value={theirs} onChange={(e) => setTheirs(e.target.value)} data-testid="h5-duty-swap-theirs">
            <option value="">{t('dutyH5.takeOver')}</option>
            {partner.shifts.map((s) => (
              <option key={s.shiftId} value={s.shiftId}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        {t('dutyH5.reason')}
        <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="h5-duty-swap-reason" />
      </label>
      <button
        className="primary"
        disabled={props.busy || !to || !reason.trim()}
        onClick={() => props.onSend({ toAccountId: Number(to), toShiftId: theirs ? Number(theirs) : null, reason: reason.trim() })}
        data-testid="h5-duty-swap-send"
      >
        {t('dutyH5.send')}
      </button>{' '}
      <button onClick={props.onCancel}>{t('dutyH5.cancel')}</button>
    </div>
  );
}
