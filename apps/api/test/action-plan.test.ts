// The Open Government action plan: progress figures (lower-is-better, clamping), one value per
// indicator and quarter (re-recording replaces it), future quarters refused, validation codes,
// the plan as of a quarter, permissions per role and the audit trail.
import { quarterOf } from '@vcentri/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionPlanAsOf } from '../src/modules/action-plan/action-plan.service';
import { prepareRoles } from './roles-fixture';
import {
  buildTestApp,
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

const url = (p = '') => `/api/v1/action-plan${p}`;
const current = quarterOf(new Date());
/** The quarter `n` quarters after `q` (negative: before). */
function shift(q: string, n: number): string {
  const index = Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

async function commitment(as: TestUser = admin) {
  const res = await inject(t, {
    method: 'POST',
    url: url('/commitments'),
    as,
    payload: {
      title: { uk: unique('Зобов’язання'), en: unique('Commitment') },
      description: { uk: 'Опис', en: 'Description' },
      department: { uk: 'Департамент суспільних комунікацій', en: 'Department of Public Communications' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: { uk: string } };
}

async function indicator(commitmentId: string, over: Record<string, unknown> = {}) {
  const res = await inject(t, {
    method: 'POST',
    url: url('/indicators'),
    as: admin,
    payload: {
      commitmentId,
      title: { uk: unique('Показник'), en: unique('Indicator') },
      unit: { uk: 'хабів', en: 'hubs' },
      baseline: 5,
      target: 15,
      targetQuarter: '2026-Q4',
      higherIsBetter: true,
      ...over,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; title: { uk: string; en: string } };
}

const record = (id: string, quarter: string, value: number, note?: { uk: string; en: string }, as = admin) =>
  inject(t, {
    method: 'PUT',
    url: url(`/indicators/${id}/values/${quarter}`),
    as,
    payload: note ? { value, note } : { value },
  });

type Plan = {
  asOf: string;
  commitments: {
    id: string;
    indicators: {
      id: string;
      progress: number | null;
      latest: { quarter: string; value: number } | null;
      values: { quarter: string; value: number; progress: number; note: { uk: string; en: string } }[];
    }[];
  }[];
};
async function publicIndicator(id: string, quarter?: string) {
  const res = await inject(t, { method: 'GET', url: url(quarter ? `?quarter=${quarter}` : '') });
  expect(res.statusCode, res.body).toBe(200);
  const plan = res.json() as Plan;
  return { plan, found: plan.commitments.flatMap((c) => c.indicators).find((i) => i.id === id) };
}

describe('progress towards the target', () => {
  it('is the share of the way from baseline to target, per quarter and for the latest value', async () => {
    const c = await commitment();
    const i = await indicator(c.id, { baseline: 5, target: 15 });
    expect((await publicIndicator(i.id)).found).toMatchObject({ values: [], latest: null, progress: null });
    expect((await record(i.id, shift(current, -2), 7)).statusCode).toBe(200);
    expect((await record(i.id, shift(current, -1), 8.5)).statusCode).toBe(200);
    const { found } = await publicIndicator(i.id);
    expect(found!.values.map((v) => [v.quarter, v.value, v.progress])).toEqual([
      [shift(current, -2), 7, 20],
      [shift(current, -1), 8.5, 35],
    ]);
    expect(found!.latest).toMatchObject({ quarter: shift(current, -1), value: 8.5 });
    expect(found!.progress).toBe(35);
  });

  it('counts a fall as progress when lower is better', async () => {
    const c = await commitment();
    const i = await indicator(c.id, {
      baseline: 40,
      target: 10,
      higherIsBetter: false,
      unit: { uk: 'днів', en: 'days' },
    });
    await record(i.id, shift(current, -1), 31);
    expect((await publicIndicator(i.id)).found!.progress).toBe(30);
    await record(i.id, current, 20);
    expect((await publicIndicator(i.id)).found!.progress).toBe(66.7);
  });

  it('is clamped to 0–100: past the target is 100, the wrong way is 0', async () => {
    const c = await commitment();
    const up = await indicator(c.id, { baseline: 100, target: 200 });
    await record(up.id, shift(current, -2), 80);
    await record(up.id, shift(current, -1), 250);
    const { found } = await publicIndicator(up.id);
    expect(found!.values.map((v) => v.progress)).toEqual([0, 100]);
    const down = await indicator(c.id, { baseline: 10, target: 2, higherIsBetter: false });
    await record(down.id, current, 12);
    expect((await publicIndicator(down.id)).found!.progress).toBe(0);
    await record(down.id, current, -3);
    expect((await publicIndicator(down.id)).found!.progress).toBe(100);
  });
});

describe('values per quarter', () => {
  it('re-recording a quarter replaces value and note, keeps one row, says who and when; the audit keeps the old', async () => {
    const c = await commitment();
    const i = await indicator(c.id);
    const other = await createUser(t, [{ role: 'city_admin' }]);
    const q = shift(current, -1);
    expect((await record(i.id, q, 6, { uk: 'Перший', en: 'First' })).statusCode).toBe(200);
    const second = await record(i.id, q, 9, { uk: 'Виправлено', en: 'Corrected' }, other);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().values).toEqual([
      expect.objectContaining({
        quarter: q,
        value: 9,
        progress: 40,
        note: { uk: 'Виправлено', en: 'Corrected' },
      }),
    ]);
    const rows = await t.db
      .selectFrom('actionPlanValues')
      .selectAll()
      .where('indicatorId', '=', i.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 9, recordedBy: other.id });
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorId', 'details'])
      .where('targetId', '=', i.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['action_plan.indicator_created', admin.id],
      ['action_plan.value_recorded', admin.id],
      ['action_plan.value_replaced', other.id],
    ]);
    expect(audit[2]!.details).toMatchObject({
      quarter: q,
      value: 9,
      previous: { value: 6, recordedBy: admin.id },
    });
    // City admins read it in the audit log, with the indicator named.
    const listed = await inject(t, {
      method: 'GET',
      url: `/api/v1/admin/audit?action=action_plan.value_replaced&actorId=${other.id}`,
      as: admin,
    });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ targetId: i.id, targetName: { uk: i.title.uk, en: i.title.en } }),
    ]);
  });

  it('refuses a quarter that has not begun and a malformed quarter, and changes nothing', async () => {
    const c = await commitment();
    const i = await indicator(c.id);
    const future = expectProblem(await record(i.id, shift(current, 1), 7), 400, 'quarter_in_future');
    expect(future.errors?.[0]?.path).toBe('/quarter');
    for (const bad of ['2026-Q5', '2026Q1', '26-Q1', '2026-q1'])
      expectProblem(await record(i.id, bad, 7), 400, 'validation_failed');
    expectProblem(
      await inject(t, { method: 'GET', url: url(`?quarter=${shift(current, 1)}`) }),
      400,
      'quarter_in_future',
    );
    expectProblem(await inject(t, { method: 'GET', url: url('?quarter=2026-Q0') }), 400, 'validation_failed');
    expect((await publicIndicator(i.id)).found!.values).toEqual([]);
  });

  it('deletes a mistaken value; a second delete is 404', async () => {
    const c = await commitment();
    const i = await indicator(c.id);
    const q = shift(current, -1);
    await record(i.id, q, 7);
    const del = () => inject(t, { method: 'DELETE', url: url(`/indicators/${i.id}/values/${q}`), as: admin });
    expect((await del()).statusCode).toBe(204);
    expect((await publicIndicator(i.id)).found).toMatchObject({ values: [], progress: null });
    expectProblem(await del(), 404, 'not_found');
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['details'])
      .where('targetId', '=', i.id)
      .where('action', '=', 'action_plan.value_deleted')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ quarter: q, value: 7 });
  });
});

describe('as of a quarter', () => {
  it('leaves out later values: GET ?quarter= and actionPlanAsOf agree', async () => {
    const c = await commitment();
    const i = await indicator(c.id, { baseline: 0, target: 8 });
    await record(i.id, shift(current, -3), 2, { uk: 'Початок', en: 'Start' });
    await record(i.id, shift(current, -1), 6);
    const asOf = shift(current, -2);
    const { plan, found } = await publicIndicator(i.id, asOf);
    expect(plan.asOf).toBe(asOf);
    expect(found!.values.map((v) => v.quarter)).toEqual([shift(current, -3)]);
    expect(found!.progress).toBe(25);

    const report = await actionPlanAsOf(t.db, asOf);
    expect(report.find((r) => r.indicatorId === i.id)).toMatchObject({
      commitmentId: c.id,
      value: null,
      note: null,
      latestValue: 2,
      latestQuarter: shift(current, -3),
      progress: 25,
    });
    const exact = await actionPlanAsOf(t.db, shift(current, -1));
    expect(exact.find((r) => r.indicatorId === i.id)).toMatchObject({ value: 6, progress: 75 });
  });
});

describe('validation', () => {
  it('refuses a target equal to the baseline or on the wrong side, and empty or too long texts', async () => {
    const c = await commitment();
    const base = {
      commitmentId: c.id,
      title: { uk: 'Показник', en: 'Indicator' },
      unit: { uk: 'шт.', en: 'pcs' },
      baseline: 5,
      target: 5,
      targetQuarter: '2026-Q4',
      higherIsBetter: true,
    };
    const post = (payload: object) =>
      inject(t, { method: 'POST', url: url('/indicators'), as: admin, payload });
    expect(expectProblem(await post(base), 400, 'target_equals_baseline').errors?.[0]?.path).toBe('/target');
    expectProblem(await post({ ...base, target: 3 }), 400, 'target_direction_mismatch');
    expectProblem(
      await post({ ...base, target: 9, higherIsBetter: false }),
      400,
      'target_direction_mismatch',
    );
    expectProblem(
      await post({ ...base, target: 9, title: { uk: '   ', en: 'x' } }),
      400,
      'validation_failed',
    );
    expectProblem(await post({ ...base, target: 9, targetQuarter: '2026-Q9' }), 400, 'validation_failed');
    const long = expectProblem(
      await post({ ...base, target: 9, title: { uk: 'я'.repeat(301), en: 'x' } }),
      400,
      'validation_failed',
    );
    expect(long.errors?.[0]).toMatchObject({ path: '/title/uk', code: 'maxLength' });
    expectProblem(
      await inject(t, {
        method: 'POST',
        url: url('/commitments'),
        as: admin,
        payload: { title: { uk: '', en: 'x' }, department: { uk: 'Д', en: 'D' } },
      }),
      400,
      'validation_failed',
    );

    const i = await indicator(c.id, { baseline: 5, target: 9 });
    // A patch is checked against the indicator it changes.
    expectProblem(
      await inject(t, {
        method: 'PATCH',
        url: url(`/indicators/${i.id}`),
        as: admin,
        payload: { target: 5 },
      }),
      400,
      'target_equals_baseline',
    );
    const flipped = await inject(t, {
      method: 'PATCH',
      url: url(`/indicators/${i.id}`),
      as: admin,
      payload: { target: 1, higherIsBetter: false },
    });
    expect(flipped.statusCode, flipped.body).toBe(200);
    expect(flipped.json()).toMatchObject({ target: 1, higherIsBetter: false });
  });

  it('answers 404 for an indicator or commitment that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expectProblem(await record(missing, current, 1), 404, 'not_found');
    expectProblem(
      await inject(t, { method: 'DELETE', url: url(`/commitments/${missing}`), as: admin }),
      404,
      'not_found',
    );
  });
});

describe('commitments', () => {
  it('are edited and deleted with their indicators and values, each change in the audit log', async () => {
    const c = await commitment();
    const i = await indicator(c.id);
    await record(i.id, current, 10);
    const patched = await inject(t, {
      method: 'PATCH',
      url: url(`/commitments/${c.id}`),
      as: admin,
      payload: { department: { uk: 'Департамент ІТ', en: 'IT Department' }, position: 3 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ department: { en: 'IT Department' }, position: 3 });
    expect(patched.json().indicators[0].id).toBe(i.id);
    expect(
      (await inject(t, { method: 'DELETE', url: url(`/commitments/${c.id}`), as: admin })).statusCode,
    ).toBe(204);
    const plan = (await inject(t, { method: 'GET', url: url() })).json() as Plan;
    expect(plan.commitments.find((x) => x.id === c.id)).toBeUndefined();
    expect(
      await t.db.selectFrom('actionPlanValues').select('quarter').where('indicatorId', '=', i.id).execute(),
    ).toEqual([]);
    const actions = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', c.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'action_plan.commitment_created',
      'action_plan.commitment_updated',
      'action_plan.commitment_deleted',
    ]);
  });
});

describe('permissions', () => {
  it('only a city admin changes the plan; everyone may read it', async () => {
    const users = await prepareRoles(t);
    const c = await commitment();
    const i = await indicator(c.id);
    await record(i.id, shift(current, -1), 7);
    const changes = [
      {
        method: 'POST' as const,
        url: url('/commitments'),
        payload: { title: { uk: 'Т', en: 'T' }, department: { uk: 'Д', en: 'D' } },
      },
      { method: 'PATCH' as const, url: url(`/commitments/${c.id}`), payload: { position: 1 } },
      {
        method: 'POST' as const,
        url: url('/indicators'),
        payload: {
          commitmentId: c.id,
          title: { uk: 'Т', en: 'T' },
          unit: { uk: 'шт', en: 'pcs' },
          baseline: 1,
          target: 2,
          targetQuarter: '2026-Q4',
          higherIsBetter: true,
        },
      },
      { method: 'PATCH' as const, url: url(`/indicators/${i.id}`), payload: { position: 1 } },
      { method: 'PUT' as const, url: url(`/indicators/${i.id}/values/${current}`), payload: { value: 8 } },
      { method: 'DELETE' as const, url: url(`/indicators/${i.id}/values/${shift(current, -1)}`) },
      { method: 'DELETE' as const, url: url(`/indicators/${i.id}`) },
      { method: 'DELETE' as const, url: url(`/commitments/${c.id}`) },
    ];
    const refused = [
      ['guest', null],
      ['resident', users.resident],
      ['ngo_member', users.ngo_member],
      ['ngo_owner', users.ngo_owner],
      ['hub_manager', users.hub_manager],
      ['district_admin', users.district_admin],
    ] as const;
    for (const change of changes) {
      for (const [who, as] of refused) {
        const res = await inject(t, { ...change, as });
        if (who === 'guest') expectProblem(res, 401, 'unauthorized');
        else expectProblem(res, 403, 'forbidden');
      }
      const read = await inject(t, { method: 'GET', url: url(), as: users.resident });
      expect(read.statusCode).toBe(200);
    }
    // Nothing changed for any of them.
    const { found } = await publicIndicator(i.id);
    expect(found!.values.map((v) => [v.quarter, v.value])).toEqual([[shift(current, -1), 7]]);
    // The city admin may do each of them (the deletions last).
    for (const change of changes) {
      const res = await inject(t, { ...change, as: users.city_admin });
      expect(res.statusCode, `${change.method} ${change.url}: ${res.body}`).toBeLessThan(300);
    }
  });
});
