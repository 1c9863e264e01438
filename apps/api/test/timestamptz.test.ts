// The position-reading parser of instants gives exactly what the driver's general parser gives,
// for every form PostgreSQL prints, and reads the common ones itself.
import { describe, expect, it } from 'vitest';
import { driverTimestamptzParser } from '../src/db/database';
import { timestamptzParser } from '../src/db/timestamptz';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant as PostgreSQL prints it in a session whose time zone is `offsetMinutes` east of UTC. */
function printed(ms: number, offsetMinutes: number, fractionDigits: number, micros: number) {
  const d = new Date(ms + offsetMinutes * 60_000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const fraction = fractionDigits
    ? `.${pad(d.getUTCMilliseconds() * 1000 + micros, 6).slice(0, fractionDigits)}`
    : '';
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
  return `${date} ${time}${fraction}${zone}`;
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? Object.is(a.getTime(), b.getTime()) : Object.is(a, b);

describe('the instant parser', () => {
  it('equals the driver’s parser on 20,000 instants of years 1000–2999 in every offset form, and reads them itself', () => {
    let slow = 0;
    const parse = timestamptzParser((s) => {
      slow++;
      return driverTimestamptzParser(s);
    });
    const offsets = [0, 120, 180, -300, 330, -570, 840, 345, -720];
    const from = Date.UTC(1000, 0, 1);
    const to = Date.UTC(2999, 11, 31);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(from + Math.random() * (to - from));
      const s = printed(ms, offsets[i % offsets.length]!, i % 7, Math.floor(Math.random() * 1000));
      const fast = parse(s);
      const general = driverTimestamptzParser(s);
      if (!same(fast, general)) expect({ s, fast, general }).toBe('equal');
    }
    expect(slow).toBe(0);
  });

  it('leaves every other form to the driver’s parser, with the same result', () => {
    let slow = 0;
    const parse = timestamptzParser((s) => {
      slow++;
      return driverTimestamptzParser(s);
    });
    const odd = [
      'infinity',
      '-infinity',
      '0099-03-01 10:00:00+00',
      '0999-12-31 23:59:59.5+02',
      '2026-03-01 10:00:00+00 BC',
      '12026-03-01 10:00:00+00',
      '1879-12-31 23:59:59+02:02:04',
      '2026-03-01 10:00:00',
      '2026-03-01',
      '2026-03-01 10:00:00.+02',
      'not a date',
    ];
    for (const s of odd) expect(same(parse(s), driverTimestamptzParser(s)), s).toBe(true);
    expect(slow).toBe(odd.length);
  });
});
