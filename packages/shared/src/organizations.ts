// The Registry of Civil Society Institutions: one schema validates an organisation in the API
// and in the web forms; the taxonomies carry their Ukrainian and English labels.
import { type Static, Type } from 'typebox';
import { Instant, Limit, Offset, Uuid } from './common';
import { isValidEdrpou } from './edrpou';
import { DistrictSchema } from './roles';

export const LEGAL_FORMS = {
  public_association: { uk: 'Громадська організація', en: 'Public association', edrpou: 'required' },
  charitable_foundation: { uk: 'Благодійний фонд', en: 'Charitable foundation', edrpou: 'required' },
  civic_initiative: {
    uk: 'Громадська ініціатива без статусу юридичної особи',
    en: 'Civic initiative without legal status',
    edrpou: 'absent',
  },
  volunteer_group: { uk: 'Волонтерська група', en: 'Volunteer group', edrpou: 'absent' },
  other: { uk: 'Інша форма', en: 'Other', edrpou: 'optional' },
} as const;
export type LegalForm = keyof typeof LEGAL_FORMS;
export const LEGAL_FORM_KEYS = Object.keys(LEGAL_FORMS) as LegalForm[];

export const ACTIVITIES = {
  education: { uk: 'Освіта', en: 'Education' },
  civic_education: { uk: 'Громадянська освіта', en: 'Civic education' },
  culture: { uk: 'Культура і мистецтво', en: 'Culture and arts' },
  social_support: { uk: 'Соціальна підтримка', en: 'Social support' },
  health: { uk: "Здоров'я", en: 'Health' },
  mental_health: { uk: "Психічне здоров'я", en: 'Mental health' },
  environment: { uk: 'Довкілля', en: 'Environment' },
  human_rights: { uk: 'Права людини', en: 'Human rights' },
  veterans_support: { uk: 'Підтримка ветеранів', en: 'Veterans support' },
  humanitarian_aid: { uk: 'Гуманітарна допомога', en: 'Humanitarian aid' },
  youth_work: { uk: 'Робота з молоддю', en: 'Youth work' },
  sport: { uk: 'Спорт', en: 'Sport' },
  urban_development: { uk: 'Розвиток міста', en: 'Urban development' },
  digital_skills: { uk: 'Цифрові навички', en: 'Digital skills' },
  anti_corruption: { uk: 'Протидія корупції', en: 'Anti-corruption' },
  animal_welfare: { uk: 'Захист тварин', en: 'Animal welfare' },
  local_heritage: { uk: 'Краєзнавство і спадщина', en: 'Local heritage' },
  civil_protection: { uk: 'Цивільний захист', en: 'Civil protection' },
} as const;
export type Activity = keyof typeof ACTIVITIES;
export const ACTIVITY_KEYS = Object.keys(ACTIVITIES) as Activity[];

export const TARGET_GROUPS = {
  children: { uk: 'Діти', en: 'Children' },
  youth: { uk: 'Молодь', en: 'Youth' },
  older_people: { uk: 'Люди старшого віку', en: 'Older people' },
  people_with_disabilities: { uk: 'Люди з інвалідністю', en: 'People with disabilities' },
  veterans: { uk: 'Ветерани та їхні родини', en: 'Veterans and their families' },
  idps: { uk: 'Внутрішньо переміщені особи', en: 'Internally displaced people' },
  families: { uk: "Сім'ї", en: 'Families' },
  women: { uk: 'Жінки', en: 'Women' },
  students: { uk: 'Студенти', en: 'Students' },
  low_income: { uk: 'Люди з низьким доходом', en: 'Low-income residents' },
  ngos: { uk: 'Громадські організації', en: 'Civil society organisations' },
  all_residents: { uk: 'Усі мешканці', en: 'All residents' },
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const TARGET_GROUP_KEYS = Object.keys(TARGET_GROUPS) as TargetGroup[];

export const ORGANIZATION_STATUSES = [
  'draft',
  'submitted',
  'verified',
  'rejected',
  'suspended',
  'archived',
] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** Who may move an organisation from one status to another, and with which action. */
export const ORGANIZATION_TRANSITIONS = {
  submit: { from: ['draft', 'rejected'], to: 'submitted', by: 'owner' },
  verify: { from: ['submitted'], to: 'verified', by: 'city_admin' },
  reject: { from: ['submitted'], to: 'rejected', by: 'city_admin' },
  suspend: { from: ['verified'], to: 'suspended', by: 'city_admin' },
  reinstate: { from: ['suspended'], to: 'verified', by: 'city_admin' },
  archive: {
    from: ['draft', 'submitted', 'verified', 'rejected', 'suspended'],
    to: 'archived',
    by: 'owner_or_city_admin',
  },
} as const satisfies Record<
  string,
  { from: readonly OrganizationStatus[]; to: OrganizationStatus; by: string }
>;
export type OrganizationAction = keyof typeof ORGANIZATION_TRANSITIONS;

const Url = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });

export const OrganizationContacts = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{7,20}$' })),
    website: Type.Optional(Url),
    social: Type.Optional(Type.Array(Url, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type OrganizationContacts = Static<typeof OrganizationContacts>;

const currentYear = new Date().getUTCFullYear();

/** The fields an organisation's people fill in. Cross-field rules (EDRPOU vs legal form) are in organizationProblems. */
export const OrganizationInput = Type.Object(
  {
    nameUk: Type.String({ minLength: 2, maxLength: 300 }),
    nameEn: Type.String({ minLength: 2, maxLength: 300 }),
    legalForm: Type.Enum(LEGAL_FORM_KEYS),
    edrpou: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    district: DistrictSchema,
    address: Type.String({ minLength: 3, maxLength: 500 }),
    activities: Type.Array(Type.Enum(ACTIVITY_KEYS), { minItems: 1, maxItems: 10, uniqueItems: true }),
    targetGroups: Type.Array(Type.Enum(TARGET_GROUP_KEYS), { minItems: 1, maxItems: 12, uniqueItems: true }),
    contacts: OrganizationContacts,
    descriptionUk: Type.String({ maxLength: 5000 }),
    descriptionEn: Type.String({ maxLength: 5000 }),
    yearFounded: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1900, maximum: currentYear }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type OrganizationInput = Static<typeof OrganizationInput>;

export const OrganizationPatch = Type.Partial(OrganizationInput, { additionalProperties: false });
export type OrganizationPatch = Static<typeof OrganizationPatch>;

export interface FieldProblem {
  path: string;
  code: 'invalid_edrpou' | 'edrpou_required' | 'edrpou_not_allowed';
}

/** Rules that span fields: the EDRPOU checksum and whether the legal form takes a code at all. */
export function organizationProblems(input: {
  legalForm: LegalForm;
  edrpou?: string | null;
}): FieldProblem[] {
  const rule = LEGAL_FORMS[input.legalForm].edrpou;
  const code = input.edrpou?.trim() || null;
  if (rule === 'required' && !code) return [{ path: '/edrpou', code: 'edrpou_required' }];
  if (rule === 'absent' && code) return [{ path: '/edrpou', code: 'edrpou_not_allowed' }];
  if (code && !isValidEdrpou(code)) return [{ path: '/edrpou', code: 'invalid_edrpou' }];
  return [];
}

/** What anyone may see of a verified organisation. */
export const PublicOrganization = Type.Object({
  id: Uuid,
  nameUk: Type.String(),
  nameEn: Type.String(),
  legalForm: Type.Enum(LEGAL_FORM_KEYS),
  edrpou: Type.Union([Type.String(), Type.Null()]),
  district: DistrictSchema,
  address: Type.String(),
  activities: Type.Array(Type.String()),
  targetGroups: Type.Array(Type.String()),
  contacts: OrganizationContacts,
  descriptionUk: Type.String(),
  descriptionEn: Type.String(),
  yearFounded: Type.Union([Type.Integer(), Type.Null()]),
  verifiedAt: Type.Union([Instant, Type.Null()]),
  isDemo: Type.Boolean(),
});
export type PublicOrganization = Static<typeof PublicOrganization>;

/** What the organisation's own people and city staff see in addition. */
export const Organization = Type.Intersect([
  PublicOrganization,
  Type.Object({
    status: Type.Enum(ORGANIZATION_STATUSES),
    rejectionReason: Type.Union([Type.String(), Type.Null()]),
    statusReason: Type.Union([Type.String(), Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
    submittedAt: Type.Union([Instant, Type.Null()]),
    changedSinceVerification: Type.Boolean(),
    myRole: Type.Union([Type.Enum(['ngo_owner', 'ngo_member']), Type.Null()]),
  }),
]);
export type Organization = Static<typeof Organization>;

export const ORGANIZATION_SORTS = ['relevance', 'name', 'newest'] as const;

export const OrganizationSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  district: Type.Optional(DistrictSchema),
  activity: Type.Optional(Type.Enum(ACTIVITY_KEYS)),
  targetGroup: Type.Optional(Type.Enum(TARGET_GROUP_KEYS)),
  legalForm: Type.Optional(Type.Enum(LEGAL_FORM_KEYS)),
  sort: Type.Optional(Type.Enum(ORGANIZATION_SORTS)),
  lang: Type.Optional(Type.Enum(['uk', 'en'])),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type OrganizationSearchQuery = Static<typeof OrganizationSearchQuery>;

export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const HistoryEntry = Type.Object({
  id: Uuid,
  at: Instant,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Array(Type.Object({ field: Type.String(), old: Type.Unknown(), new: Type.Unknown() })),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const Member = Type.Object({
  userId: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Type.Enum(['ngo_owner', 'ngo_member']),
  since: Instant,
});
export type Member = Static<typeof Member>;

export const AddMemberBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false },
);
export const TransferOwnershipBody = Type.Object({ userId: Uuid }, { additionalProperties: false });

export const ModerationQuery = Type.Object({
  status: Type.Optional(Type.Enum(ORGANIZATION_STATUSES)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type ModerationQuery = Static<typeof ModerationQuery>;
