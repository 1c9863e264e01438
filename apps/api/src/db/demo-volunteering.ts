// Demo volunteering: programs of four verified demo organisations and one of the city, past shifts
// with attendance and hours (approved, pending in the coordinators' queue, one rejected), upcoming
// shifts with sign-ups and one full shift with a waiting list, and eight demo volunteers with
// profiles. The rows go in directly (past shifts cannot be made through the API), so the plan is
// checked against the rules the API enforces before anything is written: no overlapping shifts
// for one volunteer, at most 12 hours of shifts on a Kyiv day, the program's minimum age, the
// briefing acknowledged before the sign-up, waiting lists only on full shifts, numbered 1..N.
// Every shift is at an address (no room, so no booking is needed). The demo resident
// (resident@demo…) gets no volunteer profile: a visitor can try creating one.
import {
  addDays,
  fromKyiv,
  localMinutes,
  MAX_DAILY_SHIFT_MINUTES,
  toKyiv,
  type VolunteerCause,
} from '@vcentri/shared';
import type { Kysely } from 'kysely';
import { enqueueShiftReminder } from '../modules/volunteering/reminders';
import type { DB } from './schema';
import { newShortCode } from './short-code';

type V = 'v1' | 'v2' | 'v3' | 'v4' | 'v5' | 'v6' | 'v7' | 'v8';

/**
 * The demo volunteers, one a line: key | name | age this year | skills (comma-separated) |
 * languages | districts. The birth year follows from the age, so the age limits hold whenever the
 * demo is loaded. volunteer1@ has the most approved hours (for the certificate); volunteer5@ is 17.
 */
export const DEMO_VOLUNTEERS = `
v1 | Богдан Кравчук (волонтер, демо) | 32 | організація заходів, водійські права | uk en | obolonskyi podilskyi
v2 | Софія Мороз (волонтерка, демо) | 25 | фото, соцмережі | uk en pl | obolonskyi
v3 | Дмитро Олійник (волонтер, демо) | 39 | перша допомога, психологічна підтримка | uk en | sviatoshynskyi podilskyi
v4 | Наталія Савченко (волонтерка, демо) | 64 | пакування, кухня | uk | podilskyi darnytskyi
v5 | Артем Поліщук (волонтер, демо) | 17 | фізична робота, догляд за тваринами | uk | obolonskyi
v6 | Юлія Ковальчук (волонтерка, демо) | 28 | пакування, англійська мова | uk en de | podilskyi obolonskyi
v7 | Максим Руденко (волонтер, демо) | 47 | водійські права, перша допомога | uk en | sviatoshynskyi darnytskyi
v8 | Ірина Гончаренко (волонтерка, демо) | 36 | кухня, організація заходів | uk | darnytskyi podilskyi obolonskyi
`
  .trim()
  .split('\n')
  .map((line) => {
    const [key, name, age, skills, languages, districts] = line.split(' | ') as [V, ...string[]];
    return {
      key,
      name: name!,
      born: Number(toKyiv(new Date()).date.slice(0, 4)) - Number(age),
      skills: skills!.split(', '),
      languages: languages!.split(' '),
      districts: districts!.split(' '),
    };
  });
export const demoVolunteerEmail = (key: string) => `volunteer${key.slice(1)}@demo.vcentri.kyiv.ua`;

interface DemoProgram {
  /** Index in DEMO_ORGANIZATIONS; null: a city program. */
  org: number | null;
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  cause: VolunteerCause;
  districts: string[];
  skills: string[];
  languages: string[];
  minAge: number;
  briefing: string | null;
  contact: string;
  status: 'draft' | 'published';
}

const PROGRAMS: DemoProgram[] = [
  {
    org: 0,
    titleUk: 'Толоки на набережній Оболоні',
    titleEn: 'Obolon riverside clean-ups',
    descriptionUk:
      'Щотижня прибираємо береги Дніпра й затоки Наталка: збираємо сміття, сортуємо його на переробку, ' +
      'фарбуємо лавки. Рукавички, мішки й чай — від нас.',
    descriptionEn:
      'Every week we clean the banks of the Dnipro and the Natalka bay: picking up litter, sorting it ' +
      'for recycling, painting benches. Gloves, bags and tea are on us.',
    cause: 'environment',
    districts: ['obolonskyi'],
    skills: ['фізична робота', 'організація заходів'],
    languages: ['uk', 'en'],
    minAge: 14,
    briefing:
      'Техніка безпеки на толоці: працюємо лише в рукавичках; шприци, скло й незнайомі предмети не ' +
      'чіпаємо — кличемо координатора; до води не заходимо. Під час тривоги йдемо до укриття за ' +
      'адресою просп. Оболонський, 16. Safety: gloves on; do not touch syringes, glass or unknown ' +
      'objects — call the coordinator; stay out of the water; during an air-raid alert go to the ' +
      'shelter at 16 Obolonskyi Ave.',
    contact: 'Марія Бондаренко, info1@demo.vcentri.kyiv.ua',
    status: 'published',
  },
  {
    org: 1,
    titleUk: 'Продуктові набори для літніх сусідів',
    titleEn: 'Food parcels for older neighbours',
    descriptionUk:
      'Пакуємо продуктові набори на складі фонду й розвозимо їх самотнім літнім людям і родинам ' +
      'переселенців Подолу та Оболоні.',
    descriptionEn:
      'We pack food parcels at the foundation’s store and deliver them to older people living alone ' +
      'and displaced families in Podil and Obolon.',
    cause: 'elderly',
    districts: ['podilskyi', 'obolonskyi'],
    skills: ['пакування', 'водійські права'],
    languages: ['uk'],
    minAge: 0,
    briefing: null,
    contact: 'info2@demo.vcentri.kyiv.ua',
    status: 'published',
  },
  {
    org: 3,
    titleUk: 'Супровід ветеранів на реабілітацію',
    titleEn: 'Accompanying veterans to rehabilitation',
    descriptionUk:
      'Супроводжуємо ветеранів на заняття з фізичної реабілітації та до лікарів, допомагаємо з ' +
      'документами. Лише для повнолітніх.',
    descriptionEn:
      'We accompany veterans to physical rehabilitation sessions and doctors’ appointments and help ' +
      'with paperwork. Adults only.',
    cause: 'veterans',
    districts: ['sviatoshynskyi'],
    skills: ['перша допомога', 'психологічна підтримка', 'водійські права'],
    languages: ['uk', 'en'],
    minAge: 18,
    briefing:
      'Конфіденційність: не фотографуємо ветеранів і не розповідаємо про їхнє здоров’я без їхньої ' +
      'згоди; не розпитуємо про бойовий досвід. Confidentiality: no photos of the veterans and no ' +
      'talk about their health without their consent; do not ask about combat experience.',
    contact: 'info4@demo.vcentri.kyiv.ua',
    status: 'published',
  },
  {
    org: 11,
    titleUk: 'Вигул собак із притулку',
    titleEn: 'Walking shelter dogs',
    descriptionUk:
      'Гуляємо з собаками з притулку, соціалізуємо їх і фотографуємо для оголошень про прилаштування.',
    descriptionEn: 'We walk the shelter’s dogs, socialise them and take photos for the adoption posts.',
    cause: 'animals',
    districts: ['obolonskyi'],
    skills: ['догляд за тваринами', 'фото'],
    languages: ['uk'],
    minAge: 16,
    briefing: null,
    contact: 'info12@demo.vcentri.kyiv.ua',
    status: 'published',
  },
  {
    org: null,
    titleUk: 'Пункти незламності: чергування волонтерів',
    titleEn: 'Invincibility points: volunteer duty',
    descriptionUk:
      'Міська програма співпраці з громадськими організаціями: волонтери чергують у пунктах незламності ' +
      'під час відключень — зустрічають людей, видають гарячий чай, стежать за заряджанням пристроїв.',
    descriptionEn:
      'The city’s cooperation program with NGOs: volunteers staff the invincibility points during power ' +
      'cuts — welcoming people, serving hot tea, looking after the charging stations.',
    cause: 'humanitarian_aid',
    districts: ['darnytskyi', 'desnianskyi', 'holosiivskyi'],
    skills: ['організація заходів', 'перша допомога', 'кухня'],
    languages: ['uk', 'en'],
    minAge: 18,
    briefing:
      'Під час тривоги всі відвідувачі й волонтери йдуть до укриття; генератор обслуговує лише ' +
      'черговий працівник; при погіршенні стану відвідувача телефонуйте 103. During an alert everyone ' +
      'goes to the shelter; only the staff on duty handles the generator; if a visitor feels unwell, ' +
      'call 103.',
    contact: 'Київська міська рада, volunteer@demo.vcentri.kyiv.ua',
    status: 'published',
  },
  {
    org: 0,
    titleUk: 'Літній табір «Оболонь разом» (чернетка)',
    titleEn: 'Obolon Together summer camp (draft)',
    descriptionUk: 'Чернетка: програму ще готують, її бачать лише люди організації.',
    descriptionEn: 'Draft: still being prepared; only the organisation’s people see it.',
    cause: 'children_youth',
    districts: ['obolonskyi'],
    skills: [],
    languages: ['uk'],
    minAge: 18,
    briefing: null,
    contact: '',
    status: 'draft',
  },
];

interface DemoShift {
  program: number;
  /** Days from today (Kyiv); negative: already happened. */
  day: number;
  from: string;
  to: string;
  places: number;
  task: string;
  address: string;
  district: string;
  stepFree?: boolean;
  /** Confirmed volunteers; for past shifts with `present` when attendance was recorded. */
  confirmed: V[];
  /** Past shifts: who came (the rest of `confirmed` did not); absent: attendance not recorded yet. */
  present?: V[];
  /** The waiting list in order (positions 1..N); only on a full shift. */
  waiting?: V[];
}

/** Where the shifts happen (addresses in districts, no rooms). */
const PLACES: Record<string, { address: string; district: string; stepFree: boolean }> = {
  riverside: {
    address: 'набережна Оболоні, біля затоки Наталка (демо)',
    district: 'obolonskyi',
    stepFree: false,
  },
  bridge: {
    address: 'набережна Оболоні, біля Північного мосту (демо)',
    district: 'obolonskyi',
    stepFree: false,
  },
  store: { address: 'вул. Костянтинівська, 9, склад у дворі (демо)', district: 'podilskyi', stepFree: true },
  rehab: {
    address: 'просп. Берестейський, 100, реабілітаційний центр (демо)',
    district: 'sviatoshynskyi',
    stepFree: true,
  },
  point: {
    address: 'Харківське шосе, 168, пункт незламності (демо)',
    district: 'darnytskyi',
    stepFree: true,
  },
  point2: {
    address: 'просп. Голосіївський, 42, пункт незламності (демо)',
    district: 'holosiivskyi',
    stepFree: true,
  },
  shelter: {
    address: 'вул. Богатирська, 30, притулок для тварин (демо)',
    district: 'obolonskyi',
    stepFree: false,
  },
};

/**
 * The shifts, one a line: program | day from today | Kyiv time | places | place | task | confirmed |
 * present (past shifts with attendance recorded; `-` not recorded yet) | waiting list in order.
 */
const SHIFTS: DemoShift[] = `
0 | -14 | 10:00-13:00 | 8 | riverside | Прибирання берега затоки Наталка | v1 v2 v3 v5 v6 | v1 v2 v3 v5 |
1 | -10 | 14:00-18:00 | 6 | store | Пакування продуктових наборів | v1 v4 v6 v8 v3 | v1 v4 v6 v8 |
0 | -7 | 10:00-13:00 | 8 | riverside | Сортування зібраного сміття на переробку | v1 v2 v5 v8 v7 | v1 v2 v5 v8 |
2 | -5 | 09:00-13:00 | 3 | rehab | Супровід ветеранів до реабілітаційного центру | v3 v7 | v3 v7 |
4 | -3 | 18:00-22:00 | 4 | point | Вечірнє чергування в пункті незламності | v1 v8 | v1 v8 |
3 | -2 | 10:00-12:00 | 5 | shelter | Вигул собак і фото для оголошень | v2 v5 | - |
1 | 2 | 14:00-18:00 | 4 | store | Пакування продуктових наборів до зими | v4 v6 v8 v3 | | v1 v7 v2
0 | 3 | 10:00-13:00 | 10 | bridge | Толока біля Північного мосту | v1 v2 v5 | |
2 | 4 | 09:00-13:00 | 3 | rehab | Супровід ветеранів до реабілітаційного центру | v3 v7 | |
4 | 5 | 18:00-22:00 | 6 | point | Вечірнє чергування в пункті незламності | v1 v8 v4 | |
3 | 6 | 10:00-12:00 | 5 | shelter | Вигул собак і прибирання вольєрів | v2 v5 | |
4 | 9 | 08:00-12:00 | 4 | point2 | Ранкове чергування: чай і заряджання пристроїв | v7 | |
0 | 10 | 10:00-14:00 | 12 | riverside | Фарбування лавок і прибирання алеї | v6 | |
`
  .trim()
  .split('\n')
  .map((line) => {
    const [program, day, time, places, place, task, confirmed, present, waiting] = line
      .split('|')
      .map((x) => x.trim());
    const [from, to] = time!.split('-');
    const who = (list: string) => (list ? (list.split(' ') as V[]) : []);
    return {
      program: Number(program),
      day: Number(day),
      from: from!,
      to: to!,
      places: Number(places),
      task: task!,
      ...PLACES[place!]!,
      confirmed: who(confirmed!),
      present: present === '-' || !present ? undefined : who(present),
      waiting: who(waiting ?? ''),
    };
  });

/** Hours the volunteers logged themselves: pending (the coordinators' queue), approved, rejected. */
const SELF_REPORTED: {
  who: V;
  program: number;
  day: number;
  minutes: number;
  description: string;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
}[] = [
  {
    who: 'v1',
    program: 0,
    day: -8,
    minutes: 90,
    description: 'Підготовка інвентарю й мішків до толоки',
    status: 'pending',
  },
  {
    who: 'v2',
    program: 0,
    day: -6,
    minutes: 60,
    description: 'Фото й допис у соцмережах про толоку',
    status: 'pending',
  },
  {
    who: 'v8',
    program: 1,
    day: -4,
    minutes: 120,
    description: 'Обдзвін підопічних перед видачею наборів',
    status: 'pending',
  },
  {
    who: 'v1',
    program: 1,
    day: -9,
    minutes: 150,
    description: 'Розвезення наборів власним авто',
    status: 'approved',
  },
  {
    who: 'v6',
    program: 0,
    day: -14,
    minutes: 180,
    description: 'Прибирання берега',
    status: 'rejected',
    reason: 'За відміткою координатора вас не було на цій зміні.',
  },
];

interface PlannedShift extends DemoShift {
  start: Date;
  end: Date;
}

const overlap = (a0: Date, a1: Date, b0: Date, b1: Date) =>
  Math.max(0, Math.min(a1.getTime(), b1.getTime()) - Math.max(a0.getTime(), b0.getTime())) / 60_000;

/** Throws if the plan breaks a rule the API enforces on sign-ups. */
export function checkDemoPlan(shifts: PlannedShift[], programs = PROGRAMS) {
  const byVolunteer = new Map<string, PlannedShift[]>();
  for (const s of shifts) {
    const held = [...s.confirmed, ...(s.waiting ?? [])];
    if (new Set(held).size !== held.length) throw new Error(`demo shift ${s.task}: a volunteer twice`);
    if (s.confirmed.length > s.places) throw new Error(`demo shift ${s.task}: more confirmed than places`);
    if (s.waiting?.length && s.confirmed.length < s.places)
      throw new Error(`demo shift ${s.task}: a waiting list on a shift with free places`);
    if (s.waiting?.length && s.day < 0)
      throw new Error(`demo shift ${s.task}: a waiting list on a past shift`);
    if (s.present?.some((v) => !s.confirmed.includes(v)))
      throw new Error(`demo shift ${s.task}: present but not confirmed`);
    const program = programs[s.program]!;
    for (const v of held) {
      const born = DEMO_VOLUNTEERS.find((x) => x.key === v)!.born;
      if (Number(toKyiv(s.start).date.slice(0, 4)) - born < program.minAge)
        throw new Error(`demo shift ${s.task}: ${v} is under ${program.minAge}`);
      byVolunteer.set(v, [...(byVolunteer.get(v) ?? []), s]);
    }
  }
  for (const [v, list] of byVolunteer) {
    for (const [i, a] of list.entries())
      for (const b of list.slice(i + 1))
        if (overlap(a.start, a.end, b.start, b.end) > 0) throw new Error(`demo: ${v} has overlapping shifts`);
    const perDay = new Map<string, number>();
    for (const s of list) {
      const day = toKyiv(s.start).date;
      const d0 = fromKyiv(day, '00:00');
      const d1 = fromKyiv(addDays(day, 1), '00:00');
      perDay.set(day, (perDay.get(day) ?? 0) + overlap(s.start, s.end, d0, d1));
    }
    for (const [day, minutes] of perDay)
      if (minutes > MAX_DAILY_SHIFT_MINUTES) throw new Error(`demo: ${v} has over 12 hours on ${day}`);
  }
}

export interface DemoVolunteeringContext {
  /** The Kyiv date of `now`. */
  today: string;
  /** The moment the demo is loaded as of. */
  now: Date;
  orgIds: string[];
  passwordHash: string;
  /** The demo accounts by e-mail (the city admin runs the city program; the NGO owner and member run «Оболонь разом»). */
  accountIds: Record<string, string>;
}

export async function seedDemoVolunteering(trx: Kysely<DB>, ctx: DemoVolunteeringContext): Promise<void> {
  const now = ctx.now.getTime();
  const shifts: PlannedShift[] = SHIFTS.map((s) => {
    const date = addDays(ctx.today, s.day);
    return { ...s, start: fromKyiv(date, s.from), end: fromKyiv(date, s.to) };
  });
  checkDemoPlan(shifts);
  const admin = ctx.accountIds['admin@demo.vcentri.kyiv.ua']!;
  const owner = ctx.accountIds['ngo-owner@demo.vcentri.kyiv.ua']!;
  // Who decides: the NGO owner for «Оболонь разом», the city administrator for the rest.
  const coordinatorOf = (program: number) => (PROGRAMS[program]!.org === 0 ? owner : admin);
  const daysAgo = (d: number) => new Date(now - d * 86_400_000);

  const volunteers = {} as Record<V, string>;
  for (const [i, v] of DEMO_VOLUNTEERS.entries()) {
    const u = await trx
      .insertInto('users')
      .values({
        email: demoVolunteerEmail(v.key),
        name: v.name,
        passwordHash: ctx.passwordHash,
        isDemo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    volunteers[v.key] = u.id;
    const since = daysAgo(60 - i * 3);
    await trx
      .insertInto('volunteerProfiles')
      .values({
        userId: u.id,
        code: newShortCode(),
        skills: [...v.skills],
        languages: [...v.languages],
        districts: [...v.districts],
        birthYear: v.born,
        // Two of them keep their e-mail to themselves (the roster shows no address).
        consentToContact: i % 4 !== 3,
        consentGivenAt: i % 4 !== 3 ? since : null,
        createdAt: since,
        updatedAt: since,
      })
      .execute();
  }

  const programIds: string[] = [];
  for (const [i, p] of PROGRAMS.entries()) {
    const created = daysAgo(40 - i);
    const row = await trx
      .insertInto('volunteerPrograms')
      .values({
        organizationId: p.org === null ? null : ctx.orgIds[p.org]!,
        titleUk: p.titleUk,
        titleEn: p.titleEn,
        descriptionUk: p.descriptionUk,
        descriptionEn: p.descriptionEn,
        cause: p.cause,
        districts: p.districts,
        skills: p.skills,
        languages: p.languages,
        minAge: p.minAge,
        briefing: p.briefing,
        contact: p.contact,
        status: p.status,
        createdBy: p.org === null ? admin : p.org === 0 ? owner : null,
        createdAt: created,
        updatedAt: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    programIds.push(row.id);
  }

  // Briefings acknowledged before each volunteer's first sign-up for the program.
  const acked = new Set<string>();
  for (const s of shifts) {
    if (!PROGRAMS[s.program]!.briefing) continue;
    for (const v of [...s.confirmed, ...(s.waiting ?? [])]) {
      const key = `${s.program}:${v}`;
      if (acked.has(key)) continue;
      acked.add(key);
      await trx
        .insertInto('volunteerBriefingAcks')
        .values({ programId: programIds[s.program]!, userId: volunteers[v], acknowledgedAt: daysAgo(30) })
        .execute();
    }
  }

  for (const s of shifts) {
    const shift = await trx
      .insertInto('volunteerShifts')
      .values({
        programId: programIds[s.program]!,
        startsAt: s.start,
        endsAt: s.end,
        address: s.address,
        district: s.district,
        places: s.places,
        task: s.task,
        stepFree: s.stepFree ?? false,
        accessibilityNotes: s.stepFree ? 'Вхід без сходинок. Step-free entrance.' : '',
        createdAt: daysAgo(29),
        updatedAt: daysAgo(29),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Sign-ups a few days before the shift (but after the briefing), in list order.
    const signedAt = (k: number) =>
      new Date(Math.min(s.start.getTime() - 3 * 86_400_000, now - 3_600_000) + k * 600_000);
    const recorded = s.day < 0 && s.present !== undefined;
    const minutes = localMinutes(s.start, s.end);
    const coordinator = coordinatorOf(s.program);
    for (const [k, v] of s.confirmed.entries()) {
      const present = recorded ? s.present!.includes(v) : null;
      const signup = await trx
        .insertInto('volunteerSignups')
        .values({
          shiftId: shift.id,
          userId: volunteers[v],
          status: 'confirmed',
          present,
          attendanceBy: recorded ? coordinator : null,
          createdAt: signedAt(k),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (s.start.getTime() > now)
        await enqueueShiftReminder(trx, { signupId: signup.id, shiftId: shift.id, startsAt: s.start }, now);
      // Attendance is the approval: each volunteer present gets the shift's hours, approved.
      if (present) {
        const decided = new Date(s.end.getTime() + 2 * 3_600_000);
        await trx
          .insertInto('volunteerHours')
          .values({
            userId: volunteers[v],
            programId: programIds[s.program]!,
            shiftId: shift.id,
            signupId: signup.id,
            workDate: toKyiv(s.start).date,
            minutes,
            description: s.task,
            source: 'attendance',
            status: 'approved',
            decidedBy: coordinator,
            decidedAt: decided,
            createdAt: decided,
          })
          .execute();
      }
    }
    for (const [k, v] of (s.waiting ?? []).entries()) {
      await trx
        .insertInto('volunteerSignups')
        .values({
          shiftId: shift.id,
          userId: volunteers[v],
          status: 'waitlisted',
          position: k + 1,
          createdAt: signedAt(s.confirmed.length + k),
        })
        .execute();
    }
  }

  for (const h of SELF_REPORTED) {
    const logged = daysAgo(-h.day - 1);
    await trx
      .insertInto('volunteerHours')
      .values({
        userId: volunteers[h.who],
        programId: programIds[h.program]!,
        workDate: addDays(ctx.today, h.day),
        minutes: h.minutes,
        description: h.description,
        source: 'self_reported',
        status: h.status,
        reason: h.reason ?? null,
        decidedBy: h.status === 'pending' ? null : coordinatorOf(h.program),
        decidedAt: h.status === 'pending' ? null : daysAgo(-h.day - 2),
        createdAt: logged,
      })
      .execute();
  }
}
