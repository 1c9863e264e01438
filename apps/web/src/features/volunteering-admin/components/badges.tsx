// Small labels: a program's status and cause, a shift's status.
import type { ProgramView, ShiftView } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/i18n';
import { causeLabel } from '../labels';

const PROGRAM_BADGE: Record<ProgramView['status'], string> = {
  draft: 'badge--draft',
  published: 'badge--booking badge--booking-confirmed',
  closed: 'badge--archived',
};

export function ProgramStatusBadge({ status }: { status: ProgramView['status'] }) {
  const { t } = useTranslation('volunteeringAdmin');
  return <span className={`badge badge--status ${PROGRAM_BADGE[status]}`}>{t(`status.${status}`)}</span>;
}

export function CauseTag({ cause }: { cause: string }) {
  const locale = useLocale();
  return <span className="tag">{causeLabel(cause, locale)}</span>;
}

export function ShiftStatusBadge({ status }: { status: ShiftView['status'] }) {
  const { t } = useTranslation('volunteeringAdmin');
  return (
    <span
      className={`badge badge--booking badge--booking-${status === 'cancelled' ? 'cancelled' : 'confirmed'}`}
    >
      {t(`shiftStatus.${status}`)}
    </span>
  );
}
