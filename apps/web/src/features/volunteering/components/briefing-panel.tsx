// A program's briefing: what every volunteer must read before their first shift. Until the viewer
// acknowledges it (a checkbox, then a button), sign-up waits; afterwards it says so in one line.
import type { ProgramView } from '@vcentri/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/errors';
import { useAcknowledgeBriefing } from '../api/programs';
import { SuccessNotice } from '../../../components/status';

export function BriefingPanel({ program, signedIn }: { program: ProgramView; signedIn: boolean }) {
  const { t } = useTranslation('volunteering');
  const errorMessage = useErrorMessage();
  const [read, setRead] = useState(false);
  const acknowledge = useAcknowledgeBriefing(program.id);
  if (!program.briefing) return null;
  const done = program.briefingAcknowledged;
  return (
    <section className="card briefing" aria-labelledby="briefing-title">
      <h2 id="briefing-title">{t('briefing.title')}</h2>
      <p className="briefing__text">{program.briefing}</p>
      {done ? (
        <SuccessNotice>{t('briefing.acknowledged')}</SuccessNotice>
      ) : signedIn ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (read) acknowledge.mutate();
          }}
        >
          <p className="muted">{t('briefing.needed')}</p>
          <div className="check">
            <input
              type="checkbox"
              id="briefing-read"
              checked={read}
              onChange={(e) => setRead(e.target.checked)}
            />
            <label htmlFor="briefing-read">{t('briefing.checkbox')}</label>
          </div>
          <p className="actions">
            <button
              type="submit"
              className="button"
              disabled={!read || acknowledge.isPending}
              aria-busy={acknowledge.isPending || undefined}
            >
              {t('briefing.acknowledge')}
            </button>
          </p>
          {acknowledge.isError ? (
            <p className="notice notice--danger" role="alert">
              {errorMessage(acknowledge.error)}
            </p>
          ) : null}
        </form>
      ) : (
        <p className="muted">{t('briefing.needed')}</p>
      )}
    </section>
  );
}
