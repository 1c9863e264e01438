// CSV as RFC 4180 says: CRLF line ends, fields with commas, quotes or line breaks in double
// quotes, quotes doubled. UTF-8, header row first. The one CSV writer: every dataset
// goes through it, so every download is neutralised the same way — the API's open data and the
// portal's chart downloads alike.

/**
 * Spreadsheets run a cell that begins with one of these as a formula (tab and carriage return
 * because some strip them first), so text from the public, such as an organisation's name, could
 * open links or read other cells on the machine of whoever opens the download (OWASP "CSV
 * injection"). Such text cells get a leading apostrophe, which spreadsheets show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not text from a user: a negative count or coordinate stays a number.
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  const text = Array.isArray(value) ? value.join(';') : String(value);
  const s = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
