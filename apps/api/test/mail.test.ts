// Notification e-mail through a real SMTP server started here: a booking approval e-mails each
// person told, once, in their own language; an opted-out kind is not e-mailed; without SMTP_URL
// nothing is enqueued for mail.
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ParsedMail, simpleParser } from 'mailparser';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { CONSENT_WORDING } from '@vcentri/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, book, kyivDate, world } from './booking-fixture';
import { buildTestApp, createUser, inject, type TestApp, type TestUser } from './helper';

const received: ParsedMail[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'vcentri' && auth.password === 'mail-secret') cb(null, { user: 'vcentri' });
      else cb(new Error('bad credentials'));
    },
    onData(stream, _session, cb) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          cb();
        },
        (err) => cb(err),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://vcentri:mail-secret@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const mailsTo = (email: string) =>
  received.filter((m) =>
    (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.text.includes(email)),
  );

/** A world whose room needs approval, one booking waiting, and a second person in the organisation. */
async function pendingBooking(t: TestApp, title: string) {
  const x = await world(t, { requiresApproval: true });
  const colleague = await createUser(t, [{ role: 'ngo_member', organizationId: x.orgId }]);
  const d = kyivDate(3 + Math.floor(Math.random() * 300));
  const res = await book(t, x.member, {
    roomId: x.roomId,
    organizationId: x.orgId,
    title,
    start: at(d, '10:00'),
    end: at(d, '11:00'),
  });
  expect(res.statusCode).toBe(201);
  return { x, colleague, bookingId: res.json().items[0].id as string };
}

const approve = (t: TestApp, as: TestUser, id: string) =>
  inject(t, { method: 'POST', url: `/api/v1/bookings/${id}/approve`, as });

/** The e-mail jobs of the notifications of one kind about one booking. */
async function mailJobs(t: TestApp, bookingId: string, kind: string) {
  const notes = await t.db
    .selectFrom('notifications')
    .select(['id', 'userId'])
    .where('kind', '=', kind)
    .where(sql<boolean>`data->>'bookingId' = ${bookingId}`)
    .execute();
  const keys = notes.map((n) => `notification-email:${n.id}`);
  const jobs = keys.length
    ? await t.db
        .selectFrom('jobs')
        .select(['id', 'doneAt', 'failedAt'])
        .where('dedupeKey', 'in', keys)
        .execute()
    : [];
  return { notes, jobs };
}

/** Polls until `check` holds; the limit is for a hung test only (the machine may be busy). */
async function until(check: () => Promise<boolean> | boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(25);
  }
}

describe('with SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      smtpUrl,
      mailFrom: 'Vcentri <hub@test.vcentri.kyiv.ua>',
      jobsPollIntervalMs: 20,
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('a booking approval e-mails each person told once, in their language', async () => {
    const { x, colleague, bookingId } = await pendingBooking(t, 'Community meeting');
    const me = await inject(t, {
      method: 'PATCH',
      url: '/api/v1/me',
      as: x.member,
      payload: { locale: 'en' },
    });
    expect(me.statusCode).toBe(200);
    expect((await approve(t, x.manager, bookingId)).statusCode).toBe(200);

    const { notes, jobs } = await mailJobs(t, bookingId, 'booking.confirmed');
    expect(notes).toHaveLength(2);
    expect(jobs).toHaveLength(2);
    await until(async () => (await mailJobs(t, bookingId, 'booking.confirmed')).jobs.every((j) => j.doneAt));

    const toMember = mailsTo(x.member.email).filter((m) => m.subject?.includes('Booking confirmed'));
    expect(toMember).toHaveLength(1);
    expect(toMember[0]?.subject).toBe('Vcentri: Booking confirmed: Community meeting');
    expect(toMember[0]?.from?.text).toContain('hub@test.vcentri.kyiv.ua');
    expect(toMember[0]?.text).toContain(
      'You get this e-mail because e-mail notifications about booking confirmations',
    );

    const toColleague = mailsTo(colleague.email).filter((m) =>
      m.subject?.includes('Бронювання підтверджено'),
    );
    expect(toColleague).toHaveLength(1);
    expect(toColleague[0]?.subject).toBe('Vcentri: Бронювання підтверджено: Community meeting');
    expect(toColleague[0]?.text).toContain('Вітаємо');
    expect(toColleague[0]?.text).toContain('підтвердження бронювань');
    // The approving manager is not told about their own decision.
    expect(mailsTo(x.manager.email).filter((m) => m.subject?.includes('підтверджено'))).toHaveLength(0);
  });

  it('an opted-out kind is not e-mailed; other kinds still are', async () => {
    const { x, colleague, bookingId } = await pendingBooking(t, 'Opt-out check');
    const patched = await inject(t, {
      method: 'PATCH',
      url: '/api/v1/me',
      as: x.member,
      payload: { emailOptOut: ['booking.confirmed', 'event.promoted'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().emailOptOut).toEqual(['booking.confirmed', 'event.promoted']);
    const me = await inject(t, { method: 'GET', url: '/api/v1/me', as: x.member });
    expect(me.json().emailOptOut).toEqual(['booking.confirmed', 'event.promoted']);
    const bad = await inject(t, {
      method: 'PATCH',
      url: '/api/v1/me',
      as: x.member,
      payload: { emailOptOut: ['no.such.kind'] },
    });
    expect(bad.statusCode).toBe(400);

    expect((await approve(t, x.manager, bookingId)).statusCode).toBe(200);
    await until(async () => (await mailJobs(t, bookingId, 'booking.confirmed')).jobs.every((j) => j.doneAt));
    // Still in the portal.
    const inApp = await inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: x.member });
    expect(inApp.json().items.some((n: { kind: string }) => n.kind === 'booking.confirmed')).toBe(true);
    expect(mailsTo(x.member.email).filter((m) => m.subject?.includes('Opt-out check'))).toHaveLength(0);
    expect(mailsTo(colleague.email).filter((m) => m.subject?.includes('Opt-out check'))).toHaveLength(1);

    // Opting back in: the next kind the member is told about by e-mail arrives.
    await inject(t, { method: 'PATCH', url: '/api/v1/me', as: x.member, payload: { emailOptOut: [] } });
    const cancelled = await inject(t, {
      method: 'POST',
      url: `/api/v1/bookings/${bookingId}/cancel`,
      as: x.manager,
      payload: { reason: 'ремонт' },
    });
    expect(cancelled.statusCode).toBe(200);
    await until(() => mailsTo(x.member.email).some((m) => m.subject?.includes('Opt-out check')));
  });

  it('without consent to e-mail nothing is e-mailed to the person; the notification stays in the portal', async () => {
    const { x, colleague, bookingId } = await pendingBooking(t, 'No consent check');
    const withdrawn = await inject(t, {
      method: 'PUT',
      url: '/api/v1/me/consents/email_notifications',
      as: x.member,
      payload: { given: false, version: CONSENT_WORDING.email_notifications.version },
    });
    expect(withdrawn.statusCode).toBe(200);
    expect((await approve(t, x.manager, bookingId)).statusCode).toBe(200);
    await until(async () => (await mailJobs(t, bookingId, 'booking.confirmed')).jobs.every((j) => j.doneAt));
    await until(() => mailsTo(colleague.email).some((m) => m.subject?.includes('No consent check')));
    expect(mailsTo(x.member.email).filter((m) => m.subject?.includes('No consent check'))).toHaveLength(0);
    const inApp = await inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: x.member });
    expect(inApp.json().items.some((n: { kind: string }) => n.kind === 'booking.confirmed')).toBe(true);
  });
});

describe('without SMTP_URL', () => {
  it('notifications stay in-app and nothing is enqueued for mail', async () => {
    const t = await buildTestApp();
    try {
      const { x, bookingId } = await pendingBooking(t, 'No mail');
      expect((await approve(t, x.manager, bookingId)).statusCode).toBe(200);
      const { notes, jobs } = await mailJobs(t, bookingId, 'booking.confirmed');
      expect(notes).toHaveLength(2);
      expect(jobs).toHaveLength(0);
    } finally {
      await t.app.close();
    }
  });
});
