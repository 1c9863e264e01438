// Certificates of approved volunteer hours: the JWK set, issuing, the signed credential checked
// through an independent JOSE path (jose's own JWK set and verifier, not the API's helper), public
// verification, revocation and its status list, and hours that stay fixed while certified.
import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSigningKey } from '../src/config';
import { type CertificateBody, certify, hoursOf } from './certificate-fixture';
import { buildTestApp, createUser, expectProblem, inject, type TestApp, type TestUser } from './helper';
import {
  createProgram,
  createShift,
  kyivDate,
  ngoWithProgram,
  ok,
  publish,
  shiftInput,
  signUp,
  volunteer,
} from './volunteering-fixture';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.app.close();
});

const jwks = async () =>
  createLocalJWKSet((await inject(t, { method: 'GET', url: '/.well-known/jwks.json' })).json());

async function credentialOf(v: TestUser, cert: { id: string }) {
  const res = await inject(t, {
    method: 'GET',
    url: `/api/v1/me/credentials/${cert.id}/credential.jwt`,
    as: v,
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);
  return res.body;
}

/** A volunteer with approved hours at two organisations and the city, and some that do not count. */
async function world() {
  const a = await ngoWithProgram(t);
  const b = await ngoWithProgram(t);
  const admin = await createUser(t, [{ role: 'city_admin' }]);
  const city = await createProgram(t, admin);
  await publish(t, admin, city.id);
  const v = await volunteer(t);
  await hoursOf(t, v, a.programId, a.owner, 120, 20);
  await hoursOf(t, v, a.programId, a.owner, 90, 10);
  await hoursOf(t, v, a.programId, a.owner, 60, 5, false); // pending: not certified
  await hoursOf(t, v, b.programId, b.owner, 30, 8);
  await hoursOf(t, v, city.id, admin, 45, 3);
  const other = await volunteer(t);
  await hoursOf(t, other, a.programId, a.owner, 600, 12);
  return { a, b, admin, cityProgramId: city.id, v, other };
}

describe('the JWK set', () => {
  it('publishes the current key and keeps earlier ones after a rotation', async () => {
    const res = await inject(t, { method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/jwk-set\+json/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const first = res.json().keys[0];
    expect(first).toEqual({ ...first, kid: t.config.credentialSigningKey.kid, alg: 'ES256', use: 'sig' });
    expect(first.d).toBeUndefined();

    const rotated = await buildTestApp({ credentialSigningKey: newSigningKey() });
    try {
      const set = (await inject(rotated, { method: 'GET', url: '/.well-known/jwks.json' })).json();
      expect(set.keys[0].kid).toBe(rotated.config.credentialSigningKey.kid);
      expect(set.keys.map((k: { kid: string }) => k.kid)).toContain(first.kid);
    } finally {
      await rotated.app.close();
    }
  });

  it('refuses to start with a new key under a kid that is already published', async () => {
    const reused = { ...newSigningKey(), kid: t.config.credentialSigningKey.kid };
    await expect(buildTestApp({ credentialSigningKey: reused })).rejects.toThrow(/already published/);
    // The published key is still the one old certificates need.
    const set = (await inject(t, { method: 'GET', url: '/.well-known/jwks.json' })).json();
    expect(set.keys[0].x).toBe(t.config.credentialSigningKey.x);
  });
});

describe('requesting a certificate', () => {
  it('certifies only the caller’s approved hours, one certificate per issuer, with unguessable codes', async () => {
    const { a, b, v } = await world();
    const [one] = await certify(t, v, {
      programId: a.programId,
      locale: 'en',
      printedName: '  Olena   Kovalenko ',
    });
    expect(one).toMatchObject({
      status: 'valid',
      printedName: 'Olena Kovalenko',
      totalMinutes: 210,
      issuer: { kind: 'organization', organizationId: a.orgId },
      period: { from: kyivDate(-20), to: kyivDate(-10) },
      programId: a.programId,
      locale: 'en',
    });
    expect(one!.lines).toEqual([
      expect.objectContaining({ from: kyivDate(-20), to: kyivDate(-10), minutes: 210 }),
    ]);
    expect(one!.verifyUrl).toBe(`http://localhost/verify/${one!.code}`);

    const all = await certify(t, v);
    expect(all.map((c) => [c.issuer.kind, c.issuer.organizationId, c.totalMinutes]).sort()).toEqual(
      [
        ['city', null, 45],
        ['organization', a.orgId, 210],
        ['organization', b.orgId, 30],
      ].sort(),
    );
    const [recent] = await certify(t, v, { programId: a.programId, from: kyivDate(-15) });
    expect(recent).toMatchObject({ totalMinutes: 90, period: { from: kyivDate(-15), to: kyivDate(-10) } });

    // Codes: 16 characters of a 32-letter alphabet (80 random bits), all different.
    const codes = [one!, ...all, recent!].map((c) => c.code);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{16}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(16 * Math.log2(32)).toBeGreaterThanOrEqual(80);

    const mine = await ok(inject(t, { method: 'GET', url: '/api/v1/me/credentials?limit=2', as: v }));
    expect(mine.total).toBe(5);
    expect(mine.items).toHaveLength(2);
  });

  it('refuses when there is nothing approved to certify, bad input, and guests', async () => {
    const { a, v } = await world();
    const fresh = await volunteer(t);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/me/credentials',
        as: fresh,
        payload: { locale: 'uk', printedName: 'Іван Петренко' },
      }),
      409,
      'no_approved_hours',
    );
    const post = (payload: unknown, as: TestUser | null = v) =>
      inject(t, { method: 'POST', url: '/api/v1/me/credentials', as, payload: payload as object });
    // Only pending hours in this period.
    expectProblem(
      await post({ locale: 'uk', printedName: 'Олена', programId: a.programId, from: kyivDate(-6) }),
      409,
      'no_approved_hours',
    );
    expectProblem(
      await post({ locale: 'uk', printedName: 'Олена', from: kyivDate(-1), to: kyivDate(-9) }),
      400,
      'validation_failed',
    );
    expectProblem(await post({ locale: 'de', printedName: 'Олена' }), 400, 'validation_failed');
    expectProblem(await post({ locale: 'uk', printedName: '   ' }), 400, 'validation_failed');
    // Nobody asks for someone else: a stray userId is dropped, the certificate is the caller's.
    await ok(post({ locale: 'uk', printedName: 'Олена', userId: fresh.id }), 201);
    expect((await ok(inject(t, { method: 'GET', url: '/api/v1/me/credentials', as: fresh }))).total).toBe(0);
    expectProblem(
      await post({ locale: 'uk', printedName: 'Олена', from: '2026-02-30' }),
      400,
      'validation_failed',
    );
    expectProblem(await post({ locale: 'uk', printedName: 'Олена' }, null), 401, 'unauthorized');
  });
});

describe('the public address in a certificate', () => {
  it('never comes from the request: a forged Host changes neither the credential nor a status list', async () => {
    const { a, v } = await world();
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/me/credentials',
      as: v,
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      payload: { locale: 'uk', printedName: 'Олена Коваленко', programId: a.programId },
    });
    expect(res.statusCode).toBe(201);
    const [cert] = res.json().items as CertificateBody[];
    expect(cert!.verifyUrl).toBe(`http://localhost/verify/${cert!.code}`);
    const claims = decodeJwt(await credentialOf(v, cert!)) as {
      id: string;
      credentialStatus: { statusListCredential: string };
    };
    expect(JSON.stringify(claims)).not.toContain('evil.example');
    const list = await inject(t, {
      method: 'GET',
      url: new URL(claims.credentialStatus.statusListCredential).pathname,
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(list.statusCode).toBe(200);
    const listClaims = decodeJwt(list.body);
    expect(JSON.stringify(listClaims)).not.toContain('evil.example');
    expect((listClaims as { id: string }).id).toBe(claims.credentialStatus.statusListCredential);
    // One issuer for the credential and its status list, as status-list verifiers require.
    expect((listClaims as { issuer: { id: string } }).issuer.id).toBe(
      (claims as unknown as { issuer: { id: string } }).issuer.id,
    );
  });
});

describe('the credential', () => {
  it('is an Open Badges 3.0 VC-JWT that verifies with the published JWK set; altered ones do not', async () => {
    const { a, v, other } = await world();
    const [cert] = await certify(t, v, { programId: a.programId, locale: 'en' });
    const jwt = await credentialOf(v, cert!);
    const { payload, protectedHeader } = await jwtVerify(jwt, await jwks(), { typ: 'vc+jwt' });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: t.config.credentialSigningKey.kid, typ: 'vc+jwt' });
    expect(payload).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        expect.stringContaining('purl.imsglobal.org/spec/ob/v3p0'),
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      id: `http://localhost/api/v1/credentials/${cert!.code}`,
      issuer: {
        id: 'http://localhost',
        type: ['Profile'],
        name: cert!.issuer.name.en,
        url: `http://localhost/registry/${a.orgId}`,
      },
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [expect.objectContaining({ identityType: 'name', identityHash: 'Олена Коваленко' })],
        achievement: expect.objectContaining({ type: ['Achievement'], name: 'Volunteer hours: 3 h 30 min' }),
      },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListCredential: expect.stringMatching(
          /^http:\/\/localhost\/api\/v1\/credentials\/status\/\d+$/,
        ),
      },
    });
    expect(typeof payload.validFrom).toBe('string');
    expect(JSON.stringify(payload)).not.toContain(v.email);

    const [head, body, signature] = jwt.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({
        ...decodeJwt(jwt),
        credentialSubject: { ...(payload.credentialSubject as object), identifier: [] },
      }),
    ).toString('base64url');
    await expect(jwtVerify(`${head}.${forged}.${signature}`, await jwks())).rejects.toThrow(/signature/);
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(jwtVerify(`${head}.${body}.${flipped}`, await jwks())).rejects.toThrow(/signature/);

    // Nobody downloads or reads someone else's certificate.
    for (const path of [
      `/api/v1/me/credentials/${cert!.id}`,
      `/api/v1/me/credentials/${cert!.id}/credential.jwt`,
    ]) {
      expectProblem(await inject(t, { method: 'GET', url: path, as: other }), 404, 'not_found');
      expectProblem(await inject(t, { method: 'GET', url: path, as: a.owner }), 404, 'not_found');
      expectProblem(await inject(t, { method: 'GET', url: path }), 401, 'unauthorized');
    }
  });
});

/** The status list a credential points to, verified, and whether the credential's bit is set. */
async function revokedBit(jwt: string): Promise<boolean> {
  const status = decodeJwt(jwt).credentialStatus as { statusListCredential: string; statusListIndex: string };
  const res = await inject(t, { method: 'GET', url: new URL(status.statusListCredential).pathname });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);
  const { payload } = await jwtVerify(res.body, await jwks(), { typ: 'vc+jwt' });
  expect(payload.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
  const subject = payload.credentialSubject as { type: string; statusPurpose: string; encodedList: string };
  expect(subject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
  expect(subject.encodedList[0]).toBe('u');
  const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
  expect(bits.length).toBe(16_384);
  const i = Number(status.statusListIndex);
  return (bits[i >> 3]! & (0x80 >> (i & 7))) !== 0;
}

describe('verification and revocation', () => {
  it('anyone verifies by code and sees what is printed, nothing more; the issuer revokes; everyone sees it', async () => {
    const { a, b, admin, v } = await world();
    const certs = await certify(t, v);
    const ofA = certs.find((c) => c.issuer.organizationId === a.orgId)!;
    const ofCity = certs.find((c) => c.issuer.kind === 'city')!;
    const verify = (code: string) => inject(t, { method: 'GET', url: `/api/v1/credentials/${code}` });

    const seen = await ok(verify(ofA.code));
    expect(Object.keys(seen).sort()).toEqual(
      [
        'code',
        'issuedAt',
        'issuer',
        'lines',
        'locale',
        'period',
        'printedName',
        'revokeReason',
        'revokedAt',
        'status',
        'totalMinutes',
        'verifyUrl',
      ].sort(),
    );
    expect(seen).toMatchObject({
      status: 'valid',
      printedName: 'Олена Коваленко',
      totalMinutes: 210,
      revokedAt: null,
    });
    expect(JSON.stringify(seen)).not.toContain(v.id);
    expect(JSON.stringify(seen)).not.toContain(v.email);
    const typed = `${ofA.code.slice(0, 4).toLowerCase()}-${ofA.code.slice(4, 8)}-${ofA.code.slice(8)}`;
    expect((await ok(verify(typed))).code).toBe(ofA.code);
    expectProblem(await verify('ABCDEFGHJKLMNPQR'), 404, 'not_found');
    expectProblem(await verify('nonsense'), 404, 'not_found');
    const jwt = await credentialOf(v, ofA);
    expect(await revokedBit(jwt)).toBe(false);

    const member = await createUser(t, [{ role: 'ngo_member', organizationId: a.orgId }]);
    const revoke = (code: string, as: TestUser | null, reason: unknown = 'Години затверджено помилково') =>
      inject(t, { method: 'POST', url: `/api/v1/credentials/${code}/revoke`, as, payload: { reason } });
    expectProblem(await revoke(ofA.code, member), 403, 'forbidden');
    expectProblem(await revoke(ofA.code, b.owner), 403, 'forbidden');
    expectProblem(await revoke(ofA.code, v), 403, 'forbidden');
    expectProblem(await revoke(ofA.code, null), 401, 'unauthorized');
    expectProblem(await revoke(ofA.code, a.owner, ''), 400, 'validation_failed');
    expectProblem(await revoke(ofA.code, a.owner, '    '), 400, 'validation_failed');
    expectProblem(await revoke('ABCDEFGHJKLMNPQR', a.owner), 404, 'not_found');
    expectProblem(await revoke(ofCity.code, a.owner), 403, 'forbidden');

    // Issuers' lists.
    const listed = (q: string, as: TestUser) =>
      inject(t, { method: 'GET', url: `/api/v1/credentials?${q}`, as });
    expect(
      (await ok(listed(`organizationId=${a.orgId}`, a.owner))).items.map((c: CertificateBody) => c.code),
    ).toEqual([ofA.code]);
    expectProblem(await listed(`organizationId=${a.orgId}`, member), 403, 'forbidden');
    expectProblem(await listed(`organizationId=${a.orgId}`, b.owner), 403, 'forbidden');
    expectProblem(await listed('', a.owner), 403, 'forbidden');
    expect((await ok(listed('', admin))).items.map((c: CertificateBody) => c.code)).toContain(ofCity.code);

    const revoked = await ok(revoke(ofA.code, a.owner));
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: 'Години затверджено помилково' });
    expectProblem(await revoke(ofA.code, a.owner), 409, 'certificate_revoked');
    await ok(revoke(ofCity.code, admin));

    expect(await ok(verify(ofA.code))).toMatchObject({
      status: 'revoked',
      revokeReason: 'Години затверджено помилково',
      revokedAt: expect.any(String),
    });
    expect(await revokedBit(jwt)).toBe(true);
    const other = certs.find((c) => c.issuer.organizationId === b.orgId)!;
    expect(await revokedBit(await credentialOf(v, other))).toBe(false);
    expect(
      (await ok(inject(t, { method: 'GET', url: `/api/v1/me/credentials/${ofA.id}`, as: v }))).status,
    ).toBe('revoked');
    expect((await ok(listed(`organizationId=${a.orgId}&status=revoked`, a.owner))).total).toBe(1);
    expect((await ok(listed(`organizationId=${a.orgId}&status=valid`, a.owner))).total).toBe(0);

    const notes = await ok(inject(t, { method: 'GET', url: '/api/v1/me/notifications', as: v }));
    expect(notes.items).toContainEqual(expect.objectContaining({ kind: 'volunteering.certificate_revoked' }));
    const audit = await t.db.selectFrom('auditLog').select('action').where('targetId', '=', ofA.id).execute();
    expect(audit.map((e) => e.action).sort()).toEqual(['certificates.issued', 'certificates.revoked']);

    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/credentials/status/999999' }),
      404,
      'not_found',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/credentials/status/x' }),
      400,
      'validation_failed',
    );
  });

  it('is rate-limited per client address', async () => {
    const limited = await buildTestApp({ credentialVerifyRateLimit: 2 });
    try {
      const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const get = () =>
        limited.app.inject({ method: 'GET', url: '/api/v1/credentials/ABCDEFGHJKLMNPQR', remoteAddress: ip });
      expectProblem(await get(), 404, 'not_found');
      expectProblem(await get(), 404, 'not_found');
      const res = await get();
      expectProblem(res, 429, 'rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.app.close();
    }
  });
});

describe('certified hours', () => {
  it('cannot be taken back while a certificate contains them; revoking frees them for the usual rules', async () => {
    const { owner, programId } = await ngoWithProgram(t);
    const shift = await createShift(t, owner, programId, shiftInput(kyivDate(30), '10:00', '13:00'));
    const v = await volunteer(t);
    const signup = await ok(signUp(t, v, shift.id), 201);
    const start = new Date(Date.now() - 3_600_000);
    await t.db
      .updateTable('volunteerShifts')
      .set({ startsAt: start, endsAt: new Date(start.getTime() + 180 * 60_000) })
      .where('id', '=', shift.id)
      .execute();
    const roster = await ok(
      inject(t, { method: 'GET', url: `/api/v1/volunteering/shifts/${shift.id}/roster`, as: owner }),
    );
    const signupId = roster.items[0].signupId as string;
    void signup;
    const mark = (present: boolean) =>
      inject(t, {
        method: 'POST',
        url: `/api/v1/volunteering/shifts/${shift.id}/attendance`,
        as: owner,
        payload: { entries: [{ signupId, present }] },
      });
    await ok(mark(true));
    const [cert] = await certify(t, v, { programId });
    expect(cert!.totalMinutes).toBe(180);

    const refused = expectProblem(await mark(false), 409, 'hours_certified');
    expect(refused.detail).toMatch(/revoked/);
    expect((await mark(false)).json().certificates).toBe(1);
    // The database refuses too, whatever path tries.
    const entry = await t.db
      .selectFrom('volunteerHours')
      .select('id')
      .where('signupId', '=', signupId)
      .executeTakeFirstOrThrow();
    await expect(
      t.db.updateTable('volunteerHours').set({ minutes: 10 }).where('id', '=', entry.id).execute(),
    ).rejects.toThrow(/hours_certified/);

    await ok(
      inject(t, {
        method: 'POST',
        url: `/api/v1/credentials/${cert!.code}/revoke`,
        as: owner,
        payload: { reason: 'Неправильна зміна' },
      }),
    );
    // Approved hours are final anyway (the volunteering rules); the certificate no longer holds them.
    expectProblem(await mark(false), 409, 'hours_final');
    await t.db
      .updateTable('volunteerHours')
      .set({ description: 'уточнено' })
      .where('id', '=', entry.id)
      .execute();
  });

  it('go with a certificate revoked for hours approved by mistake, and no later request counts them', async () => {
    const { a, v } = await world();
    const [first] = await certify(t, v, { programId: a.programId });
    const [second] = await certify(t, v, { programId: a.programId });
    expect(first!.totalMinutes).toBe(210);
    const revoke = (code: string, withdrawHours: boolean) =>
      inject(t, {
        method: 'POST',
        url: `/api/v1/credentials/${code}/revoke`,
        as: a.owner,
        payload: { reason: 'Години затверджено помилково', withdrawHours },
      });
    // Another live certificate still holds the same hours: they keep their approval for now.
    await ok(revoke(first!.code, true));
    expect((await certify(t, v, { programId: a.programId }))[0]!.totalMinutes).toBe(210);
    const live = (await ok(inject(t, { method: 'GET', url: '/api/v1/me/credentials?limit=100', as: v }))) as {
      items: CertificateBody[];
    };
    for (const c of live.items.filter((c) => c.status === 'valid' && c.issuer.organizationId === a.orgId))
      await ok(revoke(c.code, true));
    void second;
    // Now nothing holds them: their approval is gone, and a new request finds nothing to certify.
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/me/credentials',
        as: v,
        payload: { locale: 'uk', printedName: 'Олена Коваленко', programId: a.programId },
      }),
      409,
      'no_approved_hours',
    );
    const hours = await t.db
      .selectFrom('volunteerHours')
      .select(['status', 'reason'])
      .where('userId', '=', v.id)
      .where('programId', '=', a.programId)
      .where('minutes', 'in', [120, 90])
      .execute();
    expect(hours).toHaveLength(2);
    for (const h of hours) {
      expect(h.status).toBe('rejected');
      expect(h.reason).toMatch(/Години затверджено помилково/);
    }
    // Revoking without withdrawing keeps hours certifiable (a misspelt name, say).
    const { a: b, v: w } = await world();
    const [kept] = await certify(t, w, { programId: b.programId });
    await ok(
      inject(t, {
        method: 'POST',
        url: `/api/v1/credentials/${kept!.code}/revoke`,
        as: b.owner,
        payload: { reason: 'Помилка в імені' },
      }),
    );
    expect((await certify(t, w, { programId: b.programId }))[0]!.totalMinutes).toBe(210);
  });
});
