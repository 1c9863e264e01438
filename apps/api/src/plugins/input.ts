// What PostgreSQL cannot store never reaches it. A NUL character in a text value makes
// PostgreSQL abort the statement (`invalid byte sequence`, a 500), and a lone UTF-16 surrogate
// would be stored silently as U+FFFD, a change the client did not ask for. The schemas cannot say
// "no NUL" for every string, so this checks every string of the path, the query and the body once,
// for every route, after schema validation (so it sees exactly what the handler will see).
// Numbers too: Ajv coerces `?limit=Infinity` to Infinity and then skips `maximum` for it.
import type { ProblemFieldError } from '@vcentri/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { badRequest } from '../errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL would refuse or alter this text, if it would. */
function unstorable(text: string): Omit<ProblemFieldError, 'path'> | null {
  if (text.includes('\u0000')) return { code: 'nul', message: 'must not contain the NUL character' };
  if (LONE_SURROGATE.test(text))
    return { code: 'encoding', message: 'must be well-formed Unicode (no lone surrogates)' };
  return null;
}

const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * No input of ours nests this deep; a body that does (`[[[[…` is valid JSON at any depth) would
 * otherwise take the walk below past the call stack.
 */
const MAX_DEPTH = 32;

function collect(value: unknown, path: string, out: ProblemFieldError[], depth = 0): void {
  if (out.length >= 20) return;
  if (depth > MAX_DEPTH) {
    out.push({ path, code: 'depth', message: `must not nest deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (typeof value === 'string') {
    const why = unstorable(value);
    if (why) out.push({ path: path || '/', ...why });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value))
      out.push({ path: path || '/', code: 'type', message: 'must be a finite number' });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collect(item, `${path}/${i}`, out, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}/${pointer(key)}`;
      const why = unstorable(key);
      if (why) out.push({ path: at, ...why });
      collect(item, at, out, depth + 1);
    }
  }
}

/** Field errors for the request's unstorable strings, with the paths validation errors use. */
export function unstorableFields(request: FastifyRequest): ProblemFieldError[] {
  const out: ProblemFieldError[] = [];
  collect(request.params, '/params', out);
  collect(request.query, '/querystring', out);
  collect(request.body, '', out);
  return out;
}

/**
 * The `date` and `date-time` formats as PostgreSQL and JavaScript's Date both accept them. Ajv's
 * own let through year 0000 (PostgreSQL has none), leap seconds (`23:59:60`, an Invalid Date
 * in JavaScript) and offsets up to 23:59; anything past year 2999 is no date anyone books or
 * searches for, and 9999 plus an offset is year 10000, which ISO strings cannot round-trip.
 * Given to Ajv once, so every route's schema, and every route added later, gets them.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):?(\d{2}))$/i;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = m.slice(4, 9).map((part) => Number(part ?? 0));
  return (
    (hour ?? 99) <= 23 &&
    (minute ?? 99) <= 59 &&
    (second ?? 99) <= 59 &&
    (offsetHours ?? 99) <= 14 &&
    (offsetMinutes ?? 99) <= 59 &&
    Number.isFinite(Date.parse(text))
  );
}

interface FormatRegistry {
  addFormat(name: string, format: { type: 'string'; validate: (text: string) => boolean }): unknown;
}

/** For Fastify's `ajv.onCreate`: runs after Ajv's own formats are in, and replaces two of them. */
export function strictDateFormats(ajv: FormatRegistry): void {
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
}

export default fp(
  async (app: FastifyInstance) => {
    app.addHook('preHandler', async (request) => {
      const errors = unstorableFields(request);
      if (errors.length > 0)
        throw badRequest('validation_failed', 'Some fields are missing or invalid.', errors);
    });
  },
  { name: 'input', dependencies: ['problem'] },
);
