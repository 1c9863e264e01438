// The app's job worker: started when the app is ready, stopped (waiting for the jobs in hand)
// when it closes. Handlers are registered here by kind: shift reminders, data exports and the
// daily retention run always (so every app runs a worker); with SMTP_URL set, notification e-mail
// too, and every notification enqueues its e-mail.
import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { type JobHandler, JobWorker } from '../jobs/worker';
import {
  NOTIFICATION_EMAIL_JOB,
  notificationMailer,
  startNotificationMail,
} from '../modules/notifications/mail';
import { DATA_EXPORT_JOB, dataExportHandler } from '../modules/privacy/export';
import { RETENTION_JOB, retentionHandler, scheduleRetention } from '../modules/privacy/retention';
import { SHIFT_REMINDER_JOB, shiftReminderHandler } from '../modules/volunteering/reminders';
import { SURVEY_OPEN_JOB, surveyOpenHandler } from '../modules/surveys/invites';

export interface JobsPluginOptions {
  config: Readonly<Config>;
  db: Database;
  /** More handlers by kind (the ones other modules bring, and tests). */
  handlers?: Record<string, JobHandler>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's job worker (null when it has no handler to run). */
    jobWorker: JobWorker | null;
  }
}

export default fp<JobsPluginOptions>(
  async (app, { config, db, handlers: extra }) => {
    const handlers: Record<string, JobHandler> = {
      [SHIFT_REMINDER_JOB]: shiftReminderHandler(db),
      [DATA_EXPORT_JOB]: dataExportHandler(db, config.dataExportDays),
      [RETENTION_JOB]: retentionHandler(db, config),
      [SURVEY_OPEN_JOB]: surveyOpenHandler(db),
      ...extra,
    };
    const closers: (() => void)[] = [];
    if (config.smtpUrl) {
      const mailer = notificationMailer(db, config.smtpUrl, config.mailFrom);
      handlers[NOTIFICATION_EMAIL_JOB] = mailer.handler;
      closers.push(mailer.close, startNotificationMail());
    }
    const worker =
      Object.keys(handlers).length > 0
        ? new JobWorker({ db, handlers, pollIntervalMs: config.jobsPollIntervalMs, log: app.log })
        : null;
    app.decorate('jobWorker', worker);
    app.addHook('onReady', async () => {
      // Today's retention run (personal data kept only as long as it serves); each run books the next.
      await scheduleRetention(db).catch((err) =>
        app.log.warn({ err }, 'could not schedule the retention job'),
      );
      worker?.start();
    });
    app.addHook('onClose', async () => {
      await worker?.stop();
      for (const close of closers) close();
    });
  },
  { name: 'jobs' },
);
