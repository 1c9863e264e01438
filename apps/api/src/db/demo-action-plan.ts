// Demo data for the Open Government section: commitments taken from Kyiv's OGP local action plan
// 2025–2026 (the seed document), each with an indicator or two and values for the last quarters
// before the day the demo is loaded (never a future one). Every commitment is marked is_demo and
// its figures are illustrative, not the city's reported numbers.
import { quarterOf } from '@vcentri/shared';
import type { Kysely } from 'kysely';
import type { DB } from './schema';

interface DemoIndicator {
  titleUk: string;
  titleEn: string;
  unitUk: string;
  unitEn: string;
  baseline: number;
  target: number;
  targetQuarter: string;
  higherIsBetter: boolean;
  /** Values for 3, 2 and 1 quarters ago (null: not recorded). */
  values: (number | null)[];
  noteUk?: string;
  noteEn?: string;
}

interface DemoCommitment {
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  departmentUk: string;
  departmentEn: string;
  indicators: DemoIndicator[];
}

const COMMUNICATIONS = {
  departmentUk: 'Департамент суспільних комунікацій КМДА',
  departmentEn: 'Department of Public Communications, Kyiv City State Administration',
};

export const DEMO_COMMITMENTS: DemoCommitment[] = [
  {
    titleUk: 'Розширення мережі публічних просторів Vcentri HUB',
    titleEn: 'Expanding the Vcentri HUB network of public spaces',
    descriptionUk:
      'Відкриті простори в районах, де громадські організації, мешканці та місто працюють разом. Демонстраційні дані.',
    descriptionEn:
      'Open spaces in the districts where NGOs, residents and the city work together. Demo data.',
    ...COMMUNICATIONS,
    indicators: [
      {
        titleUk: 'Просторів Vcentri HUB працює',
        titleEn: 'Vcentri HUB spaces open',
        unitUk: 'просторів',
        unitEn: 'spaces',
        baseline: 5,
        target: 10,
        targetQuarter: '2026-Q4',
        higherIsBetter: true,
        values: [5, 6, 7],
        noteUk: 'Відкрито простір у Дарницькому районі (демо).',
        noteEn: 'A space opened in Darnytskyi district (demo).',
      },
      {
        titleUk: 'Перевірених інституцій у Реєстрі',
        titleEn: 'Verified institutions in the Registry',
        unitUk: 'організацій',
        unitEn: 'organisations',
        baseline: 120,
        target: 400,
        targetQuarter: '2026-Q4',
        higherIsBetter: true,
        values: [150, 210, 260],
      },
    ],
  },
  {
    titleUk: 'Положення про публічні консультації в Києві',
    titleEn: 'Regulation on public consultations in Kyiv',
    descriptionUk:
      'Розробити й запровадити положення, яке робить публічні консультації обов’язковими. Демонстраційні дані.',
    descriptionEn: 'Draft and adopt a regulation that makes public consultations mandatory. Demo data.',
    ...COMMUNICATIONS,
    indicators: [
      {
        titleUk: 'Публічних консультацій проведено за положенням',
        titleEn: 'Public consultations held under the regulation',
        unitUk: 'консультацій',
        unitEn: 'consultations',
        baseline: 0,
        target: 24,
        targetQuarter: '2026-Q4',
        higherIsBetter: true,
        values: [null, 4, 9],
      },
    ],
  },
  {
    titleUk: 'Інтерактивні курси громадянської освіти для молоді',
    titleEn: 'Interactive civic-education courses for young people',
    descriptionUk:
      'Курси в школах, університетах і закладах професійної освіти про участь у міській політиці. Демонстраційні дані.',
    descriptionEn:
      'Courses in schools, universities and vocational schools on taking part in city policy. Demo data.',
    departmentUk: 'Департамент освіти і науки КМДА',
    departmentEn: 'Department of Education and Science, Kyiv City State Administration',
    indicators: [
      {
        titleUk: 'Закладів освіти, що проводять курс',
        titleEn: 'Schools and colleges running the course',
        unitUk: 'закладів',
        unitEn: 'schools',
        baseline: 0,
        target: 50,
        targetQuarter: '2026-Q4',
        higherIsBetter: true,
        values: [6, 14, 23],
      },
    ],
  },
  {
    titleUk: 'Відкриті дані про пам’ятки культурної спадщини',
    titleEn: 'Open data on cultural heritage monuments',
    descriptionUk:
      'Оновлювати набори даних про пам’ятки у форматі, придатному для аналізу та громадського контролю. Демонстраційні дані.',
    descriptionEn:
      'Keep the monuments datasets up to date in a format fit for analysis and public control. Demo data.',
    departmentUk: 'Департамент охорони культурної спадщини КМДА',
    departmentEn: 'Department of Cultural Heritage Protection, Kyiv City State Administration',
    indicators: [
      {
        titleUk: 'Днів від змін у реєстрі пам’яток до їх публікації',
        titleEn: 'Days from a change in the monuments register to its publication',
        unitUk: 'днів',
        unitEn: 'days',
        baseline: 90,
        target: 14,
        targetQuarter: '2026-Q4',
        higherIsBetter: false,
        values: [75, 48, 30],
        noteUk: 'Публікація автоматизована (демо).',
        noteEn: 'Publication automated (demo).',
      },
    ],
  },
];

/** The quarter `n` quarters before `quarter`. */
function quartersBefore(quarter: string, n: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 - n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export async function seedDemoActionPlan(trx: Kysely<DB>, ctx: { now: Date; adminId: string | null }) {
  const current = quarterOf(ctx.now);
  for (const [position, c] of DEMO_COMMITMENTS.entries()) {
    const { indicators, ...texts } = c;
    const commitment = await trx
      .insertInto('actionPlanCommitments')
      .values({ ...texts, position, isDemo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [indicatorPosition, i] of indicators.entries()) {
      const { values, noteUk, noteEn, ...fields } = i;
      const indicator = await trx
        .insertInto('actionPlanIndicators')
        .values({ ...fields, commitmentId: commitment.id, position: indicatorPosition })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = values.flatMap((value, k) =>
        value === null
          ? []
          : [
              {
                indicatorId: indicator.id,
                quarter: quartersBefore(current, values.length - k),
                value,
                // The note belongs to the newest quarter.
                noteUk: k === values.length - 1 ? (noteUk ?? '') : '',
                noteEn: k === values.length - 1 ? (noteEn ?? '') : '',
                recordedBy: ctx.adminId,
                recordedAt: ctx.now,
              },
            ],
      );
      if (rows.length) await trx.insertInto('actionPlanValues').values(rows).execute();
    }
  }
}
