// Fuzzes every operation of the OpenAPI document the app publishes, as every role, against real
// objects (so ids reach existing hubs, rooms, organisations, bookings, events and users) and with
// hostile values: wrong types, missing and extra fields, 100 KB strings, NUL, lone surrogates,
// RTL and CRLF characters, huge and negative numbers, bad dates and UUIDs, wrong content types,
// percent-garbage in paths and queries. A client must never see a 5xx, and every 4xx must be
// application/problem+json with a code. Driven by the document, so a new route is fuzzed too.
//
// Seeded: the seed is printed; FUZZ_SEED=<n> replays a run, FUZZ_REQUESTS=<n> changes its size.
// The database is a fresh one of its own, so the rows the fuzzer creates disturb no other test.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { migrateToLatest } from '../src/db/migrator';
import { at, book, kyivDate, world } from './booking-fixture';
import { applyAs } from './org-fixture';
import {
  createUser,
  freshDatabase,
  inject,
  TEST_PASSWORD,
  type TestApp,
  testConfig,
  type TestUser,
} from './helper';

const REQUESTS = Number(process.env.FUZZ_REQUESTS) || 5000;
const SEED = Number(process.env.FUZZ_SEED) || Math.floor(Math.random() * 2 ** 31);
const CONCURRENCY = 8;

// ---- a seeded source of choices -------------------------------------------------------------

class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: small, fast, and the same sequence on every machine for a seed. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  uuid(): string {
    const hex = () => this.int(0, 15).toString(16);
    const s = Array.from({ length: 32 }, hex).join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20)}`;
  }
}

// ---- hostile values ---------------------------------------------------------------------------

const HUGE = 'x'.repeat(100_000);
const HUGE_CYRILLIC = 'я'.repeat(50_000);
const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '\u202Eevil\u202C',
  'שלום مرحبا',
  'a\r\nX-Injected: 1',
  '\r\n\r\n',
  HUGE,
  HUGE_CYRILLIC,
  "' OR 1=1 --",
  '"; drop table users; --',
  '%00',
  '%zz',
  '\u0024{7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u200B\uFEFF',
  'e\u0301\u0301\u0301',
  '😀'.repeat(20),
  'null',
  '-1',
  '1e21',
  'NaN',
  'Infinity',
  '[]',
  '{}',
  '\\',
  '\t\v\f\b',
  '\u0085\u2028\u2029',
  '\u0001\u001f\u007f',
];
const NASTY_NUMBERS: readonly number[] = [
  1e21,
  -1,
  -2_147_483_649,
  2_147_483_648,
  2 ** 53 + 2,
  1e308,
  -1e308,
  0.5,
  -0.000001,
  0,
  4_294_967_296,
  Number.MAX_SAFE_INTEGER,
];
const NASTY_NUMBER_TEXT: readonly string[] = [
  '1e21',
  '-1',
  '9007199254740993',
  '1e308',
  '0x10',
  'NaN',
  'Infinity',
  '-0',
  '1.5',
  '',
  ' 1',
  '１',
];
const NASTY_INSTANTS: readonly string[] = [
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-06-30T23:59:60Z',
  '2026-06-01T24:00:00Z',
  '2026-06-01T10:00:00',
  '2026-06-01',
  '+275760-09-13T00:00:00Z',
  '1970-01-01T00:00:00+14:00',
  '2026-06-01T10:00:00.123456789Z',
  '2026-06-01T10:00:00+25:00',
  '2026-06-01 10:00:00Z',
  '1900-01-01T00:00:00Z',
  '2100-01-01T00:00:00Z',
];
const NASTY_DATES: readonly string[] = [
  '2026-02-29',
  '2028-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-1-1',
  '20260601',
  '2026-06-01T00:00:00Z',
  '1800-01-01',
];
const NASTY_UUIDS: readonly string[] = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  "' OR '1'='1",
  '{id}',
  '00000000-0000-4000-8000-00000000000g',
  '00000000000040008000000000000000',
];
/** Broken percent-encodings, overlong UTF-8, encoded NUL and slashes: for paths and queries, sent raw. */
const RAW_GARBAGE: readonly string[] = [
  '%zz',
  '%',
  '%E0%A4%A',
  '%00',
  '%C0%80',
  '%ED%A0%80',
  '%F0%9F%98',
  '..%2F..%2Fetc',
  '%u0041',
  '%25zz',
  '%FF%FE',
];
const WRONG_TYPES: readonly unknown[] = [{}, [], 123, -1, true, null, 'str', [null], { a: 1 }, 1.5];

// ---- the OpenAPI document, read as the fuzzer needs it ----------------------------------------

type Schema = { [key: string]: unknown };

interface Param {
  name: string;
  in: string;
  required: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  path: string;
  params: Param[];
  body: Schema | null;
}

function operationsOf(doc: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = ((op.parameters as Schema[] | undefined) ?? []).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        required: Boolean(p.required),
        schema: (p.schema as Schema) ?? {},
      }));
      const content = (op.requestBody as Schema | undefined)?.content as Record<string, Schema> | undefined;
      const body = (content?.['application/json']?.schema as Schema | undefined) ?? null;
      ops.push({ method: method.toUpperCase(), path, params, body });
    }
  }
  return ops;
}

// ---- values that fit a schema -----------------------------------------------------------------

const CYRILLIC = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';

interface Context {
  rand: Rand;
  /** ids of existing rows, by table */
  ids: Map<string, string[]>;
  emails: string[];
  /** day offset shared by the request's instants, so start/end and from/to usually make sense */
  day: number;
}

/** Existing ids for a field or parameter name: `roomId` → rooms, `grantId` → role_grants. */
function idsFor(ctx: Context, name: string, segment?: string): string[] {
  const base = name === 'id' || name === '' ? (segment ?? '') : name.replace(/Id$/, '');
  const plural = base.endsWith('s') ? base : `${base}s`;
  const tables = [...ctx.ids.keys()].filter((t) => t === plural || t.endsWith(`_${plural}`));
  const found = tables.flatMap((t) => ctx.ids.get(t) ?? []);
  return found.length > 0 ? found : [...ctx.ids.values()].flat();
}

function validString(schema: Schema, ctx: Context, name: string, segment?: string): string {
  const { rand } = ctx;
  const format = schema.format as string | undefined;
  if (format === 'uuid') {
    const pool = idsFor(ctx, name, segment);
    return pool.length > 0 && rand.chance(0.85) ? rand.pick(pool) : rand.uuid();
  }
  if (format === 'date-time') {
    const day = ctx.day + (name === 'to' || name === 'until' ? rand.int(0, 7) : 0);
    const time =
      name === 'end' || name === 'to' ? '12:00' : name === 'start' || name === 'from' ? '10:00' : '11:00';
    return at(kyivDate(day), time);
  }
  if (format === 'date') return kyivDate(ctx.day + rand.int(0, 14));
  if (format === 'email')
    return rand.chance(0.5) ? rand.pick(ctx.emails) : `fuzz-${rand.int(0, 1e9)}@test.vcentri.kyiv.ua`;
  if (format === 'uri') return `https://example.org/${rand.int(0, 999)}`;
  const pattern = schema.pattern as string | undefined;
  if (pattern?.includes('[01][0-9]|2[0-3]'))
    return rand.pick(['08:00', '09:30', '12:00', '18:00', '22:00', '24:00']);
  if (pattern?.includes('[0-9 ()-]')) return '+380 44 123 45 67';
  if (pattern === '^https?://') return `https://example.org/${rand.int(0, 999)}`;
  if (name === 'password') return TEST_PASSWORD;
  const min = Number(schema.minLength ?? 0);
  const max = Math.min(Number(schema.maxLength ?? 40), Math.max(min, 40));
  const length = rand.int(Math.max(min, Math.min(3, max)), max);
  return Array.from({ length }, () => rand.pick([...`${CYRILLIC}abc xyz`])).join('');
}

function validNumber(schema: Schema, ctx: Context, integer: boolean): number {
  const min = Number(schema.minimum ?? (schema.exclusiveMinimum as number | undefined) ?? 0);
  const max = Number(schema.maximum ?? (schema.exclusiveMaximum as number | undefined) ?? min + 100);
  const hi = Math.min(max, min + 200);
  if (integer) return ctx.rand.int(Math.ceil(min), Math.floor(hi));
  return min + ctx.rand.next() * (hi - min);
}

function valid(schema: Schema, ctx: Context, name = '', segment?: string): unknown {
  const { rand } = ctx;
  const anyOf = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (anyOf) return valid(rand.pick(anyOf), ctx, name, segment);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return rand.pick(schema.enum);
  const type = Array.isArray(schema.type)
    ? rand.pick(schema.type as string[])
    : (schema.type as string | undefined);
  switch (type) {
    case 'string':
      return validString(schema, ctx, name, segment);
    case 'integer':
      return validNumber(schema, ctx, true);
    case 'number':
      return validNumber(schema, ctx, false);
    case 'boolean':
      return rand.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const items = (schema.items as Schema | undefined) ?? {};
      const min = Number(schema.minItems ?? 0);
      const max = Math.min(Number(schema.maxItems ?? 3), min + 3);
      const out: unknown[] = [];
      const n = rand.int(min, max);
      for (let i = 0; i < n * 3 && out.length < n; i++) {
        const v = valid(items, ctx, name);
        if (!schema.uniqueItems || !out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
      }
      return out;
    }
    case 'object': {
      const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const out: Record<string, unknown> = {};
      for (const [key, s] of Object.entries(props)) {
        if (required.has(key) || rand.chance(0.5)) out[key] = valid(s, ctx, key);
      }
      return out;
    }
    default:
      return rand.pick(['x', 1, true]);
  }
}

/** A value of the right shape for most checks but wrong for this schema, or simply hostile. */
function hostile(schema: Schema, ctx: Context): unknown {
  const { rand } = ctx;
  if (rand.chance(0.25)) return rand.pick([...WRONG_TYPES, ...NASTY_NUMBERS, ...NASTY_STRINGS]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return rand.pick(NASTY_NUMBERS);
  if (schema.format === 'uuid') return rand.pick(NASTY_UUIDS);
  if (schema.format === 'date-time') return rand.pick(NASTY_INSTANTS);
  if (schema.format === 'date') return rand.pick(NASTY_DATES);
  if (type === 'array')
    return rand.pick([[null], Array.from({ length: 500 }, () => 'x'), ['\u0000'], [[[[]]]], 'x']);
  if (type === 'object')
    return rand.pick([[], 'x', { '\u0000': 1 }, JSON.parse('{"__proto__":{"admin":true}}'), null]);
  const base = valid(schema, ctx);
  const text = typeof base === 'string' ? base : 'abc';
  return rand.pick([
    rand.pick(NASTY_STRINGS),
    `${text}\u0000`,
    `\u0000${text}`,
    `${text}\uD83D`,
    `\u202E${text}`,
    `${text}\r\nX-Injected: 1`,
    text.toUpperCase(),
    ` ${text} `,
  ]);
}

/**
 * A value the schema accepts, at its edge: the smallest and largest numbers, the longest strings of
 * RTL, CRLF and emoji text, the first and last instants and dates, the clock-change hours. These
 * pass validation, so they test what the services and PostgreSQL do with them.
 */
function boundary(schema: Schema, ctx: Context, name = ''): unknown {
  const { rand } = ctx;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (Array.isArray(schema.enum) || schema.anyOf || schema.oneOf || type === 'boolean')
    return valid(schema, ctx, name);
  if (type === 'integer' || type === 'number') {
    const min = Number(schema.minimum ?? 0);
    const max = Number(schema.maximum ?? min);
    return rand.pick([min, max, type === 'integer' ? Math.max(min, max - 1) : max - 1e-9]);
  }
  if (type === 'array') {
    const items = (schema.items as Schema | undefined) ?? {};
    const n = Number(schema.maxItems ?? 20);
    const values = Array.from({ length: n * 2 }, () => valid(items, ctx, name));
    return schema.uniqueItems
      ? [...new Map(values.map((v) => [JSON.stringify(v), v])).values()].slice(0, n)
      : values.slice(0, n);
  }
  if (type !== 'string') return valid(schema, ctx, name);
  if (schema.format === 'date-time')
    return rand.pick([
      '1000-01-01T00:00:00Z',
      '2999-12-31T23:59:59+14:00',
      '2999-12-31T23:59:59-12:00',
      '2026-03-29T03:30:00+03:00',
      '2026-03-29T02:30:00+02:00',
      '2026-10-25T03:30:00+03:00',
      '2026-10-25T03:30:00+02:00',
      '1970-01-01T00:00:00Z',
      '2038-01-19T03:14:08Z',
    ]);
  if (schema.format === 'date')
    return rand.pick(['1000-01-01', '2999-12-31', '2028-02-29', '2026-03-29', '2026-10-25']);
  if (schema.format || schema.pattern) return valid(schema, ctx, name);
  const max = Math.min(Number(schema.maxLength ?? 1000), 100_000);
  const unit = rand.pick(['\u202Eשלום', 'a\r\n', '😀', 'ї', ' ', '%', "'", '\\', '\u200B', 'e\u0301']);
  const text = unit.repeat(Math.ceil(max / unit.length) + 1);
  // maxLength counts code points, so cut by code points, not UTF-16 units.
  return [...text].slice(0, rand.chance(0.5) ? max : Math.max(Number(schema.minLength ?? 0), 1)).join('');
}

/** A value for a query or path slot in its text form: strict schemas see numbers as text there. */
function hostileText(schema: Schema, ctx: Context): string {
  const { rand } = ctx;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if ((type === 'integer' || type === 'number') && rand.chance(0.7)) return rand.pick(NASTY_NUMBER_TEXT);
  const v = hostile(schema, ctx);
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its raw UTF-8 bytes. */
function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

// ---- one request --------------------------------------------------------------------------------

type Mutation =
  | 'valid'
  | 'boundary'
  | 'field'
  | 'missing'
  | 'extra'
  | 'body'
  | 'content-type'
  | 'path-garbage'
  | 'query-garbage'
  | 'auth'
  | 'method';

const MUTATIONS: readonly [Mutation, number][] = [
  ['valid', 15],
  ['boundary', 15],
  ['field', 28],
  ['missing', 5],
  ['extra', 5],
  ['body', 5],
  ['content-type', 7],
  ['path-garbage', 9],
  ['query-garbage', 6],
  ['auth', 3],
  ['method', 2],
];

function pickMutation(rand: Rand): Mutation {
  const total = MUTATIONS.reduce((s, [, w]) => s + w, 0);
  let x = rand.next() * total;
  for (const [m, w] of MUTATIONS) {
    x -= w;
    if (x < 0) return m;
  }
  return 'valid';
}

interface FuzzRequest {
  role: string;
  mutation: Mutation;
  options: InjectOptions;
  /** the operation, for the report */
  label: string;
  /** what was sent, short, for the report */
  sent: string;
}

/** Every spot in a body a value can go: the schema's properties, present or not, and array items. */
function slots(
  value: unknown,
  schema: Schema,
  path: (string | number)[] = [],
): { path: (string | number)[]; schema: Schema }[] {
  const out: { path: (string | number)[]; schema: Schema }[] = [];
  const props = schema.properties as Record<string, Schema> | undefined;
  if (props && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, s] of Object.entries(props)) {
      out.push({ path: [...path, key], schema: s });
      out.push(...slots((value as Record<string, unknown>)[key], s, [...path, key]));
    }
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) {
      out.push({ path: [...path, i], schema: schema.items as Schema });
      out.push(...slots(item, schema.items as Schema, [...path, i]));
    }
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false) {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (remove) delete node[last];
  else node[last] = value;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

const short = (v: unknown) =>
  (
    JSON.stringify(v, (_k, x) =>
      typeof x === 'string' && x.length > 40 ? `${x.slice(0, 12)}…(${x.length} chars)` : x,
    ) ?? String(v)
  ).slice(0, 240);

function buildRequest(op: Operation, role: string, token: string | null, ctx: Context): FuzzRequest {
  const { rand } = ctx;
  const mutation = pickMutation(rand);
  ctx.day = rand.int(1, 40);

  // The honest request first, every slot filled with a fitting value.
  const segments = op.path.split('/');
  const pathValues = new Map<string, string>();
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const segment =
      segments[segments.indexOf(`{${p.name}}`) - 1] ?? segments.find((s) => s.includes(`{${p.name}}`));
    pathValues.set(p.name, encode(String(valid(p.schema, ctx, p.name, segment))));
  }
  const query: [string, string][] = [];
  for (const p of op.params.filter((x) => x.in === 'query')) {
    if (p.required || rand.chance(0.4)) query.push([p.name, encode(String(valid(p.schema, ctx, p.name)))]);
  }
  let body: unknown = op.body ? valid(op.body, ctx) : undefined;
  let rawPayload: string | undefined;
  let method = op.method;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let sent = '';

  switch (mutation) {
    case 'valid':
      break;
    case 'boundary': {
      const query_ = op.params.filter((p) => p.in === 'query');
      const bodySlots = op.body ? slots(body, op.body) : [];
      if (query_.length + bodySlots.length === 0) break;
      const choice = rand.int(0, query_.length + bodySlots.length - 1);
      if (choice < query_.length) {
        const p = query_[choice] as Param;
        const v = String(boundary(p.schema, ctx, p.name));
        const i = query.findIndex(([k]) => k === p.name);
        if (i >= 0) query.splice(i, 1);
        query.push([p.name, encode(v)]);
        sent = `query ${p.name}=${short(v)}`;
      } else {
        const slot = bodySlots[choice - query_.length] as { path: (string | number)[]; schema: Schema };
        const v = boundary(slot.schema, ctx, String(slot.path[slot.path.length - 1]));
        setAt(body, slot.path, v);
        sent = `body /${slot.path.join('/')}=${short(v)}`;
      }
      break;
    }
    case 'field': {
      const params = op.params.filter((p) => p.in === 'path' || p.in === 'query');
      const bodySlots = op.body ? slots(body, op.body) : [];
      const choice = rand.next() * (params.length + bodySlots.length);
      if (params.length + bodySlots.length === 0) {
        query.push(['q', encode(rand.pick(NASTY_STRINGS))]);
        sent = 'query q';
      } else if (choice < params.length) {
        const p = params[Math.floor(choice)] as Param;
        const text = hostileText(p.schema, ctx);
        if (p.in === 'path') pathValues.set(p.name, encode(text) || '%20');
        else {
          const i = query.findIndex(([k]) => k === p.name);
          if (i >= 0) query.splice(i, 1);
          query.push([p.name, encode(text)]);
        }
        sent = `${p.in} ${p.name}=${short(text)}`;
      } else {
        const s = bodySlots[Math.floor(choice) - params.length] as {
          path: (string | number)[];
          schema: Schema;
        };
        const v = hostile(s.schema, ctx);
        if (body === null || typeof body !== 'object') body = {};
        setAt(body, s.path, v);
        sent = `body /${s.path.join('/')}=${short(v)}`;
      }
      break;
    }
    case 'missing': {
      const required = op.params.filter((p) => p.required && p.in === 'query');
      if (required.length > 0 && rand.chance(0.5)) {
        const p = rand.pick(required);
        query.splice(
          query.findIndex(([k]) => k === p.name),
          1,
        );
        sent = `without query ${p.name}`;
      } else if (op.body && body && typeof body === 'object') {
        const keys = Object.keys(body);
        if (keys.length > 0) {
          const key = rand.pick(keys);
          setAt(body, [key], undefined, true);
          sent = `without body ${key}`;
        } else {
          body = undefined;
          sent = 'without body';
        }
      } else {
        body = undefined;
        sent = 'without body';
      }
      break;
    }
    case 'extra': {
      const key = rand.pick([
        'extra',
        'id',
        'role',
        'status',
        'createdAt',
        '__proto__',
        'constructor',
        '\u0000',
        'a'.repeat(300),
      ]);
      const v = rand.pick([...WRONG_TYPES, ...NASTY_STRINGS.slice(0, 12)]);
      if (op.body && body && typeof body === 'object' && rand.chance(0.7)) {
        // JSON.parse makes __proto__ an own property, as a client's raw JSON would.
        rawPayload = JSON.stringify(body)
          .replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(v)},`)
          .replace(/,\}$/, '}');
        sent = `body +${short(key)}=${short(v)}`;
      } else {
        query.push([encode(key), encode(typeof v === 'string' ? v : JSON.stringify(v))]);
        sent = `query +${short(key)}`;
      }
      break;
    }
    case 'body': {
      const depth = 5000;
      rawPayload = rand.pick([
        '[]',
        'null',
        '"x"',
        '42',
        'true',
        '{"a":',
        '[1,2,3]',
        '{}',
        `${'['.repeat(depth)}${']'.repeat(depth)}`,
        `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        '{"constructor":{"prototype":{"admin":true}}}',
        '{"__proto__":{"admin":true}}',
        `{"a":"${'\\u0000'.repeat(10)}"}`,
        '\uFEFF{}',
        '{"a":1,"a":2}',
        `{"x":"${'y'.repeat(1_100_000)}"}`,
      ]);
      headers['content-type'] = 'application/json';
      sent = `raw body ${short(rawPayload)}`;
      break;
    }
    case 'content-type': {
      const payload = body === undefined ? '{}' : JSON.stringify(body);
      const type = rand.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/jsonx',
        'application/json, text/plain',
        'application/xml',
        '*/*',
        ';',
        'application/json;;;',
        '',
        'application/problem+json',
      ]);
      rawPayload = rand.chance(0.8) ? payload : rand.pick(['a=1&b=2', '<x/>', '--x\r\n\r\n--x--', '\u0000']);
      if (type) headers['content-type'] = type;
      sent = `content-type ${short(type)} ${short(rawPayload)}`;
      break;
    }
    case 'path-garbage': {
      const names = [...pathValues.keys()];
      const garbage = rand.chance(0.2) ? 'a'.repeat(rand.int(101, 400)) : rand.pick(RAW_GARBAGE);
      if (names.length > 0 && rand.chance(0.8)) {
        const name = rand.pick(names);
        pathValues.set(name, rand.chance(0.5) ? garbage : `${pathValues.get(name)}${garbage}`);
        sent = `path ${name}=${short(garbage)}`;
      } else {
        segments.push(garbage);
        sent = `path +/${short(garbage)}`;
      }
      break;
    }
    case 'query-garbage': {
      const g = rand.pick(RAW_GARBAGE);
      const p = op.params.filter((x) => x.in === 'query');
      const name = p.length > 0 ? rand.pick(p).name : 'q';
      const form = rand.int(0, 3);
      if (form === 0) query.push([name, g]);
      else if (form === 1) query.push([g, '1']);
      else if (form === 2) query.push([name, '1'], [name, '2']);
      else query.push([`${name}[]`, g], ['', ''], ['&&', '=']);
      sent = `query garbage ${form} ${name} ${short(g)}`;
      break;
    }
    case 'auth': {
      const value = rand.pick([
        'Bearer ',
        'Bearer x.y.z',
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
        'Basic YTpi',
        'bearer',
        `Bearer ${token ?? 'x'}x`,
        `Bearer ${'a'.repeat(8000)}`,
        'Bearer \u00e9',
      ]);
      headers.authorization = value;
      sent = `authorization ${short(value)}`;
      break;
    }
    case 'method':
      method = rand.pick(['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH', 'POST']);
      sent = `method ${method}`;
      break;
  }

  const path = segments
    .map((s) => s.replace(/\{([^}]+)\}/g, (_m, name: string) => pathValues.get(name) ?? 'x'))
    .join('/');
  const qs = query.map(([k, v]) => `${k}=${v}`).join('&');
  const url = qs ? `${path}?${qs}` : path;
  if (!sent) sent = body === undefined ? '' : `body ${short(body)}`;
  if (rand.chance(0.05)) {
    // The refresh token travels in a cookie, which no schema checks before the auth routes read it.
    headers.cookie = rand.pick([
      'vcentri_rt=%00',
      `vcentri_rt=${'a'.repeat(5000)}`,
      'vcentri_rt=%zz',
      'vcentri_rt="x',
      '=;;=',
      'vcentri_rt=a; vcentri_rt=b',
    ]);
    sent += ` cookie ${short(headers.cookie)}`;
  }
  const options: InjectOptions = { method: method as InjectOptions['method'], url, headers };
  if (rawPayload !== undefined) {
    options.payload = rawPayload;
    headers['content-type'] ??= 'application/json';
  } else if (body !== undefined && method !== 'GET' && method !== 'HEAD') {
    options.payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  return { role, mutation, options, label: `${op.method} ${op.path}`, sent };
}

// ---- what a client must never see -----------------------------------------------------------

const LEAK = /\n\s+at |node_modules|\.ts:\d+|SQLSTATE|syntax error at|invalid input syntax|violates/i;

function verdict(
  status: number,
  contentType: string | undefined,
  body: string,
  method: string,
): string | null {
  if (status >= 500) return `${status}`;
  if (status < 400) return null;
  if (!contentType?.startsWith('application/problem+json'))
    return `${status} as ${contentType ?? 'no content-type'}`;
  if (method === 'HEAD') return null;
  let code: unknown;
  try {
    code = (JSON.parse(body) as { code?: unknown }).code;
  } catch {
    return `${status} problem+json that is not JSON`;
  }
  if (typeof code !== 'string' || !code) return `${status} problem without a code`;
  if (LEAK.test(body)) return `${status} ${code} leaking internals`;
  return null;
}

// ---- the run ------------------------------------------------------------------------------------

let t: TestApp;
let drop: () => Promise<void>;
let roles: Record<string, TestUser | null>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  await migrateToLatest(fresh.handle.db);
  const config = testConfig();
  const app: FastifyInstance = await buildApp({ config, db: fresh.handle.db });
  await app.ready();
  t = { app, db: fresh.handle.db, config };

  // Real objects for ids to hit: hubs with rooms, verified organisations with an owner and a member,
  // a booking with an event and a registration, a dated exception, a draft application, a volunteer
  // program with a shift, a sign-up and logged hours.
  const w = await world(t);
  const owner = await createUser(t, [{ role: 'ngo_owner', organizationId: w.orgId }]);
  const resident = await createUser(t);
  const day = kyivDate(5);
  const booking = await book(t, w.member, {
    roomId: w.roomId,
    organizationId: w.orgId,
    start: at(day, '10:00'),
    end: at(day, '12:00'),
  });
  if (booking.statusCode !== 201) throw new Error(booking.body);
  const event = await inject(t, {
    method: 'POST',
    url: '/api/v1/events',
    as: w.manager,
    payload: {
      bookingId: booking.json().items[0].id,
      title: { uk: 'Подія', en: 'Event' },
      category: 'meeting',
      capacity: 10,
    },
  });
  if (event.statusCode !== 201) throw new Error(event.body);
  await inject(t, { method: 'POST', url: `/api/v1/events/${event.json().id}/registrations`, as: resident });
  await inject(t, {
    method: 'POST',
    url: `/api/v1/hubs/${w.hubId}/exceptions`,
    as: w.admin,
    payload: { date: kyivDate(20), note: 'Свято' },
  });
  await applyAs(t, owner);
  // A published volunteer program with a shift, a volunteer signed up and hours logged.
  const program = await inject(t, {
    method: 'POST',
    url: '/api/v1/volunteering/programs',
    as: w.member,
    payload: {
      organizationId: w.orgId,
      title: { uk: 'Програма', en: 'Program' },
      cause: 'elderly',
      briefing: 'Інструктаж',
      status: 'published',
    },
  });
  if (program.statusCode !== 201) throw new Error(program.body);
  const programId = program.json().id as string;
  const shift = await inject(t, {
    method: 'POST',
    url: `/api/v1/volunteering/programs/${programId}/shifts`,
    as: w.member,
    payload: {
      start: at(day, '14:00'),
      end: at(day, '16:00'),
      address: 'вул. Тестова, 2',
      district: 'obolonskyi',
      places: 1,
      task: 'Допомога',
    },
  });
  if (shift.statusCode !== 201) throw new Error(shift.body);
  await inject(t, {
    method: 'PUT',
    url: '/api/v1/me/volunteer-profile',
    as: resident,
    payload: { skills: [], languages: ['uk'], districts: [], birthYear: 1990, consentToContact: true },
  });
  await inject(t, {
    method: 'POST',
    url: `/api/v1/volunteering/programs/${programId}/briefing/acknowledge`,
    as: resident,
  });
  await inject(t, {
    method: 'POST',
    url: `/api/v1/volunteering/shifts/${shift.json().items[0].id}/signups`,
    as: resident,
  });
  await inject(t, {
    method: 'POST',
    url: '/api/v1/me/volunteering/hours',
    as: resident,
    payload: { programId, date: kyivDate(0), minutes: 60, description: 'Чергування' },
  });
  roles = {
    anonymous: null,
    resident,
    ngo_owner: owner,
    ngo_member: w.member,
    hub_manager: w.manager,
    district_admin: w.districtAdmin,
    city_admin: w.admin,
  };
});

afterAll(async () => {
  await t?.app.close();
  await drop?.();
});

async function existingIds(): Promise<{ ids: Map<string, string[]>; emails: string[] }> {
  const tables = await sql<{ tableName: string }>`
    select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'id' and data_type = 'uuid'
    order by table_name`.execute(t.db);
  const ids = new Map<string, string[]>();
  for (const { tableName } of tables.rows) {
    const rows = await sql<{
      id: string;
    }>`select id from ${sql.table(tableName)} order by id limit 8`.execute(t.db);
    if (rows.rows.length > 0)
      ids.set(
        tableName,
        rows.rows.map((r) => r.id),
      );
  }
  const emails = await sql<{ email: string }>`select email from users order by email limit 8`.execute(t.db);
  return { ids, emails: emails.rows.map((r) => r.email) };
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it(`answers ${REQUESTS} hostile requests with no 5xx and only problem+json 4xx (seed ${SEED})`, async () => {
    console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${REQUESTS} requests`);
    const ops = operationsOf(t.app.swagger() as unknown as { paths: Record<string, Record<string, Schema>> });
    expect(ops.length).toBeGreaterThan(50);
    const { ids, emails } = await existingIds();
    const ctx: Context = { rand: new Rand(SEED), ids, emails, day: 1 };
    const roleNames = Object.keys(roles);

    const failures = new Map<string, { count: number; example: string }>();
    const covered = new Set<string>();
    const statuses = new Map<number, number>();
    let sentCount = 0;
    const started = Date.now();

    // Every operation as every role, round-robin, so each pair gets its share of the run; the
    // requests come from one seeded sequence, so a seed names the same requests every time.
    let next = 0;
    const nextRequest = (): FuzzRequest | null => {
      if (next >= REQUESTS) return null;
      const i = next++;
      const op = ops[i % ops.length] as Operation;
      const role = roleNames[Math.floor(i / ops.length) % roleNames.length] as string;
      return buildRequest(op, role, roles[role]?.token ?? null, ctx);
    };
    const worker = async () => {
      for (let r = nextRequest(); r; r = nextRequest()) {
        const res = await t.app.inject(r.options);
        sentCount++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        covered.add(`${r.label} ${r.role}`);
        const bad = verdict(
          res.statusCode,
          res.headers['content-type'] as string | undefined,
          res.body,
          String(r.options.method),
        );
        if (!bad) continue;
        const key = `${bad} · ${r.label} · ${r.mutation}`;
        const seen = failures.get(key);
        if (seen) seen.count++;
        else
          failures.set(key, {
            count: 1,
            example: `${r.options.method} ${clip(String(r.options.url), 200)} as ${r.role}: ${r.sent}${r.options.payload === undefined ? '' : ` · payload ${clip(String(r.options.payload), 400)}`} → ${clip(res.body, 160)}`,
          });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    console.log(
      `fuzz: ${sentCount} requests, ${ops.length} operations × ${roleNames.length} roles, ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${[
        ...statuses.entries(),
      ]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
    );
    const report = [...failures.entries()]
      .slice(0, 40)
      .map(([key, f]) => `  ${key} (×${f.count})\n      e.g. ${f.example}`)
      .join('\n');
    expect(failures.size, `fuzz seed ${SEED} (FUZZ_SEED=${SEED} to replay):\n${report}`).toBe(0);
    expect(sentCount).toBe(REQUESTS);
    expect(covered.size).toBe(Math.min(REQUESTS, ops.length * roleNames.length));
  }, 300_000);

  it('bounds every number a client can send, so none reaches SQL out of range', () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Schema>> };
    const unbounded: string[] = [];
    const walk = (s: unknown, where: string) => {
      if (Array.isArray(s)) {
        for (const [i, x] of s.entries()) walk(x, `${where}/${i}`);
      } else if (s !== null && typeof s === 'object') {
        const schema = s as Schema;
        if (
          (schema.type === 'integer' || schema.type === 'number') &&
          (schema.maximum === undefined || schema.minimum === undefined)
        )
          unbounded.push(where);
        for (const [k, v] of Object.entries(schema)) walk(v, `${where}/${k}`);
      }
    };
    for (const op of operationsOf(doc)) {
      for (const p of op.params) walk(p.schema, `${op.method} ${op.path} ${p.in} ${p.name}`);
      if (op.body) walk(op.body, `${op.method} ${op.path} body`);
    }
    expect(unbounded).toEqual([]);
  });
});
