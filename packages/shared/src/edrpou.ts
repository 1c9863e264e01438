// ЄДРПОУ: the 8-digit code of a Ukrainian legal entity, the last digit a checksum.
/** True when `code` is 8 digits whose last digit is the EDRPOU check digit of the first 7. */
export function isValidEdrpou(code: string): boolean {
  if (!/^\d{8}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const n = Number(code);
  const base = n < 30_000_000 || n > 60_000_000 ? [1, 2, 3, 4, 5, 6, 7] : [7, 1, 2, 3, 4, 5, 6];
  const sum = (weights: number[]) => weights.reduce((acc, w, i) => acc + w * digits[i]!, 0) % 11;
  let check = sum(base);
  if (check === 10) {
    check = sum(base.map((w) => w + 2));
    if (check === 10) check = 0;
  }
  return check === digits[7];
}
