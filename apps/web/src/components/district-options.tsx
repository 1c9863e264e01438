// The ten Kyiv districts as <option>s in the current language, for every district select.
import { DISTRICTS } from '@vcentri/shared';
import { useLocale } from '../lib/i18n';

export function DistrictOptions() {
  const locale = useLocale();
  return (
    <>
      {DISTRICTS.map((d) => (
        <option key={d.slug} value={d.slug}>
          {d[locale]}
        </option>
      ))}
    </>
  );
}
