// Codes people read aloud or type, without look-alikes (no O/0, I/1): six characters for event
// registrations at the door and volunteers on a roster; sixteen (80 random bits) for certificates.
import { randomInt } from 'node:crypto';

export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const newCode = (length: number) =>
  Array.from({ length }, () => SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]).join('');

export const newShortCode = () => newCode(6);
