// Every API error code and every audit action has words in both languages, and the two
// languages have the same keys (the API's list grows; this test says what is missing).
import {
  AUDIT_ACTIONS,
  BOOKING_PROBLEMS,
  BOOKING_STATUSES,
  CLOSURE_KINDS,
  ERROR_CODES,
  GRANTED_ROLES,
  ORGANIZATION_STATUSES,
  ORGANIZATION_TRANSITIONS,
} from '@vcentri/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../src/locales/en';
import { uk } from '../src/locales/uk';
import { i18n } from '../src/lib/i18n';

const resources = { uk, en };

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    // Plural forms differ by language (uk: one/few/many/other, en: one/other).
    return typeof value === 'string' ? [path.replace(/_(one|few|many|other)$/, '')] : keysOf(value, path);
  });
}

describe.each(['uk', 'en'] as const)('%s translations', (lng) => {
  const t = i18n.getFixedT(lng);

  it.each([...ERROR_CODES])('translate the error code %s', (code) => {
    expect(i18n.exists(`errors:codes.${code}`, { lng })).toBe(true);
    expect(t(`errors:codes.${code}`)).not.toBe(`codes.${code}`);
  });

  it('translate every audit action and granted role', () => {
    for (const action of AUDIT_ACTIONS)
      expect(i18n.exists(`admin:audit.actions.${action}`, { lng })).toBe(true);
    for (const role of [...GRANTED_ROLES, 'resident'])
      expect(i18n.exists(`common:roles.${role}`, { lng })).toBe(true);
  });

  it('translate every booking status, problem, closure kind and notification kind', () => {
    for (const status of BOOKING_STATUSES) {
      expect(i18n.exists(`bookings:status.${status}`, { lng })).toBe(true);
      expect(i18n.exists(`bookings:statusInfo.${status}`, { lng })).toBe(true);
    }
    for (const code of BOOKING_PROBLEMS) expect(i18n.exists(`errors:codes.${code}`, { lng })).toBe(true);
    for (const kind of CLOSURE_KINDS) expect(i18n.exists(`bookings:closureKind.${kind}`, { lng })).toBe(true);
    for (const kind of ['requested', 'confirmed', 'declined', 'cancelled', 'disrupted'])
      expect(i18n.exists(`bookings:notificationKind.booking_${kind}`, { lng })).toBe(true);
  });

  it('translate every organisation status, what it means, and every history action', () => {
    for (const status of ORGANIZATION_STATUSES) {
      expect(i18n.exists(`registry:status.${status}`, { lng })).toBe(true);
      for (const part of ['text', 'owner', 'member'])
        expect(i18n.exists(`registry:statusInfo.${status}.${part}`, { lng })).toBe(true);
    }
    const historyActions = [
      'created',
      'updated',
      ...Object.keys(ORGANIZATION_TRANSITIONS),
      'member_added',
      'member_removed',
      'ownership_transferred',
      'changes_reviewed',
    ];
    for (const action of historyActions)
      expect(i18n.exists(`registry:history.actions.${action}`, { lng })).toBe(true);
    for (const action of Object.keys(ORGANIZATION_TRANSITIONS).filter((a) => a !== 'submit'))
      expect(i18n.exists(`registry:moderation.dialogs.${action}.confirm`, { lng })).toBe(true);
  });
});

it('has the same keys in Ukrainian and English', () => {
  for (const ns of Object.keys(resources.uk) as (keyof typeof resources.uk)[]) {
    const uk = new Set(keysOf(resources.uk[ns] as Tree));
    const en = new Set(keysOf(resources.en[ns] as Tree));
    expect(
      [...uk].filter((k) => !en.has(k)),
      `${ns}: only in uk`,
    ).toEqual([]);
    expect(
      [...en].filter((k) => !uk.has(k)),
      `${ns}: only in en`,
    ).toEqual([]);
  }
});
