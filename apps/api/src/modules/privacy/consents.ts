// Consents: the current state lives where the rest of the product reads it (a volunteer profile's
// consent to be contacted; an account's consent to notification e-mails), and every decision is
// also kept in consent_records with the wording version the person was shown and when.
import { CONSENT_KINDS, CONSENT_WORDING, type Consent, type ConsentKind } from '@vcentri/shared';
import type { Database } from '../../db/database';
import { AppError, conflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';

/** Appends a decision about `kind` (with the current wording's version) to the person's history. */
export async function recordConsent(trx: Database, userId: string, kind: ConsentKind, given: boolean) {
  await trx
    .insertInto('consentRecords')
    .values({ userId, kind, given, version: CONSENT_WORDING[kind].version })
    .execute();
}

export async function listConsents(db: Database, userId: string): Promise<Consent[]> {
  const [user, profile, records] = await Promise.all([
    db.selectFrom('users').select('emailNotifications').where('id', '=', userId).executeTakeFirstOrThrow(),
    db
      .selectFrom('volunteerProfiles')
      .select('consentToContact')
      .where('userId', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('consentRecords')
      .select(['kind', 'version', 'at'])
      .distinctOn('kind')
      .where('userId', '=', userId)
      .orderBy('kind')
      .orderBy('at', 'desc')
      .execute(),
  ]);
  const state: Record<ConsentKind, boolean> = {
    volunteer_contact: profile?.consentToContact ?? false,
    email_notifications: user.emailNotifications,
  };
  return CONSENT_KINDS.map((kind) => {
    const last = records.find((r) => r.kind === kind);
    return { kind, given: state[kind], version: last?.version ?? null, at: last?.at.toISOString() ?? null };
  });
}

export async function setConsent(
  db: Database,
  p: Principal,
  kind: ConsentKind,
  body: { given: boolean; version: string },
  ip: string,
): Promise<Consent> {
  if (body.version !== CONSENT_WORDING[kind].version)
    throw conflict('consent_outdated', 'The wording shown is not the current one; show the current wording.');
  await db.transaction().execute(async (trx) => {
    if (kind === 'volunteer_contact') {
      const changed = await trx
        .updateTable('volunteerProfiles')
        .set({
          consentToContact: body.given,
          consentGivenAt: body.given ? new Date() : null,
          updatedAt: new Date(),
        })
        .where('userId', '=', p.userId)
        .returning('userId')
        .executeTakeFirst();
      if (!changed)
        throw new AppError(
          'volunteer_profile_required',
          403,
          'Consent to be contacted as a volunteer belongs to a volunteer profile; create one first.',
        );
    } else {
      await trx
        .updateTable('users')
        .set({ emailNotifications: body.given })
        .where('id', '=', p.userId)
        .execute();
    }
    await recordConsent(trx, p.userId, kind, body.given);
    await recordAudit(trx, {
      action: body.given ? 'privacy.consent_given' : 'privacy.consent_withdrawn',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'user',
      targetId: p.userId,
      ip,
      details: { kind, version: body.version },
    });
  });
  const all = await listConsents(db, p.userId);
  return all.find((c) => c.kind === kind)!;
}
