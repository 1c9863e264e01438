// Audit log (city_admin): every sign-in, role change and other sensitive action, newest first.
import { AUDIT_ACTIONS } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/field';
import { Pagination } from '../../../components/pagination';
import { EmptyState, ErrorState, Loading } from '../../../components/status';
import { useAuditLog } from '../../../features/audit/api/get-audit';
import { AuditTable } from '../../../features/audit/components/audit-table';
import { RequireCityAdmin } from '../../guards';
import { PageTitle } from '../../page-title';

const PAGE_SIZE = 50;

export function AdminAuditPage() {
  return (
    <RequireCityAdmin>
      <AuditLog />
    </RequireCityAdmin>
  );
}

function AuditLog() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const audit = useAuditLog({ action: action || undefined, limit: PAGE_SIZE, offset });

  function update(next: { action?: string; offset?: number }) {
    const search = new URLSearchParams(params);
    if (next.action !== undefined) {
      if (next.action) search.set('action', next.action);
      else search.delete('action');
      search.delete('offset');
    }
    if (next.offset !== undefined) {
      if (next.offset > 0) search.set('offset', String(next.offset));
      else search.delete('offset');
    }
    setParams(search);
  }

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.timeZoneNote')}</p>
      <div className="toolbar">
        <SelectField
          id="audit-action-filter"
          label={t('audit.filterAction')}
          value={action}
          onChange={(e) => update({ action: e.target.value })}
        >
          <option value="">{t('audit.allActions')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t([`audit.actions.${a}`], { defaultValue: a })}
            </option>
          ))}
        </SelectField>
        {audit.data ? (
          <p className="toolbar__count" aria-live="polite">
            {t('audit.total', { count: audit.data.total })}
          </p>
        ) : null}
      </div>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <AuditTable entries={audit.data.items} />
      )}
      {audit.data ? (
        <Pagination
          total={audit.data.total}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(o) => update({ offset: o })}
          label={t('audit.pagination')}
        />
      ) : null}
    </>
  );
}
