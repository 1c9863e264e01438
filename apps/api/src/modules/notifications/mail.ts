// Notification e-mail: with SMTP_URL set, every notification row also enqueues one e-mail job in
// the same transaction; the job sends it through nodemailer in the recipient's language, unless
// the recipient opted out of that kind. Without SMTP_URL notifications stay in-app only.
import type { Locale } from '@vcentri/shared';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../../db/schema';
import { enqueueJob } from '../../jobs/queue';
import type { JobHandler } from '../../jobs/worker';
import { notificationEmail } from './mail-texts';

export const NOTIFICATION_EMAIL_JOB = 'notification.email';

/**
 * Whether this process e-mails notifications: set from its configuration (SMTP_URL) while an app
 * built with it is open. It is per process, like the configuration; notifications are written
 * from many services, and each would otherwise need the configuration passed down to it.
 */
let appsMailing = 0;

/** Turns notification e-mail on until the returned function is called (when the app closes). */
export function startNotificationMail(): () => void {
  appsMailing++;
  let stopped = false;
  return () => {
    if (!stopped) appsMailing--;
    stopped = true;
  };
}

/** Called with every notification inserted, inside its transaction. */
export async function enqueueNotificationEmail(db: Kysely<DB>, notificationId: string): Promise<void> {
  if (appsMailing === 0) return;
  await enqueueJob(db, {
    kind: NOTIFICATION_EMAIL_JOB,
    payload: { notificationId },
    dedupeKey: `notification-email:${notificationId}`,
  });
}

export interface Mailer {
  handler: JobHandler;
  close(): void;
}

/** The job handler that sends one notification's e-mail over SMTP. */
export function notificationMailer(db: Kysely<DB>, smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  const handler: JobHandler = async (payload) => {
    const id = String(payload.notificationId);
    const row = await db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .select([
        'n.kind',
        'n.titleUk',
        'n.titleEn',
        'n.bodyUk',
        'n.bodyEn',
        'u.email',
        'u.name',
        'u.locale',
        'u.emailOptOut',
        'u.emailNotifications',
        'u.erasedAt',
      ])
      .where('n.id', '=', id)
      .executeTakeFirst();
    // Gone (the account was erased), consent to e-mail withdrawn, or this kind not wanted by
    // e-mail: nothing to send, and nothing to retry.
    if (!row || row.erasedAt || !row.emailNotifications || row.emailOptOut.includes(row.kind)) return;
    const locale: Locale = row.locale;
    const mail = notificationEmail(
      {
        kind: row.kind,
        title: locale === 'en' ? row.titleEn : row.titleUk,
        body: locale === 'en' ? row.bodyEn : row.bodyUk,
      },
      { name: row.name, locale },
    );
    await transport.sendMail({ from, to: row.email, subject: mail.subject, text: mail.text });
  };
  return { handler, close: () => transport.close() };
}
