// Stable machine words for every problem the API can answer with. The web translates them;
// integrations branch on them. Add new ones, never rename.
import { Type, type Static } from 'typebox';

export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'malformed_request',
  'headers_too_large',
  'request_timeout',
  'unauthorized',
  'invalid_credentials',
  'token_expired',
  'refresh_token_invalid',
  'refresh_token_reused',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'weak_password',
  'password_contains_email',
  'role_grant_exists',
  'invalid_scope',
  'last_city_admin',
  'booking_conflict',
  'outside_opening_hours',
  'too_short',
  'too_long',
  'lead_time',
  'too_far_ahead',
  'over_capacity',
  'quota_exceeded',
  'organization_not_verified',
  'room_closed',
  'invalid_interval',
  'registration_closed',
  'registration_not_required',
  'already_registered',
  'not_registered',
  'not_checked_in',
  'feedback_too_early',
  'feedback_given',
  'booking_not_confirmed',
  'outside_booking',
  'event_cancelled',
  'invalid_edrpou',
  'edrpou_required',
  'edrpou_not_allowed',
  'edrpou_taken',
  'invalid_transition',
  'already_member',
  'account_not_found',
  'last_owner',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ProblemFieldErrorSchema = Type.Object({
  path: Type.String({ description: 'JSON pointer of the offending field, e.g. /email' }),
  code: Type.String({ description: 'machine word for this field error, e.g. format, minLength, required' }),
  message: Type.String(),
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable machine word, see ERROR_CODES' }),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ProblemFieldErrorSchema)),
  },
  { description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof ProblemSchema>;
export type ProblemFieldError = Static<typeof ProblemFieldErrorSchema>;
