// The one CSV writer (RFC 4180, formulas neutralised) lives in the shared package, so the API's
// downloads and the portal's chart downloads write CSV the same way.
export { csvField, toCsv } from '@vcentri/shared';
