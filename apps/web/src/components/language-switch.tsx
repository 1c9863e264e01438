// One button that switches the portal to the other language. Its text is the other language's
// own name ("English" / "Українська"), marked with that language for screen readers.
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'uk' : 'en';
  return (
    <button
      type="button"
      className="language-switch"
      lang={target}
      title={t('common:language.switchHint')}
      onClick={() => void changeLocale(target)}
    >
      {t(`common:language.names.${target}`)}
    </button>
  );
}
