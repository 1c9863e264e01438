// The portal's languages as <option>s, each named in itself ("Українська", "English").
import { LOCALES } from '@vcentri/shared';
import { useTranslation } from 'react-i18next';

export function LocaleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`common:language.names.${l}`)}
        </option>
      ))}
    </>
  );
}
