// Demo data for a fresh embedded database: five hubs in five districts with rooms and opening
// hours, a few organisations, one account per role, and volunteer programs with shifts, sign-ups
// and hours (demo-volunteering.ts). Everything is marked is_demo (or belongs to demo rows).
import { addDays, type BookingInput, type EventInput, fromKyiv, toKyiv } from '@vcentri/shared';
import type { Kysely } from 'kysely';
import { hashPassword } from '../modules/auth/passwords';
import { bookRoom } from '../modules/bookings/bookings.service';
import { checkRequest, type OccurrenceProblem } from '../modules/bookings/rules';
import { publishIn } from '../modules/events/publishing';
import { makePrincipal, type Principal } from '../modules/users/principal';
import { DEMO_ORGANIZATIONS, demoEdrpou } from './demo-organizations';
import { seedDemoVolunteering } from './demo-volunteering';
import { seedDemoActionPlan } from './demo-action-plan';
import type { DB } from './schema';

export const DEMO_PASSWORD = 'Vcentri-demo-2026';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.vcentri.kyiv.ua', name: 'Олена Коваленко (city admin)', role: 'city_admin' },
  {
    email: 'district@demo.vcentri.kyiv.ua',
    name: 'Андрій Мельник (district admin, Obolonskyi)',
    role: 'district_admin',
  },
  { email: 'manager@demo.vcentri.kyiv.ua', name: 'Ірина Шевчук (hub manager, Obolon)', role: 'hub_manager' },
  { email: 'ngo-owner@demo.vcentri.kyiv.ua', name: 'Марія Бондаренко (NGO owner)', role: 'ngo_owner' },
  { email: 'ngo-member@demo.vcentri.kyiv.ua', name: 'Тарас Ткаченко (NGO member)', role: 'ngo_member' },
  { email: 'resident@demo.vcentri.kyiv.ua', name: 'Оксана Лисенко (resident)', role: 'resident' },
] as const;

type Hours = [weekday: number, opens: string, closes: string][];
const WEEKDAYS_9_21: Hours = [1, 2, 3, 4, 5].map((d) => [d, '09:00', '21:00']);

const HUBS: {
  nameUk: string;
  nameEn: string;
  district: string;
  addressUk: string;
  addressEn: string;
  latitude: number;
  longitude: number;
  shelterUk: string;
  shelterEn: string;
  accessUk: string;
  accessEn: string;
  hours: Hours;
  rooms: { uk: string; en: string; capacity: number; equipment: string[]; access: string[] }[];
}[] = [
  {
    nameUk: 'Vcentri HUB Оболонь',
    nameEn: 'Vcentri HUB Obolon',
    district: 'obolonskyi',
    addressUk: 'просп. Оболонський, 16 (демо)',
    addressEn: '16 Obolonskyi Ave (demo)',
    latitude: 50.505,
    longitude: 30.498,
    shelterUk: 'Укриття в підвалі будівлі, вхід з двору.',
    shelterEn: 'Shelter in the basement, entrance from the courtyard.',
    accessUk: 'Пандус, ліфт, доступний туалет.',
    accessEn: 'Ramp, lift, accessible toilet.',
    hours: [...WEEKDAYS_9_21, [6, '10:00', '18:00']],
    rooms: [
      {
        uk: 'Велика зала',
        en: 'Main hall',
        capacity: 60,
        equipment: ['projector', 'screen', 'sound', 'microphone', 'wifi'],
        access: ['step_free', 'hearing_loop'],
      },
      {
        uk: 'Переговорна «Дніпро»',
        en: 'Meeting room "Dnipro"',
        capacity: 12,
        equipment: ['screen', 'whiteboard', 'wifi', 'video_conferencing'],
        access: ['step_free'],
      },
      {
        uk: 'Коворкінг',
        en: 'Coworking',
        capacity: 20,
        equipment: ['wifi', 'flipchart', 'kitchen'],
        access: ['step_free'],
      },
    ],
  },
  {
    nameUk: 'Vcentri HUB Поділ',
    nameEn: 'Vcentri HUB Podil',
    district: 'podilskyi',
    addressUk: 'вул. Костянтинівська, 9 (демо)',
    addressEn: '9 Kostiantynivska St (demo)',
    latitude: 50.4655,
    longitude: 30.513,
    shelterUk: 'Найближче укриття — станція метро «Контрактова площа», 300 м.',
    shelterEn: 'Nearest shelter: Kontraktova Ploshcha metro station, 300 m.',
    accessUk: 'Вхід з рівня тротуару.',
    accessEn: 'Step-free entrance.',
    hours: [...WEEKDAYS_9_21, [6, '10:00', '16:00']],
    rooms: [
      {
        uk: 'Лекторій',
        en: 'Lecture room',
        capacity: 40,
        equipment: ['projector', 'screen', 'sound', 'microphone'],
        access: ['step_free'],
      },
      {
        uk: 'Майстерня',
        en: 'Workshop room',
        capacity: 16,
        equipment: ['flipchart', 'laptops', 'wifi'],
        access: ['step_free'],
      },
    ],
  },
  {
    nameUk: 'Vcentri HUB Дарниця',
    nameEn: 'Vcentri HUB Darnytsia',
    district: 'darnytskyi',
    addressUk: 'Харківське шосе, 168 (демо)',
    addressEn: '168 Kharkivske Hwy (demo)',
    latitude: 50.418,
    longitude: 30.637,
    shelterUk: 'Укриття в будівлі, цокольний поверх.',
    shelterEn: 'Shelter on the ground floor of the building.',
    accessUk: 'Ліфт, широкі двері.',
    accessEn: 'Lift, wide doors.',
    hours: WEEKDAYS_9_21,
    rooms: [
      {
        uk: 'Зала для тренінгів',
        en: 'Training hall',
        capacity: 30,
        equipment: ['projector', 'screen', 'flipchart', 'wifi'],
        access: ['step_free'],
      },
      {
        uk: 'Комп’ютерний клас',
        en: 'Computer class',
        capacity: 14,
        equipment: ['laptops', 'projector', 'wifi'],
        access: ['step_free'],
      },
      {
        uk: 'Мала переговорна',
        en: 'Small meeting room',
        capacity: 6,
        equipment: ['screen', 'wifi'],
        access: [],
      },
    ],
  },
  {
    nameUk: 'Vcentri HUB Святошин',
    nameEn: 'Vcentri HUB Sviatoshyn',
    district: 'sviatoshynskyi',
    addressUk: 'просп. Берестейський, 100 (демо)',
    addressEn: '100 Beresteiskyi Ave (demo)',
    latitude: 50.458,
    longitude: 30.365,
    shelterUk: 'Укриття — паркінг торгового центру поруч, 150 м.',
    shelterEn: 'Shelter: the car park of the shopping centre next door, 150 m.',
    accessUk: 'Пандус; другий поверх без ліфта.',
    accessEn: 'Ramp; the first floor has no lift.',
    hours: [...WEEKDAYS_9_21, [6, '10:00', '18:00'], [7, '10:00', '16:00']],
    rooms: [
      {
        uk: 'Мультимедійна зала',
        en: 'Multimedia hall',
        capacity: 50,
        equipment: ['projector', 'screen', 'sound', 'microphone', 'video_conferencing'],
        access: ['step_free'],
      },
      { uk: 'Студія', en: 'Studio', capacity: 10, equipment: ['sound', 'microphone', 'laptops'], access: [] },
    ],
  },
  {
    nameUk: 'Vcentri HUB Голосіїв',
    nameEn: 'Vcentri HUB Holosiiv',
    district: 'holosiivskyi',
    addressUk: 'просп. Голосіївський, 42 (демо)',
    addressEn: '42 Holosiivskyi Ave (demo)',
    latitude: 50.398,
    longitude: 30.51,
    shelterUk: 'Укриття в будівлі, підвальний поверх.',
    shelterEn: 'Shelter in the basement of the building.',
    accessUk: 'Пандус, тактильна плитка, доступний туалет.',
    accessEn: 'Ramp, tactile paving, accessible toilet.',
    hours: [...WEEKDAYS_9_21, [6, '09:00', '15:00']],
    rooms: [
      {
        uk: 'Зала громади',
        en: 'Community hall',
        capacity: 80,
        equipment: ['projector', 'screen', 'sound', 'microphone', 'wifi'],
        access: ['step_free', 'hearing_loop'],
      },
      {
        uk: 'Класна кімната',
        en: 'Classroom',
        capacity: 24,
        equipment: ['whiteboard', 'projector', 'wifi'],
        access: ['step_free'],
      },
      {
        uk: 'Дитяча кімната',
        en: 'Children’s room',
        capacity: 15,
        equipment: ['flipchart'],
        access: ['step_free'],
      },
      {
        uk: 'Переговорна',
        en: 'Meeting room',
        capacity: 8,
        equipment: ['screen', 'wifi'],
        access: ['step_free'],
      },
    ],
  },
];

/** Loads the demo data into an empty database; returns false when hubs already exist. */
export async function seedDemoData(db: Kysely<DB>, now = new Date()): Promise<boolean> {
  const existing = await db.selectFrom('hubs').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute((trx) => loadDemoData(trx, passwordHash, now));
  return true;
}

/** Where the audit log says demo bookings and events came from. */
const DEMO_IP = 'demo-data';

/**
 * When a demo booking counts as requested: now for an upcoming one, two weeks before the start
 * for one that already happened (the booking rules, lead time first, are those of that moment).
 */
export const demoRequestedAt = (start: Date, now: Date) =>
  start < now ? new Date(start.getTime() - 14 * 86_400_000) : now;

/** A demo account's principal with its grants, as the API would see it. */
export async function demoPrincipal(trx: Kysely<DB>, email: string): Promise<Principal> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return makePrincipal(
    user,
    await trx.selectFrom('roleGrants').selectAll().where('userId', '=', user.id).execute(),
  );
}

/**
 * Books a demo slot through the booking rules (checkRequest, then bookRoom as a request would):
 * on the first date from `date` (walking `step` days at a time, two weeks at most) on which every
 * rule holds — the hub open for all of it in Kyiv time, no closure, no clash, the capacity, the
 * quota. Whatever the weekday or the season the demo is loaded on, the booking lands on a day the
 * hub is open; a rule that no date can satisfy (too many people for the room) fails the load.
 */
async function bookDemoSlot(
  trx: Kysely<DB>,
  p: Principal,
  slot: Omit<BookingInput, 'start' | 'end'> & { date: string; step: 1 | -1; from: string; to: string },
  now: Date,
): Promise<{ id: string; start: Date }> {
  const { date, step, from, to, ...rest } = slot;
  let first: OccurrenceProblem[] = [];
  for (let d = 0; d < 14; d++) {
    const day = addDays(date, d * step);
    const start = fromKyiv(day, from);
    const input: BookingInput = {
      ...rest,
      start: start.toISOString(),
      end: fromKyiv(day, to).toISOString(),
    };
    const requestedAt = demoRequestedAt(start, now);
    const [occurrence] = (await checkRequest(trx, p, input, requestedAt)).preview.occurrences;
    if (occurrence?.ok) return { id: (await bookRoom(trx, p, input, DEMO_IP, requestedAt)).ids[0]!, start };
    if (d === 0) first = occurrence?.problems ?? [];
  }
  throw new Error(
    `demo booking «${slot.title}» from ${date}: no date in two weeks keeps the booking rules (${first
      .map((x) => `${x.code}: ${x.detail}`)
      .join('; ')})`,
  );
}

/**
 * Writes every demo row inside the caller's transaction, as of `now`. Bookings and their events
 * go through the booking and event services' rules (see bookDemoSlot); tests load it at other
 * moments and roll back.
 */
export async function loadDemoData(trx: Kysely<DB>, passwordHash: string, now: Date): Promise<void> {
  const hubIds: string[] = [];
  const roomIds: string[][] = [];
  for (const h of HUBS) {
    const hub = await trx
      .insertInto('hubs')
      .values({
        nameUk: h.nameUk,
        nameEn: h.nameEn,
        district: h.district,
        addressUk: h.addressUk,
        addressEn: h.addressEn,
        latitude: h.latitude,
        longitude: h.longitude,
        shelterNotesUk: h.shelterUk,
        shelterNotesEn: h.shelterEn,
        accessibilityNotesUk: h.accessUk,
        accessibilityNotesEn: h.accessEn,
        isDemo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    hubIds.push(hub.id);
    await trx
      .insertInto('hubOpeningHours')
      .values(h.hours.map(([weekday, opens, closes]) => ({ hubId: hub.id, weekday, opens, closes })))
      .execute();
    const rooms = await trx
      .insertInto('rooms')
      .values(
        h.rooms.map((r, i) => ({
          // The big halls need a manager's approval; smaller rooms are confirmed at once.
          requiresApproval: i === 0,
          bufferMinutes: i === 0 ? 30 : 15,
          monthlyQuotaHours: i === 0 ? 40 : null,
          hubId: hub.id,
          nameUk: r.uk,
          nameEn: r.en,
          capacity: r.capacity,
          equipment: r.equipment,
          accessibilityFeatures: r.access,
          isDemo: true,
        })),
      )
      .returning('id')
      .execute();
    roomIds.push(rooms.map((r) => r.id));
  }
  const orgIds: string[] = [];
  for (const [i, org] of DEMO_ORGANIZATIONS.entries()) {
    const reached = (states: string[]) => states.includes(org.status);
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
    const row = await trx
      .insertInto('organizations')
      .values({
        nameUk: `${org.nameUk} (демо)`,
        nameEn: `${org.nameEn} (demo)`,
        legalForm: org.legalForm,
        edrpou:
          org.legalForm === 'civic_initiative' || org.legalForm === 'volunteer_group'
            ? null
            : demoEdrpou(2_100_000 + i * 37),
        status: org.status,
        district: org.district,
        address: `Київ, ${HUBS.find((h) => h.district === org.district)?.addressUk ?? 'вул. Хрещатик, 36 (демо)'}`,
        activities: org.activities,
        targetGroups: org.targetGroups,
        contacts: JSON.stringify({
          email: `info${i + 1}@demo.vcentri.kyiv.ua`,
          website: `https://example.org/demo-${i + 1}`,
        }),
        descriptionUk: org.descriptionUk,
        descriptionEn: org.descriptionEn,
        yearFounded: org.yearFounded,
        rejectionReason: org.rejectionReason ?? null,
        submittedAt: reached(['submitted', 'verified', 'rejected', 'suspended', 'archived'])
          ? at(60 - i)
          : null,
        verifiedAt: reached(['verified', 'suspended', 'archived']) ? at(50 - i) : null,
        isDemo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgIds.push(row.id);
    await trx
      .insertInto('organizationHistory')
      .values({
        organizationId: row.id,
        actorId: null,
        action: 'created',
        toStatus: 'draft',
        reason: 'demo data',
        changes: '[]',
      })
      .execute();
  }
  const accountIds: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const user = await trx
      .insertInto('users')
      .values({ email: a.email, name: a.name, passwordHash, isDemo: true })
      .onConflict((oc) => oc.column('email').doUpdateSet({ isDemo: true }))
      .returning('id')
      .executeTakeFirstOrThrow();
    accountIds[a.email] = user.id;
    const scope =
      a.role === 'district_admin'
        ? { district: 'obolonskyi' }
        : a.role === 'hub_manager'
          ? { hubId: hubIds[0]! }
          : a.role === 'ngo_owner' || a.role === 'ngo_member'
            ? { organizationId: orgIds[0]! }
            : {};
    if (a.role !== 'resident') {
      await trx
        .insertInto('roleGrants')
        .values({ userId: user.id, role: a.role, ...scope })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  // Demo bookings of the verified demo organisations over the next two weeks, in Kyiv time. The
  // city administrator books at once (confirmed); the NGO owner's request for a hall that needs
  // approval waits for the Obolon hub manager (pending). Each lands on the first day from `day`
  // on which the booking rules allow it.
  const today = toKyiv(now).date;
  const admin = await demoPrincipal(trx, 'admin@demo.vcentri.kyiv.ua');
  const owner = await demoPrincipal(trx, 'ngo-owner@demo.vcentri.kyiv.ua');
  const demoBookings: [
    hub: number,
    room: number,
    org: number,
    day: number,
    from: string,
    to: string,
    by: Principal,
    title: string,
    attendees: number,
  ][] = [
    [0, 0, 0, 2, '18:00', '20:00', admin, 'Дебати: майбутнє набережної', 45],
    [0, 1, 0, 3, '10:00', '12:00', owner, 'Засідання правління', 8],
    [0, 0, 0, 4, '15:00', '17:00', owner, 'Зустріч волонтерів', 30],
    [0, 2, 5, 5, '11:00', '13:00', admin, 'Цифрова грамотність для старших', 15],
    [1, 0, 1, 3, '17:00', '19:00', admin, 'Лекція про волонтерство', 35],
    [1, 1, 12, 6, '10:00', '12:00', admin, 'Майстерня для батьків', 12],
    [2, 0, 13, 2, '14:00', '17:00', admin, 'Тренінг з реабілітації', 25],
    [3, 0, 3, 4, '18:00', '20:00', admin, 'Група підтримки ветеранів', 20],
    [4, 1, 16, 3, '10:00', '11:30', admin, 'Читання для дітей', 20],
  ];
  const bookingIds: string[] = [];
  for (const [hub, room, org, day, from, to, by, title, attendees] of demoBookings) {
    const slot = { roomId: roomIds[hub]![room]!, organizationId: orgIds[org]!, title, attendees };
    const booked = await bookDemoSlot(
      trx,
      by,
      { ...slot, date: addDays(today, day), step: 1, from, to },
      now,
    );
    bookingIds.push(booked.id);
  }
  await seedDemoHistory(trx, { today, now, admin, roomIds, orgIds });
  await seedDemoEvents(trx, { today, now, admin, roomIds, orgIds, bookingIds, passwordHash });
  await seedDemoVolunteering(trx, { today, now, orgIds, passwordHash, accountIds });
  await seedDemoActionPlan(trx, { now, adminId: accountIds['admin@demo.vcentri.kyiv.ua'] ?? null });
}

/** Titles of the demo's past bookings (the history the dashboard and the reports show). */
const HISTORY_TITLES = [
  'Засідання правління',
  'Зустріч волонтерів',
  'Тренінг для координаторів',
  'Консультація для мешканців',
  'Репетиція хору ветеранів',
  'Майстерня з фандрейзингу',
];
/** The verified demo organisations that booked in the past. */
const HISTORY_ORGS = [0, 5, 1, 12, 13, 3, 16];
const HISTORY_SLOTS = [
  ['10:00', '12:00'],
  ['14:00', '16:00'],
  ['18:00', '20:00'],
] as const;

/**
 * A past for the dashboard, the district view and the quarterly reports: every demo room booked
 * every few weeks over the past nine months, by the verified demo organisations, through the
 * booking rules as they stood two weeks before each date (bookDemoSlot).
 */
async function seedDemoHistory(
  trx: Kysely<DB>,
  ctx: { today: string; now: Date; admin: Principal; roomIds: string[][]; orgIds: string[] },
): Promise<void> {
  let n = 0;
  for (const [h, rooms] of ctx.roomIds.entries()) {
    for (const [r, roomId] of rooms.entries()) {
      for (let k = 1; k <= 6; k++, n++) {
        const [from, to] = HISTORY_SLOTS[(h + r + k) % HISTORY_SLOTS.length]!;
        await bookDemoSlot(
          trx,
          ctx.admin,
          {
            roomId,
            organizationId: ctx.orgIds[HISTORY_ORGS[n % HISTORY_ORGS.length]!]!,
            title: HISTORY_TITLES[n % HISTORY_TITLES.length]!,
            attendees: 5,
            date: addDays(ctx.today, -(k * 42 + h * 5 + r * 2)),
            step: -1,
            from,
            to,
          },
          ctx.now,
        );
      }
    }
  }
}

const DEMO_EVENTS: {
  booking: number;
  titleUk: string;
  titleEn: string;
  category: EventInput['category'];
  capacity: number;
  descriptionUk: string;
  descriptionEn: string;
}[] = [
  {
    booking: 0,
    titleUk: 'Дебати: майбутнє набережної Оболоні',
    titleEn: 'Debate: the future of the Obolon riverside',
    category: 'debate',
    capacity: 45,
    descriptionUk: 'Мешканці, архітектори й депутати говорять про набережну.',
    descriptionEn: 'Residents, architects and councillors discuss the riverside.',
  },
  {
    booking: 3,
    titleUk: 'Цифрова грамотність: смартфон без страху',
    titleEn: 'Digital literacy: a smartphone without fear',
    category: 'training',
    capacity: 15,
    descriptionUk: 'Практичне заняття для людей старшого віку.',
    descriptionEn: 'A hands-on session for older people.',
  },
  {
    booking: 4,
    titleUk: 'Лекція: як стати волонтером',
    titleEn: 'Talk: how to become a volunteer',
    category: 'civic_course',
    capacity: 35,
    descriptionUk: 'Що роблять волонтери в Києві і як приєднатися.',
    descriptionEn: 'What volunteers do in Kyiv and how to join.',
  },
  {
    booking: 8,
    titleUk: 'Читання для дітей',
    titleEn: 'Reading hour for children',
    category: 'workshop',
    capacity: 20,
    descriptionUk: 'Казки й ігри для дітей 5–8 років.',
    descriptionEn: 'Stories and games for children aged 5–8.',
  },
];

/**
 * Upcoming events in demo bookings, two past ones with attendance and feedback, and demo residents.
 * The events are published as the city administrator would (publishIn: in a confirmed booking,
 * within it, places within the room); the past ones' bookings go through the booking rules too.
 */
async function seedDemoEvents(
  trx: Kysely<DB>,
  ctx: {
    today: string;
    now: Date;
    admin: Principal;
    roomIds: string[][];
    orgIds: string[];
    bookingIds: string[];
    passwordHash: string;
  },
) {
  const residents: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const u = await trx
      .insertInto('users')
      .values({
        email: `resident${i}@demo.vcentri.kyiv.ua`,
        name: `Мешканець ${i} (демо)`,
        passwordHash: ctx.passwordHash,
        isDemo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    residents.push(u.id);
  }
  const codes = (i: number) => `DEMO${String(i).padStart(2, '0')}`;
  const addEvent = async (bookingId: string, e: (typeof DEMO_EVENTS)[number]) => {
    const id = await publishIn(
      trx,
      ctx.admin,
      bookingId,
      {
        title: { uk: e.titleUk, en: e.titleEn },
        description: { uk: e.descriptionUk, en: e.descriptionEn },
        category: e.category,
        languages: ['uk'],
        capacity: e.capacity,
      },
      DEMO_IP,
    );
    await trx.updateTable('events').set({ isDemo: true }).where('id', '=', id).execute();
    return id;
  };
  for (const [n, e] of DEMO_EVENTS.entries()) {
    const id = await addEvent(ctx.bookingIds[e.booking]!, e);
    const count = Math.min(e.capacity, 3 + n * 2);
    for (let i = 0; i < count && i < residents.length; i++) {
      await trx
        .insertInto('eventRegistrations')
        .values({ eventId: id, userId: residents[i]!, status: 'confirmed', code: codes(i) })
        .execute();
    }
  }
  // Two events that already happened: a past booking each, people checked in, ratings given.
  const past = [
    {
      days: -7,
      hub: 0,
      room: 0,
      org: 0,
      titleUk: 'Громадські консультації: бюджет участі',
      titleEn: 'Public consultation: participatory budget',
      category: 'consultation' as const,
    },
    {
      days: -3,
      hub: 1,
      room: 0,
      org: 1,
      titleUk: 'Зустріч волонтерів Подолу',
      titleEn: 'Podil volunteers’ meeting',
      category: 'meeting' as const,
    },
  ];
  for (const [n, pe] of past.entries()) {
    const booking = await bookDemoSlot(
      trx,
      ctx.admin,
      {
        roomId: ctx.roomIds[pe.hub]![pe.room]!,
        organizationId: ctx.orgIds[pe.org]!,
        title: pe.titleUk,
        attendees: 30,
        date: addDays(ctx.today, pe.days),
        step: -1,
        from: '18:00',
        to: '20:00',
      },
      ctx.now,
    );
    const start = booking.start;
    const id = await addEvent(booking.id, {
      booking: 0,
      titleUk: pe.titleUk,
      titleEn: pe.titleEn,
      category: pe.category,
      capacity: 30,
      descriptionUk: '',
      descriptionEn: '',
    });
    for (let i = 0; i < 10; i++) {
      await trx
        .insertInto('eventRegistrations')
        .values({
          eventId: id,
          userId: residents[i]!,
          status: 'confirmed',
          code: codes(i),
          checkedInAt: i < 8 ? start : null,
        })
        .execute();
      if (i < 6) {
        await trx
          .insertInto('eventFeedback')
          .values({
            eventId: id,
            userId: residents[i]!,
            rating: [5, 4, 5, 3, 4, 5][i]!,
            comment:
              i % 2
                ? ''
                : ['Дуже корисно!', 'Дякуємо організаторам.', 'Хотілося б більше часу на питання.'][
                    (i / 2 + n) % 3
                  ]!,
          })
          .execute();
      }
    }
  }
}
