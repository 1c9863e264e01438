// Hub and room forms keep strings (what inputs hold); these turn them into the contract's inputs
// and back, and check what can be checked before sending.
import {
  EQUIPMENT,
  type Hub,
  type HubInput,
  isDistrict,
  type Room,
  type RoomInput,
  type RoomRules,
} from '@vcentri/shared';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../components/form-errors';

export interface HubFormValues {
  nameUk: string;
  nameEn: string;
  district: string;
  addressUk: string;
  addressEn: string;
  latitude: string;
  longitude: string;
  shelterUk: string;
  shelterEn: string;
  accessibilityUk: string;
  accessibilityEn: string;
}

export const emptyHubValues: HubFormValues = {
  nameUk: '',
  nameEn: '',
  district: '',
  addressUk: '',
  addressEn: '',
  latitude: '',
  longitude: '',
  shelterUk: '',
  shelterEn: '',
  accessibilityUk: '',
  accessibilityEn: '',
};

export function hubValuesOf(hub: Hub): HubFormValues {
  return {
    nameUk: hub.name.uk,
    nameEn: hub.name.en,
    district: hub.district,
    addressUk: hub.address.uk,
    addressEn: hub.address.en,
    latitude: String(hub.latitude),
    longitude: String(hub.longitude),
    shelterUk: hub.shelterNotes.uk,
    shelterEn: hub.shelterNotes.en,
    accessibilityUk: hub.accessibilityNotes.uk,
    accessibilityEn: hub.accessibilityNotes.en,
  };
}

const parseNumber = (value: string) => Number(value.trim().replace(',', '.'));

/** The hub input, or the fields' errors. Kyiv lies within 50.2–50.65 N, 30.2–30.9 E. */
export function hubInputOf(
  t: TFunction,
  v: HubFormValues,
): { input: Omit<HubInput, 'openingHours'> } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const required = [t('errors:fields.required')];
  for (const key of ['nameUk', 'nameEn', 'addressUk', 'addressEn'] as const) {
    if (!v[key].trim()) errors[key] = required;
  }
  if (!isDistrict(v.district)) errors.district = [t('errors:fields.enum')];
  const latitude = parseNumber(v.latitude);
  const longitude = parseNumber(v.longitude);
  if (!v.latitude.trim() || !Number.isFinite(latitude) || latitude < 50.2 || latitude > 50.65)
    errors.latitude = [t('hubs:manage.latitudeError')];
  if (!v.longitude.trim() || !Number.isFinite(longitude) || longitude < 30.2 || longitude > 30.9)
    errors.longitude = [t('hubs:manage.longitudeError')];
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      name: { uk: v.nameUk.trim(), en: v.nameEn.trim() },
      district: v.district as HubInput['district'],
      address: { uk: v.addressUk.trim(), en: v.addressEn.trim() },
      latitude,
      longitude,
      shelterNotes: { uk: v.shelterUk.trim(), en: v.shelterEn.trim() },
      accessibilityNotes: { uk: v.accessibilityUk.trim(), en: v.accessibilityEn.trim() },
    },
  };
}

/** Maps an API error pointer ('/name/uk', '/rules/minMinutes') to the form's field name. */
export function hubFieldForPath(path: string): string {
  const [first, second] = path.replace(/^\//, '').split('/');
  const suffix = second === 'uk' ? 'Uk' : second === 'en' ? 'En' : '';
  if (first === 'shelterNotes') return `shelter${suffix}`;
  if (first === 'accessibilityNotes') return `accessibility${suffix}`;
  if (first === 'rules' && second) return second;
  return `${first ?? ''}${suffix}`;
}

export interface RoomFormValues {
  nameUk: string;
  nameEn: string;
  capacity: string;
  equipment: string[];
  accessibilityFeatures: string;
  minMinutes: string;
  maxMinutes: string;
  leadMinutes: string;
  horizonDays: string;
  bufferMinutes: string;
  requiresApproval: boolean;
  monthlyQuotaHours: string;
}

export const DEFAULT_RULES: RoomRules = {
  minMinutes: 30,
  maxMinutes: 480,
  leadMinutes: 60,
  horizonDays: 90,
  bufferMinutes: 15,
  requiresApproval: false,
  monthlyQuotaHours: null,
};

export function roomValuesOf(room?: Room): RoomFormValues {
  const rules = room?.rules ?? DEFAULT_RULES;
  return {
    nameUk: room?.name.uk ?? '',
    nameEn: room?.name.en ?? '',
    capacity: room ? String(room.capacity) : '',
    equipment: room?.equipment.filter((e) => (EQUIPMENT as readonly string[]).includes(e)) ?? [],
    accessibilityFeatures: room?.accessibilityFeatures.join(', ') ?? '',
    minMinutes: String(rules.minMinutes),
    maxMinutes: String(rules.maxMinutes),
    leadMinutes: String(rules.leadMinutes),
    horizonDays: String(rules.horizonDays),
    bufferMinutes: String(rules.bufferMinutes),
    requiresApproval: rules.requiresApproval,
    monthlyQuotaHours: rules.monthlyQuotaHours === null ? '' : String(rules.monthlyQuotaHours),
  };
}

const RULE_LIMITS: Record<string, [number, number]> = {
  minMinutes: [5, 1440],
  maxMinutes: [5, 1440],
  leadMinutes: [0, 43200],
  horizonDays: [1, 730],
  bufferMinutes: [0, 240],
  monthlyQuotaHours: [1, 744],
  capacity: [1, 2000],
};

export function roomInputOf(t: TFunction, v: RoomFormValues): { input: RoomInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!v.nameUk.trim()) errors.nameUk = [t('errors:fields.required')];
  if (!v.nameEn.trim()) errors.nameEn = [t('errors:fields.required')];
  const numbers: Record<string, number> = {};
  for (const key of [
    'capacity',
    'minMinutes',
    'maxMinutes',
    'leadMinutes',
    'horizonDays',
    'bufferMinutes',
  ] as const) {
    const n = Number(v[key]);
    const [min, max] = RULE_LIMITS[key] as [number, number];
    if (!v[key].trim() || !Number.isInteger(n) || n < min || n > max)
      errors[key] = [t('hubs:manage.rangeError', { min, max })];
    else numbers[key] = n;
  }
  let quota: number | null = null;
  if (v.monthlyQuotaHours.trim()) {
    const n = Number(v.monthlyQuotaHours);
    if (!Number.isInteger(n) || n < 1 || n > 744)
      errors.monthlyQuotaHours = [t('hubs:manage.rangeError', { min: 1, max: 744 })];
    else quota = n;
  }
  if (!errors.minMinutes && !errors.maxMinutes && (numbers.minMinutes ?? 0) > (numbers.maxMinutes ?? 0))
    errors.maxMinutes = [t('hubs:manage.lengthOrderError')];
  if (Object.keys(errors).length) return { errors };
  const features = v.accessibilityFeatures
    .split(',')
    .map((f) => f.trim().toLowerCase().replace(/\s+/g, '_'))
    .filter(Boolean)
    .slice(0, 20);
  return {
    input: {
      name: { uk: v.nameUk.trim(), en: v.nameEn.trim() },
      capacity: numbers.capacity as number,
      equipment: v.equipment as RoomInput['equipment'],
      accessibilityFeatures: [...new Set(features)],
      rules: {
        minMinutes: numbers.minMinutes as number,
        maxMinutes: numbers.maxMinutes as number,
        leadMinutes: numbers.leadMinutes as number,
        horizonDays: numbers.horizonDays as number,
        bufferMinutes: numbers.bufferMinutes as number,
        requiresApproval: v.requiresApproval,
        monthlyQuotaHours: quota,
      },
    },
  };
}
