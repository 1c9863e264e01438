// A "from"–"to" pair of Kyiv dates for list filters: the end cannot be picked before the start, and
// a backwards range is shown as an error on the end date.
import { TextField } from './field';

interface DateRangeFieldsProps {
  /** Prefix of the two inputs' ids: `${idPrefix}-from`, `${idPrefix}-to`. */
  idPrefix: string;
  from?: string;
  to?: string;
  labels: { from: string; fromHint?: string; to: string };
  error?: string;
  onChange(next: { from?: string; to?: string }): void;
}

export function DateRangeFields({ idPrefix, from, to, labels, error, onChange }: DateRangeFieldsProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-from`}
        label={labels.from}
        hint={labels.fromHint}
        type="date"
        value={from ?? ''}
        onChange={(e) => onChange({ from: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-to`}
        label={labels.to}
        type="date"
        min={from}
        value={to ?? ''}
        errors={error ? [error] : undefined}
        onChange={(e) => onChange({ to: e.target.value })}
      />
    </>
  );
}
