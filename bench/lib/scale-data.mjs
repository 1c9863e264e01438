// Data for the benchmarks, made in SQL (generate_series) straight in the bench database: the
// registry's organisations (shared with bench/registry-search.mjs) and a city's worth of hubs,
// rooms, bookings, events and registrations (bench/scale.mjs). Every row obeys the schema's
// constraints: the exclusion constraint keeps a room's pending and confirmed bookings apart, and
// the generator never puts two bookings of any status in one room at once.

/** Kyiv's ten districts, in the order the schema's check on hubs.district lists them. */
export async function districts(client) {
  const { rows } = await client.query(
    `select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'hubs_district_check'`,
  );
  return [...rows[0].def.matchAll(/'([a-z]+)'::text/g)].map((m) => m[1]);
}

/**
 * `count` organisations (every tenth submitted, the rest verified) with names built from
 * syllables, so that one word is shared by a few dozen organisations and another is nearly
 * unique, as with real names; every description contains «допомагає».
 */
export async function insertOrganizations(client, count) {
  await client.query(
    `
    with syl as (
      select array['ка','ло','ми','ра','те','ні','во','да','ся','ко','лі','ну','бе','ре','го','ди','жа','зо','пі','ту','фе','ха','це','чу','ша','ві','ма','ле','со','ян'] uk,
             array['ka','lo','my','ra','te','ni','vo','da','sia','ko','li','nu','be','re','ho','dy','zha','zo','pi','tu','fe','kha','tse','chu','sha','vi','ma','le','so','ian'] en,
             $2::text[] districts,
             array['education','culture','social_support','health','environment','human_rights','veterans_support','youth_work','sport','digital_skills'] acts,
             array['children','youth','older_people','veterans','idps','families','women','students'] groups
    ), n as (
      select i, (i * 7919) % 900 a, (i * 104729) % 27000 b from generate_series(1, $1::int) i
    )
    insert into organizations (name_uk, name_en, status, district, legal_form, address, activities, target_groups,
                               description_uk, description_en, verified_at, updated_at)
    select 'ГО «' || initcap(uk[1 + a / 30] || uk[1 + a % 30]) || ' ' || initcap(uk[1 + b / 900] || uk[1 + (b / 30) % 30] || uk[1 + b % 30]) || '»',
           initcap(en[1 + a / 30] || en[1 + a % 30]) || ' ' || initcap(en[1 + b / 900] || en[1 + (b / 30) % 30] || en[1 + b % 30]) || ' NGO',
           case when i % 10 = 0 then 'submitted' else 'verified' end,
           districts[1 + i % 10], 'other', 'Київ, вул. Тестова, ' || i,
           array[acts[1 + i % 10], acts[1 + (i / 10) % 10]], array[groups[1 + i % 8]],
           'Організація ' || uk[1 + a % 30] || uk[1 + b % 30] || ' працює у районі та допомагає мешканцям: освіта, культура, підтримка.',
           'The organisation works in the district and helps residents: education, culture, support.',
           now() - (i || ' minutes')::interval, now()
    from syl, n`,
    [count, await districts(client)],
  );
  await client.query('analyze organizations');
}

/**
 * A city: `hubs` hubs spread over the ten districts (Mon–Fri 08:00–21:00, Sat 10:00–18:00 Kyiv
 * time), `roomsPerHub` rooms each, and `bookings` bookings over two years (a year back, a year
 * ahead) in the opening hours, 30 to 60 minutes each, at most one per room at any time. Past
 * bookings are confirmed (80%), cancelled (10%) or declined (10%); future ones are confirmed
 * (60%), pending (20%), cancelled or declined (10% each).
 * A quarter of the verified organisations book, each in its own district's hubs, some far more
 * than others. Then events in every fiftieth confirmed booking and `registrations` registrations
 * by `residents` residents. The statistics rollups are rebuilt once at the end (their row
 * triggers are off during the load). With `hours` > 0, also volunteering (see `volunteering`).
 * Returns the counts and the seconds each step took.
 */
export async function generateCity(
  client,
  {
    hubs = 24,
    roomsPerHub = 8,
    bookings = 1_000_000,
    registrations = 100_000,
    residents = 10_000,
    hours = 0,
    programs = 300,
    shifts = null,
  } = {},
) {
  const timings = {};
  const DISTRICTS = await districts(client);
  const step = async (name, fn) => {
    const t = Date.now();
    await fn();
    timings[name] = (Date.now() - t) / 1000;
  };
  await step('hubs and rooms', async () => {
    await client.query(
      `insert into hubs (name_uk, name_en, district, address_uk, address_en, latitude, longitude)
       select 'Хаб ' || i, 'Hub ' || i, ($2::text[])[1 + i % 10], 'Київ, вул. Хабова, ' || i, 'Kyiv, Khabova St, ' || i,
              50.45 + (i % 7) * 0.01, 30.52 + (i % 5) * 0.01
       from generate_series(1, $1::int) i`,
      [hubs, DISTRICTS],
    );
    await client.query(
      `insert into hub_opening_hours (hub_id, weekday, opens, closes)
       select h.id, d, case when d = 6 then '10:00'::time else '08:00'::time end,
              case when d = 6 then '18:00'::time else '21:00'::time end
       from hubs h, generate_series(1, 6) d`,
    );
    await client.query(
      // The rooms were there before the bookings' two years (utilisation counts a room's opening
      // hours from the day it was added).
      `insert into rooms (hub_id, name_uk, name_en, capacity, requires_approval, horizon_days, max_minutes, created_at)
       select h.id, 'Зала ' || k, 'Room ' || k, 10 + k * 8, k % 2 = 0, 400, 480, now() - interval '2 years'
       from hubs h, generate_series(1, $1::int) k`,
      [roomsPerHub],
    );
  });

  await client.query('alter table bookings disable trigger bookings_stats');
  await client.query('alter table bookings disable trigger bookings_room_stats');
  await step('bookings', async () => {
    // Candidate slots: every room, every open day, every hour of the opening hours; a booking
    // lasts 30, 45 or 60 minutes from the start of its hour, so none overlaps another. Then as
    // many slots as asked, spread evenly over the candidates.
    // The organisations that book (a quarter of the verified ones), each with a home district
    // whose hubs it uses.
    await client.query(
      `create temporary table active_orgs as
       select id, district, row_number() over (partition by district order by id) - 1 as k,
              count(*) over (partition by district) as n
       from (select id, ($1::text[])[1 + abs(hashtext(id::text)) % 10] as district from organizations
             where status = 'verified' and id::text < '4') o`,
      [DISTRICTS],
    );
    await client.query(`create index on active_orgs (district, k)`);
    await client.query(
      `with slots as (
         select r.id room_id, h.district, (d::date + make_interval(hours => hh))::timestamp at time zone 'Europe/Kyiv' s,
                30 + 15 * (abs(hashint4(hh * 7 + extract(doy from d)::int * 31 + r.capacity)) % 3) minutes
         from rooms r
         join hubs h on h.id = r.hub_id
         cross join generate_series(date_trunc('day', now()) - interval '365 days', date_trunc('day', now()) + interval '364 days', interval '1 day') d
         join hub_opening_hours o on o.hub_id = h.id and o.weekday = extract(isodow from d)
         cross join generate_series(extract(hour from o.opens)::int, extract(hour from o.closes)::int - 1) hh
       ), picked as (
         select *, row_number() over () rn, count(*) over () total from slots
       ), chosen as (
         select * from picked where (rn * $1::bigint) / total <> ((rn - 1) * $1::bigint) / total
       )
       insert into bookings (room_id, kind, organization_id, title, purpose, attendees, status, period, blocked, created_at)
       select c.room_id, 'booking', o.id, 'Зустріч ' || (c.rn % 997), 'Робоча зустріч громади', 5 + c.rn % 30,
              case when c.s > now() then (array['confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','pending','pending','cancelled','declined'])[1 + c.rn % 10]
                   else (array['confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','cancelled','declined'])[1 + (c.rn * 7) % 10] end,
              tstzrange(c.s, c.s + make_interval(mins => c.minutes), '[)'),
              tstzrange(c.s, c.s + make_interval(mins => c.minutes), '[)'),
              c.s - interval '20 days'
       from chosen c
       cross join lateral (select n from active_orgs a where a.district = c.district limit 1) dn
       join active_orgs o on o.district = c.district
         and o.k = floor(dn.n * power((abs(hashint8(c.rn)) % 10000) / 10000.0, 2))::int`,
      [bookings],
    );
  });
  await step('statistics rollups', async () => {
    await client.query('select booking_stats_rebuild()');
    await client.query('select room_day_stats_rebuild()');
  });
  await client.query('alter table bookings enable trigger bookings_stats');
  await client.query('alter table bookings enable trigger bookings_room_stats');

  await client.query('alter table event_registrations disable trigger event_registrations_stats');
  await client.query('alter table event_feedback disable trigger event_feedback_stats');
  await step('events and registrations', async () => {
    const perEvent = 20;
    const events = Math.ceil(registrations / perEvent);
    await client.query(
      `insert into events (booking_id, title_uk, title_en, description_uk, category, capacity, starts_at, ends_at, status)
       select b.id, 'Подія ' || b.rn, 'Event ' || b.rn, 'Відкрита зустріч', (array['debate','workshop','training','civic_course','consultation','meeting'])[1 + b.rn % 6],
              40, lower(b.period), upper(b.period), case when b.rn % 40 = 0 then 'cancelled' else 'published' end
       from (select id, period, row_number() over (order by lower(period)) rn from bookings
             where kind = 'booking' and status = 'confirmed') b
       where b.rn % (select greatest(1, count(*) / $1::int) from bookings where status = 'confirmed') = 0
       limit $1::int`,
      [events],
    );
    await client.query(
      `insert into users (email, password_hash, name)
       select 'resident-' || i || '@scale.example.org', 'x', 'Мешканка ' || i from generate_series(1, $1::int) i`,
      [residents],
    );
    await client.query(
      `with e as (select id, starts_at, row_number() over (order by starts_at) n from events),
            u as (select id, row_number() over (order by email) - 1 k from users where email like 'resident-%@scale.example.org')
       insert into event_registrations (event_id, user_id, status, code, created_at, checked_in_at)
       select e.id, u.id, case when j % 10 = 9 then 'cancelled' else 'confirmed' end, lpad(j::text, 6, '0'),
              e.starts_at - interval '3 days',
              case when e.starts_at < now() and j % 10 < 7 then e.starts_at end
       from e cross join generate_series(1, $2::int) j
       join u on u.k = (e.n * 37 + j * 101) % $3::int
       limit $1::int`,
      [registrations, perEvent, residents],
    );
    await client.query(
      `insert into event_feedback (event_id, user_id, rating, comment)
       select event_id, user_id, 1 + abs(hashtext(code || event_id::text)) % 5, ''
       from event_registrations where checked_in_at is not null and code::int % 3 = 0`,
    );
    await client.query('select event_stats_rebuild()');
  });
  await client.query('alter table event_registrations enable trigger event_registrations_stats');
  await client.query('alter table event_feedback enable trigger event_feedback_stats');
  if (hours > 0) {
    await step('volunteer programs, shifts and hours', () =>
      volunteering(client, { hours, programs, shifts }),
    );
  }
  await step('vacuum analyze', async () => {
    await client.query('vacuum analyze');
  });
  const { rows } = await client.query(`select
      (select count(*)::int from hubs) hubs, (select count(*)::int from rooms) rooms,
      (select count(*)::int from organizations) organizations,
      (select count(distinct organization_id)::int from bookings) "bookingOrganizations",
      (select count(*)::int from bookings) bookings,
      (select json_object_agg(status, n) from (select status, count(*)::int n from bookings group by status) s) statuses,
      (select count(*)::int from events) events,
      (select count(*)::int from event_registrations) registrations`);
  if (hours > 0) {
    const v = await client.query(`select
        (select count(*)::int from volunteer_programs) "volunteerPrograms",
        (select count(*)::int from volunteer_shifts) "volunteerShifts",
        (select count(*)::int from volunteer_hours) "volunteerHours",
        (select json_object_agg(k, n) from (select source || '/' || status k, count(*)::int n from volunteer_hours
                                            group by 1) s) "hourStatuses"`);
    Object.assign(rows[0], v.rows[0]);
  }
  return { ...rows[0], timings };
}

/** The causes the schema's check on volunteer_programs.cause allows. */
const CAUSES = [
  'veterans',
  'children_youth',
  'elderly',
  'environment',
  'culture_heritage',
  'civic_education',
  'humanitarian_aid',
  'animals',
  'health',
  'digital_skills',
];

/**
 * Volunteering for `generateCity` (option `hours`): `programs` programs, each owned by a verified
 * organisation (published, every tenth closed) and working in one district that has hubs;
 * `shifts` published shifts (by default enough for the hours) spread evenly over the same two
 * years as the bookings (a year back, a year ahead), 2–4 hours starting 09:00–17:00 Kyiv time, in a
 * room of a hub of the program's district; and exactly `hours` hour entries by the residents
 * `generateCity` made: about 70% from attendance (one per volunteer and past shift, the shift's
 * day and length, spread evenly over the past shifts), the rest self-reported (a day of the past
 * year, 30–480 minutes in steps of 15). Statuses: 85% approved, 10% pending, 5% rejected (with a
 * reason). No rollup keeps volunteering figures (only the statement-level data-version triggers
 * run), so nothing is disabled or rebuilt; sign-ups and profiles are not needed by any constraint
 * and are not made.
 */
async function volunteering(client, { hours, programs, shifts }) {
  const attendance = Math.round(hours * 0.7);
  // About 10.5 volunteers per past shift, half the shifts in the past, and some to spare.
  const shiftCount = shifts ?? Math.max(20, Math.ceil((attendance / 10.5) * 2 * 1.15));
  await client.query(
    `with d as (select array_agg(distinct district order by district) ds from hubs),
          o as (select id, row_number() over (order by id) k from organizations where status = 'verified'
                order by id limit $1::int)
     insert into volunteer_programs (organization_id, title_uk, title_en, description_uk, description_en, cause,
                                     districts, contact, status, created_at, updated_at)
     select o.id, 'Волонтерська програма ' || o.k, 'Volunteer program ' || o.k,
            'Допомога мешканцям району.', 'Helping the district''s residents.', ($2::text[])[1 + o.k % 10],
            array[d.ds[1 + o.k % cardinality(d.ds)]], 'volunteers@bench.example.org',
            case when o.k % 10 = 0 then 'closed' else 'published' end,
            now() - interval '400 days', now()
     from o, d`,
    [programs, CAUSES],
  );
  const programCount = (await client.query('select count(*)::int n from volunteer_programs')).rows[0].n;
  await client.query(
    `with p as (select id, districts[1] district, row_number() over (order by id) - 1 k from volunteer_programs),
          r as (select r.id room_id, h.district, h.address_uk,
                       row_number() over (partition by h.district order by r.id) - 1 k,
                       count(*) over (partition by h.district) n
                from rooms r join hubs h on h.id = r.hub_id),
          i as (select i, (now() at time zone 'Europe/Kyiv')::date - 365 + (i::bigint * 730 / $1::int)::int as day
                from generate_series(0, $1::int - 1) i),
          t as (select i.i, p.id program_id, p.district,
                       (i.day + make_time(9 + i.i % 9, 0, 0))::timestamp at time zone 'Europe/Kyiv' s
                from i join p on p.k = abs(hashint4(i.i)) % $2::int)
     insert into volunteer_shifts (program_id, starts_at, ends_at, address, district, room_id, places, task,
                                   status, created_at, updated_at)
     select t.program_id, t.s, t.s + make_interval(hours => 2 + t.i % 3), r.address_uk, t.district, r.room_id,
            8 + t.i % 13, 'Допомога на заході ' || t.i, 'published', t.s - interval '30 days', t.s - interval '30 days'
     from t join r on r.district = t.district and r.k = abs(hashint4(t.i * 31 + 1)) % r.n`,
    [shiftCount, programCount],
  );
  const residentCount = (
    await client.query(`select count(*)::int n from users where email like 'resident-%@scale.example.org'`)
  ).rows[0].n;
  if (residentCount === 0) throw new Error('volunteer hours need the residents generateCity makes');
  // status from a number 0–19: 85% approved, 10% pending, 5% rejected.
  const status = (h) =>
    `case when ${h} < 17 then 'approved' when ${h} < 19 then 'pending' else 'rejected' end`;
  // Attendance: candidate (past shift, volunteer) pairs, as many of them chosen as asked, evenly.
  const att = await client.query(
    `with s as (select id, program_id, starts_at, ends_at, places, row_number() over (order by starts_at, id) n
                from volunteer_shifts where status = 'published' and ends_at < now() - interval '1 day'),
          u as (select id, row_number() over (order by email) - 1 k from users
                where email like 'resident-%@scale.example.org'),
          c as (select s.*, j, abs(hashint4((s.n * 131 + j)::int)) % 20 h,
                       row_number() over (order by s.n, j) rn, count(*) over () total
                from s cross join generate_series(1, 16) j
                where j <= least(s.places, 6 + s.n % 11)),
          chosen as (select * from c where (rn * $1::bigint) / total <> ((rn - 1) * $1::bigint) / total)
     insert into volunteer_hours (user_id, program_id, shift_id, work_date, minutes, description, source, status,
                                  reason, decided_at, created_at)
     select u.id, c.program_id, c.id, (c.starts_at at time zone 'Europe/Kyiv')::date,
            (extract(epoch from c.ends_at - c.starts_at) / 60)::int, '', 'attendance', ${status('c.h')},
            case when c.h = 19 then 'Не було на зміні' end,
            case when c.h < 17 or c.h = 19 then c.ends_at + interval '1 day' end, c.ends_at
     from chosen c join u on u.k = (c.n * 37 + c.j * 101) % $2::int`,
    [attendance, residentCount],
  );
  // Self-reported: the rest, on days of the past year, by every resident and in every program.
  await client.query(
    `with p as (select id, row_number() over (order by id) - 1 k from volunteer_programs),
          u as (select id, row_number() over (order by email) - 1 k from users
                where email like 'resident-%@scale.example.org'),
          i as (select i, (now() at time zone 'Europe/Kyiv')::date - (1 + i % 365) as day, abs(hashint4(i * 5 + 3)) % 20 h
                from generate_series(1, $1::int) i)
     insert into volunteer_hours (user_id, program_id, work_date, minutes, description, source, status, reason,
                                  decided_at, created_at)
     select u.id, p.id, i.day, 30 + 15 * (abs(hashint4(i.i)) % 31), 'Допомога в організації', 'self_reported',
            ${status('i.h')}, case when i.h = 19 then 'Не підтверджено' end,
            case when i.h < 17 or i.h = 19 then (i.day + 3)::timestamp at time zone 'Europe/Kyiv' end,
            (i.day + 1)::timestamp at time zone 'Europe/Kyiv'
     from i
     join p on p.k = abs(hashint4(i.i * 3)) % $2::int
     join u on u.k = abs(hashint4(i.i * 7)) % $3::int`,
    [hours - att.rowCount, programCount, residentCount],
  );
}
