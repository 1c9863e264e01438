// PostgreSQL's text form of a `timestamptz` ('2026-12-03 08:15:00.123456+02', DateStyle ISO) as a
// Date, without the driver's general parser (postgres-date: three regular expressions a value; a
// list page of 100 bookings parses 300 of them). The common form — a four-digit year from 1000,
// optional fraction, an offset of hours or hours and minutes — is read by position; anything else
// (BC, infinity, years before 1000 or after 9999, an offset with seconds) goes to `fallback`, so
// the result is always the general parser's (test/timestamptz.test.ts compares them).

const digit = (c: number) => c >= 48 && c <= 57;
const num = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!digit(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
};

export function timestamptzParser(fallback: (s: string) => unknown): (s: string) => unknown {
  return (s: string) => {
    const n = s.length;
    // YYYY-MM-DD HH:MM:SS, at least.
    if (
      n < 22 ||
      s.charCodeAt(4) !== 45 ||
      s.charCodeAt(7) !== 45 ||
      s.charCodeAt(10) !== 32 ||
      s.charCodeAt(13) !== 58 ||
      s.charCodeAt(16) !== 58 ||
      s.charCodeAt(0) === 48
    )
      return fallback(s);
    const year = num(s, 0, 4);
    const month = num(s, 5, 7);
    const day = num(s, 8, 10);
    const hour = num(s, 11, 13);
    const minute = num(s, 14, 16);
    const second = num(s, 17, 19);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return fallback(s);
    let i = 19;
    let ms = 0;
    if (s.charCodeAt(i) === 46) {
      let j = i + 1;
      while (j < n && digit(s.charCodeAt(j))) j++;
      if (j === i + 1) return fallback(s);
      // As the general parser: 1000 × the fraction, cut to whole milliseconds by Date.UTC.
      ms = 1000 * Number(`0${s.slice(i, j)}`);
      i = j;
    }
    const sign = s.charCodeAt(i);
    if (sign !== 43 && sign !== 45) return fallback(s);
    const withMinutes = n === i + 6 && s.charCodeAt(i + 3) === 58;
    if (n !== i + 3 && !withMinutes) return fallback(s);
    const hh = num(s, i + 1, i + 3);
    const mm = withMinutes ? num(s, i + 4, i + 6) : 0;
    if (hh < 0 || mm < 0) return fallback(s);
    const offsetMinutes = hh * 60 + mm;
    const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    return new Date(utc - (sign === 43 ? 1 : -1) * offsetMinutes * 60_000);
  };
}
