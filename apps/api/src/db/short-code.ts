// Short codes people read aloud or type: six characters without look-alikes (no O/0, I/1).
// Event registrations carry one for the door; volunteers one for the shift roster.
import { randomInt } from 'node:crypto';

export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const newShortCode = () =>
  Array.from({ length: 6 }, () => SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]).join('');
