import { useT } from '../../../lib/i18n.js';
import './messages.js';

/** Big toggle buttons for a multiple choice (easier for older hands than small checkboxes). */
export function Choices<T extends string>({
  legend,
  options,
  value,
  onChange,
  label = (o) => o,
  columns = 3,
  testId,
}: {
  legend: string;
  options: T[];
  value: T[];
  onChange: (next: T[]) => void;
  label?: (o: T) => string;
  columns?: number;
  testId: string;
}) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <div className="choice-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {options.map((o, i) => {
          const on = value.includes(o);
          return (
            <button
              key={o}
              type="button"
              className={on ? 'choice on' : 'choice'}
              aria-pressed={on}
              onClick={() => onChange(on ? value.filter((v) => v !== o) : [...value, o])}
              data-testid={`${testId}-${i}`}
            >
              {label(o)}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The mark of a field the form needs, read aloud as 必填. */
export function Required() {
  const { t } = useT();
  return (
    <span className="required" aria-label={t('vh.required')}>
      *
    </span>
  );
}

export function FieldError({ text, testId }: { text?: string | undefined; testId: string }) {
  return text ? (
    <span className="error field-error" role="alert" data-testid={testId}>
      {text}
    </span>
  ) : null;
}
