import { beforeAll, describe, expect, it } from 'vitest';
import { act, applyAs, nextEdrpou, orgInput, verifiedOrg } from './org-fixture';
import {
  accessTokenFor,
  buildTestApp,
  createHub,
  createUser,
  expectProblem,
  inject,
  type TestApp,
  type TestUser,
  unique,
} from './helper';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createUser(t, [{ role: 'city_admin' }]);
});

const get = (id: string, as: TestUser | null = null) =>
  inject(t, { method: 'GET', url: `/api/v1/organizations/${id}`, as });
const search = async (query: string) =>
  (await inject(t, { method: 'GET', url: `/api/v1/organizations?${query}` })).json();

describe('applying', () => {
  it('creates a draft whose author becomes its owner', async () => {
    const owner = await createUser(t);
    const org = await applyAs(t, owner);
    expect(org).toMatchObject({ status: 'draft', myRole: 'ngo_owner' });
    const me = await inject(t, { method: 'GET', url: '/api/v1/me', as: owner });
    expect(me.json().roles).toContain('ngo_owner');
    expect(me.json().scopes.organizationIds).toEqual([org.id]);
    const mine = await inject(t, { method: 'GET', url: '/api/v1/me/organizations', as: owner });
    expect(mine.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
  });

  it('checks the EDRPOU against the legal form and the checksum, and changes nothing on error', async () => {
    const owner = await createUser(t);
    const cases: [object, number, string][] = [
      [{ edrpou: '14360571' }, 400, 'invalid_edrpou'],
      [{ edrpou: '1436057' }, 400, 'invalid_edrpou'],
      [{ edrpou: 'abcdefgh' }, 400, 'invalid_edrpou'],
      [{ edrpou: null }, 400, 'edrpou_required'],
      [{ legalForm: 'civic_initiative', edrpou: '14360570' }, 400, 'edrpou_not_allowed'],
      [{ activities: [] }, 400, 'validation_failed'],
      [{ district: 'atlantis' }, 400, 'validation_failed'],
      [{ contacts: { website: 'javascript:alert(1)' } }, 400, 'validation_failed'],
    ];
    for (const [overrides, status, code] of cases) {
      const res = await inject(t, {
        method: 'POST',
        url: '/api/v1/organizations',
        as: owner,
        payload: orgInput(overrides),
      });
      const p = expectProblem(res, status, code);
      expect(p.errors?.length, JSON.stringify(overrides)).toBeGreaterThan(0);
    }
    const initiative = await applyAs(t, owner, { legalForm: 'civic_initiative', edrpou: null });
    expect(initiative.edrpou).toBeNull();
    const mine = await inject(t, { method: 'GET', url: '/api/v1/me/organizations', as: owner });
    expect(mine.json().total).toBe(1);
  });

  it('keeps EDRPOU codes unique', async () => {
    const code = nextEdrpou();
    await applyAs(t, await createUser(t), { edrpou: code });
    const other = await createUser(t);
    const p = expectProblem(
      await inject(t, {
        method: 'POST',
        url: '/api/v1/organizations',
        as: other,
        payload: orgInput({ edrpou: code }),
      }),
      409,
      'edrpou_taken',
    );
    expect(p.errors?.[0]?.path).toBe('/edrpou');
    expect(
      (await inject(t, { method: 'GET', url: '/api/v1/me/organizations', as: other })).json().total,
    ).toBe(0);
  });

  it('needs an account', async () => {
    expectProblem(
      await inject(t, { method: 'POST', url: '/api/v1/organizations', payload: orgInput() }),
      401,
      'unauthorized',
    );
  });
});

describe('lifecycle', () => {
  it('goes draft → submitted → rejected (reason) → resubmitted → verified → suspended → reinstated → archived', async () => {
    const owner = await createUser(t);
    const org = await applyAs(t, owner);
    expect((await act(t, owner, org.id, 'submit')).json().status).toBe('submitted');
    expectProblem(await act(t, admin, org.id, 'reject'), 400, 'validation_failed');
    const rejected = await act(t, admin, org.id, 'reject', { reason: 'Додайте опис англійською.' });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Додайте опис англійською.',
    });
    const ownerView = (await get(org.id, owner)).json();
    expect(ownerView).toMatchObject({ status: 'rejected', rejectionReason: 'Додайте опис англійською.' });

    await inject(t, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      as: owner,
      payload: { descriptionEn: 'A better description.' },
    });
    expect((await act(t, owner, org.id, 'submit')).json().status).toBe('submitted');
    const verified = (await act(t, admin, org.id, 'verify')).json();
    expect(verified).toMatchObject({ status: 'verified', rejectionReason: null });
    expect(verified.verifiedAt).toBeTruthy();
    expect((await act(t, admin, org.id, 'suspend', { reason: 'Скарга на діяльність' })).json().status).toBe(
      'suspended',
    );
    expect((await get(org.id)).statusCode).toBe(404);
    expect((await act(t, admin, org.id, 'reinstate')).json().status).toBe('verified');
    expect((await act(t, owner, org.id, 'archive')).json().status).toBe('archived');
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: `/api/v1/organizations/${org.id}`,
        as: owner,
        payload: { address: 'x y z' },
      }),
      409,
      'invalid_transition',
    );

    const history = (
      await inject(t, { method: 'GET', url: `/api/v1/organizations/${org.id}/history`, as: owner })
    ).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'submit',
      'reject',
      'updated',
      'submit',
      'verify',
      'suspend',
      'reinstate',
      'archive',
    ]);
    const reject = history.find((h: { action: string }) => h.action === 'reject');
    expect(reject).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'rejected',
      reason: 'Додайте опис англійською.',
      actorId: admin.id,
    });
    const update = history.find((h: { action: string }) => h.action === 'updated');
    expect(update.changes).toEqual([
      { field: 'descriptionEn', old: 'What the organisation does.', new: 'A better description.' },
    ]);

    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('targetId', '=', org.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'organization.verify',
        'organization.reject',
        'organization.suspend',
        'organization.reinstate',
        'organization.archive',
      ]),
    );
  });

  it('answers 409 invalid_transition for moves the current state does not allow', async () => {
    const owner = await createUser(t);
    const draft = await applyAs(t, owner);
    expectProblem(await act(t, admin, draft.id, 'verify'), 409, 'invalid_transition');
    expectProblem(await act(t, admin, draft.id, 'reject', { reason: 'нема' }), 409, 'invalid_transition');
    expectProblem(await act(t, admin, draft.id, 'suspend', { reason: 'нема' }), 409, 'invalid_transition');
    expectProblem(await act(t, admin, draft.id, 'reinstate'), 409, 'invalid_transition');
    const verified = await verifiedOrg(t, await createUser(t), admin);
    const vOwner = (
      await t.db
        .selectFrom('roleGrants')
        .select('userId')
        .where('organizationId', '=', verified.id)
        .executeTakeFirstOrThrow()
    ).userId;
    const vOwnerUser = { id: vOwner, email: '', token: await accessTokenFor(t, vOwner) };
    expectProblem(await act(t, vOwnerUser, verified.id, 'submit'), 409, 'invalid_transition');
    expectProblem(await act(t, admin, verified.id, 'verify'), 409, 'invalid_transition');
    expect((await get(verified.id)).json().status).toBe('verified');
  });
});

describe('who may make each transition', () => {
  type Who =
    | 'guest'
    | 'resident'
    | 'outsider_owner'
    | 'member'
    | 'owner'
    | 'district_admin'
    | 'hub_manager'
    | 'city_admin';
  const WHO: Who[] = [
    'guest',
    'resident',
    'outsider_owner',
    'member',
    'owner',
    'district_admin',
    'hub_manager',
    'city_admin',
  ];
  const RULES: {
    action: string;
    from: 'draft' | 'submitted' | 'verified' | 'suspended';
    allowed: Who[];
    payload?: object;
  }[] = [
    { action: 'submit', from: 'draft', allowed: ['owner'] },
    { action: 'verify', from: 'submitted', allowed: ['city_admin'] },
    { action: 'reject', from: 'submitted', allowed: ['city_admin'], payload: { reason: 'Неповні дані' } },
    { action: 'suspend', from: 'verified', allowed: ['city_admin'], payload: { reason: 'Порушення правил' } },
    { action: 'reinstate', from: 'suspended', allowed: ['city_admin'] },
    { action: 'archive', from: 'verified', allowed: ['owner', 'city_admin'] },
  ];

  async function orgIn(state: string) {
    const owner = await createUser(t);
    const org = await applyAs(t, owner);
    const member = await createUser(t);
    await inject(t, {
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/members`,
      as: owner,
      payload: { email: member.email },
    });
    const path: Record<string, [TestUser, string, object?][]> = {
      draft: [],
      submitted: [[owner, 'submit']],
      verified: [
        [owner, 'submit'],
        [admin, 'verify'],
      ],
      suspended: [
        [owner, 'submit'],
        [admin, 'verify'],
        [admin, 'suspend', { reason: 'Тимчасово' }],
      ],
    };
    for (const [who, action, payload] of path[state]!) await act(t, who, org.id, action, payload);
    return { org, owner, member };
  }

  for (const rule of RULES) {
    it(`${rule.action} from ${rule.from}: only ${rule.allowed.join(' and ')}`, async () => {
      const outsider = await createUser(t);
      await applyAs(t, outsider);
      const hubId = await createHub(t);
      const people: Record<Exclude<Who, 'owner' | 'member' | 'guest'>, TestUser> = {
        resident: await createUser(t),
        outsider_owner: outsider,
        district_admin: await createUser(t, [{ role: 'district_admin', district: 'podilskyi' }]),
        hub_manager: await createUser(t, [{ role: 'hub_manager', hubId }]),
        city_admin: admin,
      };
      for (const who of WHO) {
        const { org, owner, member } = await orgIn(rule.from);
        const as = who === 'guest' ? null : who === 'owner' ? owner : who === 'member' ? member : people[who];
        const res = await act(t, as, org.id, rule.action, rule.payload);
        if (rule.allowed.includes(who)) {
          expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
        } else {
          const visible =
            rule.from === 'verified' || who === 'member' || who === 'owner' || who === 'city_admin';
          const expected = who === 'guest' ? 401 : visible ? 403 : 404;
          expect(res.statusCode, `${who}: ${res.body}`).toBe(expected);
          const after = (await get(org.id, admin)).json();
          expect(after.status, who).toBe(rule.from);
        }
      }
    });
  }
});

describe('privacy between organisations', () => {
  it('a member of A reads and changes nothing private of B', async () => {
    const ownerA = await createUser(t);
    const a = await applyAs(t, ownerA);
    const ownerB = await createUser(t);
    const draftB = await applyAs(t, ownerB);
    const verifiedB = await verifiedOrg(t, ownerB, admin);

    expect((await get(draftB.id, ownerA)).statusCode).toBe(404);
    expect(
      (
        await inject(t, {
          method: 'PATCH',
          url: `/api/v1/organizations/${draftB.id}`,
          as: ownerA,
          payload: { address: 'вул. Чужа, 5' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await inject(t, {
          method: 'PATCH',
          url: `/api/v1/organizations/${verifiedB.id}`,
          as: ownerA,
          payload: { address: 'вул. Чужа, 5' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/organizations/${verifiedB.id}/history`, as: ownerA }))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/organizations/${verifiedB.id}/members`, as: ownerA }))
        .statusCode,
    ).toBe(403);
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/organizations/${draftB.id}/members`, as: ownerA }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/organizations/${verifiedB.id}/members`,
          as: ownerA,
          payload: { email: ownerA.email },
        })
      ).statusCode,
    ).toBe(403);
    const publicView = (await get(verifiedB.id, ownerA)).json();
    expect(publicView.myRole).toBeNull();
    expect(publicView.changedSinceVerification).toBe(false);
    const b = (await get(verifiedB.id, admin)).json();
    expect(b.address).not.toBe('вул. Чужа, 5');
    expect((await get(a.id, ownerA)).json().myRole).toBe('ngo_owner');
  });
});

describe('members', () => {
  it('the owner adds members by e-mail; members edit but do not manage members; ownership can be handed over', async () => {
    const owner = await createUser(t);
    const org = await applyAs(t, owner);
    const member = await createUser(t);
    const add = await inject(t, {
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/members`,
      as: owner,
      payload: { email: member.email.toUpperCase() },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ userId: member.id, role: 'ngo_member' });
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/organizations/${org.id}/members`,
        as: owner,
        payload: { email: member.email },
      }),
      409,
      'already_member',
    );
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/organizations/${org.id}/members`,
        as: owner,
        payload: { email: `${unique()}@nowhere.test` },
      }),
      404,
      'account_not_found',
    );

    // A member edits, but cannot add or remove people, nor read the history.
    expect(
      (
        await inject(t, {
          method: 'PATCH',
          url: `/api/v1/organizations/${org.id}`,
          as: member,
          payload: { address: 'вул. Нова, 2' },
        })
      ).statusCode,
    ).toBe(200);
    const third = await createUser(t);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/organizations/${org.id}/members`,
        as: member,
        payload: { email: third.email },
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, {
        method: 'DELETE',
        url: `/api/v1/organizations/${org.id}/members/${owner.id}`,
        as: member,
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: `/api/v1/organizations/${org.id}/history`, as: member }),
      403,
      'forbidden',
    );
    expect(
      (await inject(t, { method: 'GET', url: `/api/v1/organizations/${org.id}/members`, as: member })).json()
        .items,
    ).toHaveLength(2);

    // One account in several organisations.
    const other = await applyAs(t, member);
    const mine = (await inject(t, { method: 'GET', url: '/api/v1/me/organizations', as: member })).json()
      .items;
    expect(mine.map((o: { id: string; myRole: string }) => [o.id, o.myRole]).sort()).toEqual(
      [
        [org.id, 'ngo_member'],
        [other.id, 'ngo_owner'],
      ].sort(),
    );

    // The owner cannot just leave; hands over first.
    expectProblem(
      await inject(t, {
        method: 'DELETE',
        url: `/api/v1/organizations/${org.id}/members/${owner.id}`,
        as: owner,
      }),
      409,
      'last_owner',
    );
    const handed = await inject(t, {
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/transfer-ownership`,
      as: owner,
      payload: { userId: member.id },
    });
    expect(handed.statusCode).toBe(200);
    expect(handed.json().items.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [member.id, 'ngo_owner'],
      [owner.id, 'ngo_member'],
    ]);
    // The former owner no longer manages members; the new one does.
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/organizations/${org.id}/members`,
        as: owner,
        payload: { email: third.email },
      }),
      403,
      'forbidden',
    );
    expect(
      (
        await inject(t, {
          method: 'DELETE',
          url: `/api/v1/organizations/${org.id}/members/${owner.id}`,
          as: member,
        })
      ).statusCode,
    ).toBe(204);
    expect((await get(org.id, owner)).statusCode).toBe(404);
    const history = (
      await inject(t, { method: 'GET', url: `/api/v1/organizations/${org.id}/history`, as: member })
    ).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'member_added',
      'updated',
      'ownership_transferred',
      'member_removed',
    ]);
  });

  it('a member may leave on their own', async () => {
    const owner = await createUser(t);
    const org = await applyAs(t, owner);
    const member = await createUser(t);
    await inject(t, {
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/members`,
      as: owner,
      payload: { email: member.email },
    });
    expect(
      (
        await inject(t, {
          method: 'DELETE',
          url: `/api/v1/organizations/${org.id}/members/${member.id}`,
          as: member,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await inject(t, { method: 'GET', url: '/api/v1/me/organizations', as: member })).json().total,
    ).toBe(0);
  });
});

describe('edits after verification', () => {
  it('are kept in the history and flagged for staff until reviewed', async () => {
    const owner = await createUser(t);
    const org = await verifiedOrg(t, owner, admin);
    const res = await inject(t, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      as: owner,
      payload: { nameEn: `${org.nameEn} renamed`, contacts: { phone: '+380 44 123 45 67' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('verified');
    expect(res.json().changedSinceVerification).toBe(false); // owners do not see the staff flag
    const adminView = (await get(org.id, admin)).json();
    expect(adminView.changedSinceVerification).toBe(true);
    const queue = (
      await inject(t, {
        method: 'GET',
        url: '/api/v1/moderation/organizations?changed=true&limit=100',
        as: admin,
      })
    ).json();
    expect(queue.items.map((o: { id: string }) => o.id)).toContain(org.id);
    const history = (
      await inject(t, { method: 'GET', url: `/api/v1/organizations/${org.id}/history`, as: admin })
    ).json().items;
    const last = history.at(-1);
    expect(last.changes.map((c: { field: string }) => c.field).sort()).toEqual(['contacts', 'nameEn']);
    expect(
      (
        await inject(t, {
          method: 'POST',
          url: `/api/v1/organizations/${org.id}/acknowledge-changes`,
          as: admin,
        })
      ).json().changedSinceVerification,
    ).toBe(false);
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: `/api/v1/organizations/${org.id}/acknowledge-changes`,
        as: owner,
      }),
      403,
      'forbidden',
    );
  });
});

describe('moderation queue', () => {
  it('lists submitted applications oldest first, for city admins only', async () => {
    const owner = await createUser(t);
    const tag = unique('queue');
    const first = await applyAs(t, owner, { nameUk: `Перша ${tag}` });
    const second = await applyAs(t, owner, { nameUk: `Друга ${tag}` });
    await act(t, owner, first.id, 'submit');
    await act(t, owner, second.id, 'submit');
    const res = await inject(t, {
      method: 'GET',
      url: `/api/v1/moderation/organizations?status=submitted&q=${encodeURIComponent(tag)}`,
      as: admin,
    });
    expect(res.json().items.map((o: { id: string }) => o.id)).toEqual([first.id, second.id]);
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/moderation/organizations', as: owner }),
      403,
      'forbidden',
    );
  });
});

describe('public registry', () => {
  it('shows verified organisations only: in the list, in search and by id', async () => {
    const owner = await createUser(t);
    const tag = unique('vis');
    const states: Record<string, string> = {};
    const draft = await applyAs(t, owner, { nameUk: `Чернетка ${tag}` });
    states[draft.id] = 'draft';
    const submitted = await applyAs(t, owner, { nameUk: `Подана ${tag}` });
    await act(t, owner, submitted.id, 'submit');
    const rejected = await applyAs(t, owner, { nameUk: `Відхилена ${tag}` });
    await act(t, owner, rejected.id, 'submit');
    await act(t, admin, rejected.id, 'reject', { reason: 'Ні' });
    const suspended = await verifiedOrg(t, owner, admin, { nameUk: `Призупинена ${tag}` });
    await act(t, admin, suspended.id, 'suspend', { reason: 'Так' });
    const verified = await verifiedOrg(t, owner, admin, { nameUk: `Перевірена ${tag}` });

    const found = await search(`q=${encodeURIComponent(tag)}&limit=100`);
    expect(found.items.map((o: { id: string }) => o.id)).toEqual([verified.id]);
    expect(found.total).toBe(1);
    for (const hidden of [draft, submitted, rejected, suspended])
      expect((await get(hidden.id)).statusCode).toBe(404);
    expect((await get(verified.id)).statusCode).toBe(200);
    expect(found.items[0]).not.toHaveProperty('status');
    expect(found.items[0]).not.toHaveProperty('rejectionReason');
  });

  it('finds an organisation from a misspelt Ukrainian name, an English name, a description, in any case', async () => {
    const owner = await createUser(t);
    const word = `Сонях${unique('')
      .slice(1, 5)
      .replace(/[^a-z]/g, 'к')}`;
    const org = await verifiedOrg(t, owner, admin, {
      nameUk: `Благодійний фонд «${word}ник»`,
      nameEn: `Sunflower ${word} Foundation`,
      descriptionUk: 'Допомагаємо переселенцям знайти житло',
      descriptionEn: 'We help displaced families find housing',
      legalForm: 'charitable_foundation',
    });
    const ids = async (q: string) =>
      (await search(`q=${encodeURIComponent(q)}&limit=100`)).items.map((o: { id: string }) => o.id);
    expect(await ids(`${word}ник`)).toContain(org.id);
    expect(await ids(`${word.toUpperCase()}НИК`)).toContain(org.id);
    // One letter missing in the middle of the word.
    const misspelt = `${word.slice(0, 3)}${word.slice(4)}ник`;
    expect(await ids(misspelt)).toContain(org.id);
    expect(await ids(`sunflower ${word}`)).toContain(org.id);
    expect(await ids('переселенцям знайти житло')).toContain(org.id);
    expect(await ids('DISPLACED FAMILIES')).toContain(org.id);
  });

  it('ranks the best match first and pages with a total', async () => {
    const owner = await createUser(t);
    const tag = unique('rank').replace(/-/g, '');
    const exact = await verifiedOrg(t, owner, admin, { nameUk: `Клуб ${tag}`, descriptionUk: 'Шахи' });
    const inDescription = await verifiedOrg(t, owner, admin, {
      nameUk: `Інший клуб ${unique()}`,
      descriptionUk: `Партнер клубу ${tag}`,
    });
    const res = await search(`q=${tag}&limit=1`);
    expect(res.total).toBe(2);
    expect(res.items.map((o: { id: string }) => o.id)).toEqual([exact.id]);
    const page2 = await search(`q=${tag}&limit=1&offset=1`);
    expect(page2.items.map((o: { id: string }) => o.id)).toEqual([inDescription.id]);
  });

  it('filters by district, activity, target group and legal form, and sorts by name or newest', async () => {
    const owner = await createUser(t);
    const tag = unique('flt');
    const a = await verifiedOrg(t, owner, admin, {
      nameUk: `А ${tag}`,
      nameEn: `Z ${tag}`,
      district: 'obolonskyi',
      activities: ['environment', 'youth_work'],
      targetGroups: ['children'],
      legalForm: 'public_association',
    });
    const b = await verifiedOrg(t, owner, admin, {
      nameUk: `Б ${tag}`,
      nameEn: `Y ${tag}`,
      district: 'darnytskyi',
      activities: ['culture'],
      targetGroups: ['older_people', 'children'],
      legalForm: 'volunteer_group',
      edrpou: null,
    });
    const ids = async (query: string) =>
      (await search(`q=${encodeURIComponent(tag)}&limit=100&${query}`)).items.map(
        (o: { id: string }) => o.id,
      );
    expect(await ids('district=obolonskyi')).toEqual([a.id]);
    expect(await ids('activity=culture')).toEqual([b.id]);
    expect(await ids('targetGroup=children&sort=name')).toEqual([a.id, b.id]);
    expect(await ids('targetGroup=children&sort=name&lang=en')).toEqual([b.id, a.id]);
    expect(await ids('legalForm=volunteer_group')).toEqual([b.id]);
    expect(await ids('sort=newest')).toEqual([b.id, a.id]);
    expect(await ids('district=obolonskyi&activity=culture')).toEqual([]);
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/organizations?activity=astrology' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await inject(t, { method: 'GET', url: '/api/v1/organizations?sort=random' }),
      400,
      'validation_failed',
    );
  });

  it('survives hostile search text', async () => {
    for (const q of ["' or 1=1 --", '%', '_', '\\', '<script>', 'ё'.repeat(200)]) {
      const res = await inject(t, { method: 'GET', url: `/api/v1/organizations?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
    }
  });
});
