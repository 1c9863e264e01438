// The organisation form's values and the rules they must meet before they are sent. The rules
// mirror the shared OrganizationInput schema and organizationProblems(), so the form refuses
// exactly what the API would refuse, with the same EDRPOU rules per legal form.
import {
  ACTIVITY_KEYS,
  type Activity,
  type DistrictSlug,
  isDistrict,
  LEGAL_FORM_KEYS,
  LEGAL_FORMS,
  type LegalForm,
  type Organization,
  type OrganizationContacts,
  type OrganizationInput,
  type OrganizationPatch,
  organizationProblems,
  TARGET_GROUP_KEYS,
  type TargetGroup,
} from '@vcentri/shared';

export interface OrganizationFormValues {
  nameUk: string;
  nameEn: string;
  legalForm: LegalForm | '';
  edrpou: string;
  district: DistrictSlug | '';
  address: string;
  activities: Activity[];
  targetGroups: TargetGroup[];
  email: string;
  phone: string;
  website: string;
  /** Social media links, one per line. */
  social: string;
  descriptionUk: string;
  descriptionEn: string;
  yearFounded: string;
}

export type OrganizationFormField = keyof OrganizationFormValues;

/** The fields in the order the form shows them (the error summary lists them in this order). */
export const ORGANIZATION_FORM_FIELDS: OrganizationFormField[] = [
  'nameUk',
  'nameEn',
  'legalForm',
  'edrpou',
  'district',
  'address',
  'activities',
  'targetGroups',
  'email',
  'phone',
  'website',
  'social',
  'descriptionUk',
  'descriptionEn',
  'yearFounded',
];

export const EMPTY_ORGANIZATION_FORM: OrganizationFormValues = {
  nameUk: '',
  nameEn: '',
  legalForm: '',
  edrpou: '',
  district: '',
  address: '',
  activities: [],
  targetGroups: [],
  email: '',
  phone: '',
  website: '',
  social: '',
  descriptionUk: '',
  descriptionEn: '',
  yearFounded: '',
};

function isLegalForm(value: string): value is LegalForm {
  return (LEGAL_FORM_KEYS as string[]).includes(value);
}

export function formValuesOf(org: Organization): OrganizationFormValues {
  return {
    nameUk: org.nameUk,
    nameEn: org.nameEn,
    legalForm: isLegalForm(org.legalForm) ? org.legalForm : '',
    edrpou: org.edrpou ?? '',
    district: isDistrict(org.district) ? org.district : '',
    address: org.address,
    activities: org.activities.filter((a): a is Activity => (ACTIVITY_KEYS as string[]).includes(a)),
    targetGroups: org.targetGroups.filter((g): g is TargetGroup =>
      (TARGET_GROUP_KEYS as string[]).includes(g),
    ),
    email: org.contacts.email ?? '',
    phone: org.contacts.phone ?? '',
    website: readableUrl(org.contacts.website ?? ''),
    social: (org.contacts.social ?? []).map(readableUrl).join('\n'),
    descriptionUk: org.descriptionUk,
    descriptionEn: org.descriptionEn,
    yearFounded: org.yearFounded === null ? '' : String(org.yearFounded),
  };
}

/** What the legal form says about the EDRPOU code; null until a form is chosen. */
export function edrpouRule(legalForm: LegalForm | ''): 'required' | 'absent' | 'optional' | null {
  return legalForm ? LEGAL_FORMS[legalForm].edrpou : null;
}

// The formats the API checks (ajv-formats' "email", the contract's phone pattern, http(s) URLs).
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const MAX_SOCIAL_LINKS = 10;
const MAX_ACTIVITIES = 10;

/**
 * A web address as the API accepts it: http(s), no spaces. Addresses with non-ASCII letters
 * (a Cyrillic path or a .укр domain) are sent in their encoded form, which the API's URI format
 * expects; null when it is not a usable address.
 */
export function normalizeUrl(value: string): string | null {
  const text = value.trim();
  if (!/^https?:\/\/[^\s/]/i.test(text) || /\s/.test(text)) return null;
  try {
    const url = new URL(text);
    if (!url.hostname) return null;
    return /^[\x21-\x7e]*$/.test(text) ? text : url.href;
  } catch {
    return null;
  }
}

/** A stored address with its percent-encoded letters decoded, to edit (it is encoded again on saving). */
export function readableUrl(url: string): string {
  try {
    const decoded = decodeURI(url);
    return /\s/.test(decoded) ? url : decoded;
  } catch {
    return url;
  }
}

export function socialLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A check that failed: an i18n key (with the values it needs) to show next to the field. */
export interface FormProblem {
  key: string;
  values?: Record<string, string | number>;
}

export type FormProblems = Partial<Record<OrganizationFormField, FormProblem[]>>;

const REQUIRED: FormProblem = { key: 'errors:fields.required' };

function textProblems(value: string, min: number, max: number, required = true): FormProblem[] {
  const text = value.trim();
  if (!text) return required && min > 0 ? [REQUIRED] : [];
  if (text.length < min) return [{ key: 'registry:validation.minLength', values: { min } }];
  if (text.length > max) return [{ key: 'registry:validation.maxLength', values: { max } }];
  return [];
}

export function organizationFormProblems(
  values: OrganizationFormValues,
  currentYear = new Date().getUTCFullYear(),
): FormProblems {
  const problems: FormProblems = {};
  const add = (field: OrganizationFormField, list: FormProblem[]) => {
    if (list.length) problems[field] = list;
  };
  add('nameUk', textProblems(values.nameUk, 2, 300));
  add('nameEn', textProblems(values.nameEn, 2, 300));
  if (!values.legalForm) add('legalForm', [REQUIRED]);
  else {
    add(
      'edrpou',
      organizationProblems({ legalForm: values.legalForm, edrpou: values.edrpou }).map((p) => ({
        key: `errors:codes.${p.code}`,
      })),
    );
  }
  if (!values.district) add('district', [REQUIRED]);
  add('address', textProblems(values.address, 3, 500));
  if (values.activities.length === 0) add('activities', [{ key: 'registry:validation.activitiesRequired' }]);
  else if (values.activities.length > MAX_ACTIVITIES)
    add('activities', [{ key: 'registry:validation.activitiesMax' }]);
  if (values.targetGroups.length === 0)
    add('targetGroups', [{ key: 'registry:validation.targetGroupsRequired' }]);

  const email = values.email.trim();
  if (email && (email.length > 254 || !EMAIL.test(email)))
    add('email', [{ key: 'registry:validation.email' }]);
  const phone = values.phone.trim();
  if (phone && !PHONE.test(phone)) add('phone', [{ key: 'registry:validation.phone' }]);
  const website = values.website.trim();
  if (website) {
    const url = normalizeUrl(website);
    if (!url || url.length > 500) add('website', [{ key: 'registry:validation.url' }]);
  }
  const lines = values.social.split(/\r?\n/).map((line) => line.trim());
  const socialProblems: FormProblem[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    const url = normalizeUrl(line);
    if (!url || url.length > 500)
      socialProblems.push({ key: 'registry:validation.socialLine', values: { line: i + 1 } });
  });
  if (socialLines(values.social).length > MAX_SOCIAL_LINKS)
    socialProblems.push({ key: 'registry:validation.socialMax' });
  add('social', socialProblems);

  add('descriptionUk', textProblems(values.descriptionUk, 0, 5000, false));
  add('descriptionEn', textProblems(values.descriptionEn, 0, 5000, false));
  const year = values.yearFounded.trim();
  if (year) {
    const n = Number(year);
    if (!/^\d{4}$/.test(year) || n < 1900 || n > currentYear)
      add('yearFounded', [{ key: 'registry:validation.year', values: { max: currentYear } }]);
  }
  return problems;
}

/** The contacts object as the API stores it: only the fields that have a value. */
function contactsOf(values: OrganizationFormValues): OrganizationContacts {
  const contacts: OrganizationContacts = {};
  const email = values.email.trim();
  const phone = values.phone.trim();
  const social = socialLines(values.social).map((line) => normalizeUrl(line) ?? line);
  const website = values.website.trim();
  if (email) contacts.email = email;
  if (phone) contacts.phone = phone;
  if (social.length) contacts.social = social;
  if (website) contacts.website = normalizeUrl(website) ?? website;
  return contacts;
}

/** The request body for values that passed organizationFormProblems(). */
export function toOrganizationInput(values: OrganizationFormValues): OrganizationInput {
  if (!values.legalForm || !values.district) throw new Error('The form values are not complete.');
  const edrpou = edrpouRule(values.legalForm) === 'absent' ? '' : values.edrpou.trim();
  const year = values.yearFounded.trim();
  return {
    nameUk: values.nameUk.trim(),
    nameEn: values.nameEn.trim(),
    legalForm: values.legalForm,
    edrpou: edrpou || null,
    district: values.district,
    address: values.address.trim(),
    activities: values.activities,
    targetGroups: values.targetGroups,
    contacts: contactsOf(values),
    descriptionUk: values.descriptionUk.trim(),
    descriptionEn: values.descriptionEn.trim(),
    yearFounded: year ? Number(year) : null,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Only what changed, so the history records real changes (not a re-sent list in another order).
 * A new legal form travels with the code, since the API checks the two together.
 */
export function organizationPatch(before: Organization, input: OrganizationInput): OrganizationPatch {
  const old = toOrganizationInput(formValuesOf(before));
  const patch: OrganizationPatch = {};
  const scalars = [
    'nameUk',
    'nameEn',
    'legalForm',
    'edrpou',
    'district',
    'address',
    'descriptionUk',
    'descriptionEn',
    'yearFounded',
  ] as const;
  for (const key of scalars) {
    if ((old[key] ?? null) !== (input[key] ?? null)) Object.assign(patch, { [key]: input[key] ?? null });
  }
  if (patch.legalForm !== undefined) patch.edrpou = input.edrpou ?? null;
  if (!sameSet(old.activities, input.activities)) patch.activities = input.activities;
  if (!sameSet(old.targetGroups, input.targetGroups)) patch.targetGroups = input.targetGroups;
  if (JSON.stringify(old.contacts) !== JSON.stringify(input.contacts)) patch.contacts = input.contacts;
  return patch;
}

const CONTACT_FIELDS: OrganizationFormField[] = ['email', 'phone', 'website', 'social'];

/** The form field an API error's JSON pointer is about ('/contacts/social/2' -> 'social'). */
export function fieldForPath(path: string): string {
  const [first = '', second = ''] = path.replace(/^\//, '').split('/');
  if (first === 'contacts') {
    return (CONTACT_FIELDS as string[]).includes(second) ? second : 'email';
  }
  return first;
}
