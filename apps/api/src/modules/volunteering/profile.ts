// The volunteer profile: skills, languages, districts, birth year (for age limits) and consent to
// be contacted by coordinators (with the time it was given). Signing up needs one.
import type { VolunteerProfileInput, VolunteerProfileView } from '@vcentri/shared';
import type { Database } from '../../db/database';
import { newShortCode } from '../../db/short-code';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { Principal } from '../users/principal';
import { recordConsent } from '../privacy/consents';

type Row = {
  code: string;
  skills: string[];
  languages: string[];
  districts: string[];
  birthYear: number;
  consentToContact: boolean;
  consentGivenAt: Date | null;
  updatedAt: Date;
};
const view = (r: Row): VolunteerProfileView => ({
  code: r.code,
  skills: r.skills,
  languages: r.languages,
  districts: r.districts,
  birthYear: r.birthYear,
  consentToContact: r.consentToContact,
  consentGivenAt: r.consentGivenAt ? r.consentGivenAt.toISOString() : null,
  updatedAt: r.updatedAt.toISOString(),
});

export async function getProfile(db: Database, p: Principal): Promise<VolunteerProfileView> {
  const r = await db
    .selectFrom('volunteerProfiles')
    .selectAll()
    .where('userId', '=', p.userId)
    .executeTakeFirst();
  if (!r) throw notFound('You have no volunteer profile yet.');
  return view(r);
}

export async function putProfile(db: Database, p: Principal, input: VolunteerProfileInput, ip: string) {
  const thisYear = new Date().getUTCFullYear();
  if (input.birthYear > thisYear)
    throw new AppError('validation_failed', 400, 'A birth year in the future.', [
      { path: '/birthYear', code: 'maximum', message: `at most ${thisYear}` },
    ]);
  return db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('volunteerProfiles')
      .select(['consentToContact', 'consentGivenAt'])
      .where('userId', '=', p.userId)
      .forUpdate()
      .executeTakeFirst();
    const now = new Date();
    // The consent time is when it was given; withdrawing it clears it.
    const consentGivenAt = input.consentToContact ? (cur?.consentToContact ? cur.consentGivenAt : now) : null;
    const values = {
      skills: input.skills.map((s) => s.trim().toLowerCase()),
      languages: input.languages,
      districts: input.districts,
      birthYear: input.birthYear,
      consentToContact: input.consentToContact,
      consentGivenAt,
      updatedAt: now,
    };
    // A new profile gets its short code; a clash (one in a billion) fails the unique index and the
    // caller may simply save again.
    const r = await trx
      .insertInto('volunteerProfiles')
      .values({ userId: p.userId, code: newShortCode(), ...values })
      .onConflict((oc) => oc.column('userId').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    if (cur?.consentToContact !== input.consentToContact)
      await recordConsent(trx, p.userId, 'volunteer_contact', input.consentToContact);
    await recordAudit(trx, {
      action: 'volunteering.profile_saved',
      actorId: p.userId,
      actorEmail: p.email,
      targetType: 'user',
      targetId: p.userId,
      ip,
      details: { consentToContact: input.consentToContact },
    });
    return view(r);
  });
}
