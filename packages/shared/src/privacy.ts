// Personal data: the categories Vcentri keeps about a person (one list, read by the privacy page
// and by the export, so the two cannot drift), consents with their wording versions, the data
// export's and the erasure's contract.
import { Type, type Static } from 'typebox';
import { Instant, Uuid } from './common';
import { LocalizedText } from './hubs';

interface Texts {
  uk: string;
  en: string;
}

export interface DataCategory {
  /** The archive's file names: `<id>.json`, and `<id>.csv` for a table. */
  id: string;
  title: Texts;
  /** What is stored. */
  what: Texts;
  /** Why it is stored. */
  why: Texts;
  /** Who sees it besides the person. */
  whoSees: Texts;
  /** How long it is kept; `{auditIpDays}`, `{exportDays}`, `{unusedAccountDays}` are the configured periods. */
  retention: Texts;
  /** What erasure does with it. */
  onErasure: Texts;
}

const KEPT_WHILE_ACCOUNT = {
  uk: 'Поки існує обліковий запис.',
  en: 'While the account exists.',
};

/** Every category of personal data, in the order the privacy page and the archive show them. */
export const DATA_CATEGORIES = [
  {
    id: 'account',
    title: { uk: 'Обліковий запис', en: 'Account' },
    what: {
      uk: 'Ім’я, електронна пошта, мова, дата створення, налаштування листів.',
      en: 'Name, e-mail address, language, creation date, e-mail settings.',
    },
    why: { uk: 'Щоб ви могли входити й отримувати сповіщення.', en: 'So you can sign in and be notified.' },
    whoSees: {
      uk: 'Ви; адміністратори міста; люди ваших організацій бачать ім’я та пошту.',
      en: 'You; city administrators; the people of your organisations see your name and e-mail.',
    },
    retention: {
      uk: 'Поки існує обліковий запис; облікові записи, якими ніколи не користувалися, видаляються через {unusedAccountDays} днів.',
      en: 'While the account exists; accounts never used are erased after {unusedAccountDays} days.',
    },
    onErasure: {
      uk: 'Ім’я та пошту видалено, вхід неможливий.',
      en: 'Name and e-mail removed; signing in is no longer possible.',
    },
  },
  {
    id: 'roles',
    title: { uk: 'Ролі та членство', en: 'Roles and memberships' },
    what: {
      uk: 'Ролі (менеджер хабу, адміністратор району чи міста) і членство в організаціях.',
      en: 'Roles (hub manager, district or city administrator) and organisation memberships.',
    },
    why: { uk: 'Щоб визначати, що вам дозволено.', en: 'To decide what you may do.' },
    whoSees: {
      uk: 'Адміністратори міста; власники ваших організацій.',
      en: 'City administrators; the owners of your organisations.',
    },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: {
      uk: 'Ролі й членство знято. Єдиний власник організації спершу передає власність.',
      en: 'Roles and memberships removed. The only owner of an organisation must first hand ownership over.',
    },
  },
  {
    id: 'sessions',
    title: { uk: 'Сеанси входу', en: 'Sign-in sessions' },
    what: {
      uk: 'Коли ви входили і до коли діє сеанс.',
      en: 'When you signed in and until when a session lasts.',
    },
    why: {
      uk: 'Щоб тримати вас у системі та завершувати сеанси.',
      en: 'To keep you signed in and end sessions.',
    },
    whoSees: { uk: 'Лише ви.', en: 'Only you.' },
    retention: { uk: 'До завершення сеансу.', en: 'Until the session ends.' },
    onErasure: { uk: 'Усі сеанси завершено й видалено.', en: 'Every session ended and removed.' },
  },
  {
    id: 'bookings',
    title: { uk: 'Бронювання', en: 'Bookings' },
    what: {
      uk: 'Запити на бронювання приміщень, які ви створили від імені організації.',
      en: 'Room booking requests you made for an organisation.',
    },
    why: { uk: 'Щоб хаби могли їх розглянути.', en: 'So hubs can handle them.' },
    whoSees: {
      uk: 'Ваша організація, менеджери хабу, адміністрації району та міста.',
      en: 'Your organisation, the hub’s managers, the district and city administrations.',
    },
    retention: {
      uk: 'Бронювання — публічний запис організації, воно лишається.',
      en: 'A booking is the organisation’s public record; it stays.',
    },
    onErasure: {
      uk: 'Бронювання лишається за організацією, без вас.',
      en: 'The booking stays with the organisation, without you.',
    },
  },
  {
    id: 'registrations',
    title: { uk: 'Реєстрації на події', en: 'Event registrations' },
    what: {
      uk: 'Події, на які ви зареєструвалися, коди реєстрації, відмітки про прихід.',
      en: 'Events you registered for, registration codes, check-ins.',
    },
    why: {
      uk: 'Щоб тримати для вас місце й рахувати присутніх.',
      en: 'To hold your place and count attendance.',
    },
    whoSees: { uk: 'Організатори події.', en: 'The event’s organisers.' },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: {
      uk: 'Майбутні реєстрації скасовано (черга рухається); кількість присутніх на минулих подіях лишається.',
      en: 'Future registrations cancelled (the waiting list moves up); attendance counts of past events stay.',
    },
  },
  {
    id: 'feedback',
    title: { uk: 'Відгуки про події', en: 'Event feedback' },
    what: { uk: 'Оцінки й коментарі після подій.', en: 'Ratings and comments after events.' },
    why: { uk: 'Щоб організатори покращували події.', en: 'So organisers can improve their events.' },
    whoSees: {
      uk: 'Організатори події (без вашого імені).',
      en: 'The event’s organisers (without your name).',
    },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: {
      uk: 'Коментарі видалено; оцінки лишаються в середніх без вас.',
      en: 'Comments removed; ratings stay in averages without you.',
    },
  },
  {
    id: 'volunteer_profile',
    title: { uk: 'Профіль волонтера', en: 'Volunteer profile' },
    what: {
      uk: 'Навички, мови, райони, рік народження, згода на контакт.',
      en: 'Skills, languages, districts, year of birth, consent to be contacted.',
    },
    why: {
      uk: 'Щоб підбирати зміни та перевіряти вікові вимоги.',
      en: 'To match shifts and check age requirements.',
    },
    whoSees: {
      uk: 'Координатори програм, на які ви записалися.',
      en: 'The coordinators of programs you signed up for.',
    },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: { uk: 'Профіль видалено.', en: 'The profile is removed.' },
  },
  {
    id: 'volunteer_signups',
    title: { uk: 'Записи на зміни', en: 'Shift sign-ups' },
    what: {
      uk: 'Зміни, на які ви записалися, і присутність.',
      en: 'Shifts you signed up for, and attendance.',
    },
    why: { uk: 'Щоб тримати місце й облікувати години.', en: 'To hold your place and account for hours.' },
    whoSees: { uk: 'Координатори програми.', en: 'The program’s coordinators.' },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: {
      uk: 'Майбутні записи скасовано (черга рухається), координаторам повідомлено.',
      en: 'Future sign-ups cancelled (the waiting list moves up); coordinators are told.',
    },
  },
  {
    id: 'volunteer_hours',
    title: { uk: 'Волонтерські години', en: 'Volunteer hours' },
    what: {
      uk: 'Години, дати, описи роботи, рішення координаторів.',
      en: 'Hours, dates, work descriptions, decisions.',
    },
    why: {
      uk: 'Щоб підтверджувати години й видавати сертифікати.',
      en: 'To approve hours and issue certificates.',
    },
    whoSees: { uk: 'Координатори програми.', en: 'The program’s coordinators.' },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: {
      uk: 'Описи видалено; підтверджені години лишаються в загальних підсумках.',
      en: 'Descriptions removed; approved hours stay in totals.',
    },
  },
  {
    id: 'survey_invitations',
    title: { uk: 'Запрошення до опитувань', en: 'Survey invitations' },
    what: {
      uk: 'Опитування, до яких вас запросили після участі, і чи взяли ви одноразове посилання. Ваших відповідей тут немає: вони збережені без облікового запису.',
      en: 'Surveys you were invited to after taking part, and whether you took the one-time link. Your answers are not here: they are kept without the account.',
    },
    why: {
      uk: 'Щоб відповісти могли лише учасники й лише один раз.',
      en: 'So that only participants answer, and only once.',
    },
    whoSees: { uk: 'Ніхто, крім системи.', en: 'No one but the system.' },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: {
      uk: 'Запрошення видалено; анонімні відповіді лишаються в підсумках.',
      en: 'Invitations removed; anonymous answers stay in the totals.',
    },
  },
  {
    id: 'certificates',
    title: { uk: 'Сертифікати', en: 'Certificates' },
    what: {
      uk: 'Видані вам сертифікати з іменем, яке ви обрали для друку.',
      en: 'Certificates issued to you, with the name you chose to print.',
    },
    why: { uk: 'Щоб будь-хто міг їх перевірити.', en: 'So anyone can verify them.' },
    whoSees: { uk: 'Кожен, хто має код сертифіката.', en: 'Anyone holding the certificate’s code.' },
    retention: {
      uk: 'Сертифікат лишається чинним, доки його не відкликано.',
      en: 'A certificate stays verifiable until revoked.',
    },
    onErasure: {
      uk: 'Видані сертифікати й надалі перевіряються, з ім’ям, яке ви обрали.',
      en: 'Issued certificates keep verifying, with the name you chose to print.',
    },
  },
  {
    id: 'notifications',
    title: { uk: 'Сповіщення', en: 'Notifications' },
    what: { uk: 'Сповіщення, надіслані вам.', en: 'Notifications sent to you.' },
    why: { uk: 'Щоб повідомляти про зміни.', en: 'To tell you about changes.' },
    whoSees: { uk: 'Лише ви.', en: 'Only you.' },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: { uk: 'Видалено.', en: 'Removed.' },
  },
  {
    id: 'consents',
    title: { uk: 'Згоди', en: 'Consents' },
    what: {
      uk: 'Надані та відкликані згоди, коли і на яке формулювання.',
      en: 'Consents given and withdrawn, when and to which wording.',
    },
    why: { uk: 'Щоб довести, на що ви погодилися.', en: 'To show what you agreed to.' },
    whoSees: { uk: 'Ви; адміністратори міста.', en: 'You; city administrators.' },
    retention: KEPT_WHILE_ACCOUNT,
    onErasure: { uk: 'Видалено.', en: 'Removed.' },
  },
  {
    id: 'audit',
    title: { uk: 'Журнал дій', en: 'Audit log' },
    what: {
      uk: 'Ваші дії в системі (вхід, зміни), з IP-адресою.',
      en: 'Your actions in the system (sign-ins, changes), with the IP address.',
    },
    why: { uk: 'Для безпеки та підзвітності.', en: 'For security and accountability.' },
    whoSees: { uk: 'Адміністратори міста.', en: 'City administrators.' },
    retention: {
      uk: 'Записи лишаються; IP-адреси видаляються через {auditIpDays} днів.',
      en: 'Entries stay; IP addresses are dropped after {auditIpDays} days.',
    },
    onErasure: {
      uk: 'Пошту й адреси видалено; записи лишаються без вас.',
      en: 'E-mail and addresses removed; the entries stay without you.',
    },
  },
] as const satisfies readonly DataCategory[];

export type DataCategoryId = (typeof DATA_CATEGORIES)[number]['id'];

/** What a person may consent to, each with the wording they agree to and its version. */
export const CONSENT_KINDS = ['volunteer_contact', 'email_notifications'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const ConsentKindSchema = Type.Enum(CONSENT_KINDS);

export const CONSENT_WORDING: Record<ConsentKind, { version: string } & Texts> = {
  volunteer_contact: {
    version: '2026-12-01',
    uk: 'Я погоджуюся, щоб координатори волонтерських програм зв’язувалися зі мною щодо змін, на які я записався.',
    en: 'I agree that coordinators of volunteer programs may contact me about shifts I signed up for.',
  },
  email_notifications: {
    version: '2026-12-01',
    uk: 'Я погоджуюся отримувати сповіщення Vcentri електронною поштою.',
    en: 'I agree to receive Vcentri notifications by e-mail.',
  },
};

export const ConsentSchema = Type.Object({
  kind: ConsentKindSchema,
  given: Type.Boolean(),
  /** The wording version of the last decision (null: never decided). */
  version: Type.Union([Type.String(), Type.Null()]),
  /** When the last decision was made (null: never). */
  at: Type.Union([Instant, Type.Null()]),
});
export type Consent = Static<typeof ConsentSchema>;

export const SetConsentBody = Type.Object(
  {
    given: Type.Boolean(),
    version: Type.String({
      minLength: 1,
      maxLength: 40,
      description:
        'the wording version the person was shown (CONSENT_WORDING); an older one: 409 consent_outdated',
    }),
  },
  { additionalProperties: false },
);
export type SetConsentBody = Static<typeof SetConsentBody>;

export const DATA_EXPORT_STATUSES = ['pending', 'ready', 'failed', 'expired'] as const;
export const DataExportSchema = Type.Object({
  id: Uuid,
  status: Type.Enum(DATA_EXPORT_STATUSES),
  requestedAt: Instant,
  readyAt: Type.Union([Instant, Type.Null()]),
  /** Until when the archive can be downloaded (null: not ready). */
  expiresAt: Type.Union([Instant, Type.Null()]),
  bytes: Type.Union([Type.Integer(), Type.Null()]),
  /** true when a city administrator requested it on the person's written request. */
  byStaff: Type.Boolean(),
  /** Where to download the archive (a zip file) once ready. */
  downloadUrl: Type.Union([Type.String(), Type.Null()]),
});
export type DataExport = Static<typeof DataExportSchema>;

export const EraseMeBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type EraseMeBody = Static<typeof EraseMeBody>;

/** A city administrator acting on a person's written request. */
export const StaffPrivacyBody = Type.Object(
  {
    reason: Type.String({
      minLength: 5,
      maxLength: 1000,
      description: 'the written request acted on (its date, reference), kept in the audit log',
    }),
  },
  { additionalProperties: false },
);
export type StaffPrivacyBody = Static<typeof StaffPrivacyBody>;

export const PrivacyInfo = Type.Object({
  categories: Type.Array(
    Type.Object({
      id: Type.String(),
      title: LocalizedText,
      what: LocalizedText,
      why: LocalizedText,
      whoSees: LocalizedText,
      retention: LocalizedText,
      onErasure: LocalizedText,
    }),
  ),
  /** The configured periods, in days. */
  retention: Type.Object({
    auditIpDays: Type.Integer(),
    exportDays: Type.Integer(),
    unusedAccountDays: Type.Integer(),
  }),
  consents: Type.Array(
    Type.Object({
      kind: ConsentKindSchema,
      version: Type.String(),
      text: LocalizedText,
    }),
  ),
});
export type PrivacyInfo = Static<typeof PrivacyInfo>;
