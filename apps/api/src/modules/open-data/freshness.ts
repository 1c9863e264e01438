// How often each dataset is meant to change (the EU frequency vocabulary) and whether it did.
// The rule, also in docs/open-data.md: a dataset is due by its last change plus one period of its
// frequency (calendar months for MONTHLY, QUARTERLY and ANNUAL, counted in UTC); it is stale when
// that moment has passed without a newer change. IRREG has no period, so it is never stale; nor is
// a dataset that has never held any data.

export const FREQUENCY_VOCABULARY = 'http://publications.europa.eu/resource/authority/frequency/';

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL', 'IRREG'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The frequency's IRI in the EU vocabulary, for dct:accrualPeriodicity. */
export const frequencyIri = (f: Frequency) => `${FREQUENCY_VOCABULARY}${f}`;

const PERIOD: Record<Frequency, { days: number } | { months: number } | null> = {
  DAILY: { days: 1 },
  WEEKLY: { days: 7 },
  MONTHLY: { months: 1 },
  QUARTERLY: { months: 3 },
  ANNUAL: { months: 12 },
  IRREG: null,
};

/** The last moment by which a dataset last changed at `lastModified` should change again; null for IRREG. */
export function dueBy(frequency: Frequency, lastModified: Date): Date | null {
  const period = PERIOD[frequency];
  if (!period) return null;
  const due = new Date(lastModified.getTime());
  if ('days' in period) due.setUTCDate(due.getUTCDate() + period.days);
  else {
    // 31 January + 1 month is the last day of February, not 3 March.
    const day = due.getUTCDate();
    due.setUTCDate(1);
    due.setUTCMonth(due.getUTCMonth() + period.months);
    const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
    due.setUTCDate(Math.min(day, lastDay));
  }
  return due;
}

export function freshness(
  frequency: Frequency,
  lastModified: Date,
  now: Date,
): { stale: boolean; dueBy: Date | null } {
  // A dataset that has never held any data (lastModified is the epoch) is empty, not late.
  if (lastModified.getTime() <= 0) return { stale: false, dueBy: null };
  const due = dueBy(frequency, lastModified);
  return { stale: due !== null && now.getTime() > due.getTime(), dueBy: due };
}
