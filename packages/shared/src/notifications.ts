// The kinds of notification the API sends; an account may opt out of e-mail per kind.
import { Type } from 'typebox';

export const NOTIFICATION_KINDS = [
  'booking.requested',
  'booking.confirmed',
  'booking.declined',
  'booking.cancelled',
  'booking.disrupted',
  'event.cancelled',
  'event.promoted',
  'volunteering.promoted',
  'volunteering.shift_changed',
  'volunteering.shift_cancelled',
  'volunteering.shift_reminder',
  'volunteering.certificate_revoked',
  'privacy.export_ready',
  'privacy.participant_left',
  'survey.invited',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindSchema = Type.Enum(NOTIFICATION_KINDS);
