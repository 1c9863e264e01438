// Wording of notification e-mails, keyed by notification kind, in both languages. The subject
// and the message itself are the notification's own title and body (written once, where the
// notification is made); this catalogue adds what only an e-mail needs: why it was sent and how
// to stop it.
import type { Locale, NotificationKind } from '@vcentri/shared';

/** What each kind is about, as the e-mail's footer names it. */
export const NOTIFICATION_KIND_NAMES: Record<NotificationKind, Record<Locale, string>> = {
  'booking.requested': { uk: 'нові запити на бронювання', en: 'new booking requests' },
  'booking.confirmed': { uk: 'підтвердження бронювань', en: 'booking confirmations' },
  'booking.declined': { uk: 'відхилені бронювання', en: 'declined bookings' },
  'booking.cancelled': { uk: 'скасовані бронювання', en: 'cancelled bookings' },
  'booking.disrupted': { uk: 'закриття приміщень', en: 'room closures' },
  'event.cancelled': { uk: 'скасовані події', en: 'cancelled events' },
  'event.promoted': { uk: 'місця з листа очікування', en: 'places from the waiting list' },
  'volunteering.promoted': { uk: 'місця зі списку очікування змін', en: "places from shifts' waiting lists" },
  'volunteering.shift_changed': { uk: 'зміни у волонтерських змінах', en: 'changes to volunteer shifts' },
  'volunteering.shift_cancelled': { uk: 'скасовані волонтерські зміни', en: 'cancelled volunteer shifts' },
  'volunteering.shift_reminder': {
    uk: 'нагадування про волонтерські зміни',
    en: 'reminders of volunteer shifts',
  },
  'volunteering.certificate_revoked': {
    uk: 'відкликані сертифікати волонтерських годин',
    en: 'revoked certificates of volunteer hours',
  },
  'privacy.export_ready': { uk: 'готові архіви ваших даних', en: 'data archives ready' },
  'privacy.participant_left': {
    uk: 'учасників, що видалили обліковий запис',
    en: 'participants who deleted their account',
  },
  'survey.invited': { uk: 'запрошення до опитувань', en: 'survey invitations' },
};

const FRAME: Record<Locale, { greeting: (name: string) => string; why: (kind: string) => string }> = {
  uk: {
    greeting: (name) => `Вітаємо, ${name}!`,
    why: (kind) =>
      `Ви отримали цей лист, бо увімкнено сповіщення поштою про ${kind}. Вимкнути їх можна в налаштуваннях облікового запису.`,
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    why: (kind) =>
      `You get this e-mail because e-mail notifications about ${kind} are on. You can turn them off in your account settings.`,
  },
};

export interface NotificationForMail {
  kind: string;
  title: string;
  body: string;
}

/** The e-mail of one notification in the recipient's language. */
export function notificationEmail(
  n: NotificationForMail,
  recipient: { name: string; locale: Locale },
): { subject: string; text: string } {
  const frame = FRAME[recipient.locale];
  const kindName = NOTIFICATION_KIND_NAMES[n.kind as NotificationKind]?.[recipient.locale] ?? n.kind;
  const lines = [frame.greeting(recipient.name), '', n.title, ...(n.body ? [n.body] : [])];
  lines.push('', '—', frame.why(kindName));
  return { subject: `Vcentri: ${n.title}`, text: lines.join('\n') };
}
