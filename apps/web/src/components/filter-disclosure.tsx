// A catalogue's filters folded behind one «Фільтри» button on a phone, where they would otherwise
// fill the first screen; the button tells how many are in use. On a wide screen they are simply
// shown. The filters stay mounted while folded, so what was typed is kept.
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNarrowScreen } from '../lib/narrow-screen';

interface FilterDisclosureProps {
  /** How many filters are in use. */
  active: number;
  children: ReactNode;
}

export function FilterDisclosure({ active, children }: FilterDisclosureProps) {
  const { t } = useTranslation('common');
  const narrow = useNarrowScreen();
  const [open, setOpen] = useState(false);
  const id = useId();
  const folded = narrow && !open;
  return (
    <div className="filter-disclosure">
      {narrow ? (
        <button
          type="button"
          className="button button--secondary filter-disclosure__toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {active > 0 ? t('filters.toggleActive', { n: active }) : t('filters.toggle')}
        </button>
      ) : null}
      <div id={id} hidden={folded}>
        {children}
      </div>
    </div>
  );
}
