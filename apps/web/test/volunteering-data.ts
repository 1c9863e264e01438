// Sample volunteering answers for the web tests: a program, its shifts (in June 2030, ahead), a
// volunteer profile and "my volunteering", shaped like the API's contract.
import type {
  HoursEntry,
  MyVolunteering,
  ProgramView,
  ShiftView,
  VolunteerProfileView,
} from '@vcentri/shared';

export const PROGRAM_ID = 'a0000000-0000-4000-8000-000000000001';
export const SHIFT_ID = 'b0000000-0000-4000-8000-000000000001';
export const FULL_SHIFT_ID = 'b0000000-0000-4000-8000-000000000002';

export function sampleProgram(overrides: Partial<ProgramView> = {}): ProgramView {
  return {
    id: PROGRAM_ID,
    runBy: 'organization',
    organizationId: '40000000-0000-4000-8000-000000000001',
    hubId: null,
    ownerDistrict: null,
    title: { uk: 'Чисті береги Дніпра', en: 'Clean Dnipro banks' },
    description: {
      uk: 'Прибираємо береги на Оболоні щосуботи.',
      en: 'We clean the banks in Obolon every Saturday.',
    },
    cause: 'environment',
    districts: ['obolonskyi'],
    skills: ['перша допомога'],
    languages: ['uk', 'en'],
    minAge: 16,
    briefing: null,
    contact: 'coordinator@example.org',
    status: 'published',
    createdAt: '2030-05-01T10:00:00.000Z',
    updatedAt: '2030-05-01T10:00:00.000Z',
    canManage: false,
    briefingAcknowledged: false,
    ...overrides,
  };
}

/** Saturday 15 June 2030, 10:00–13:00 Kyiv time (EEST, UTC+3). */
export function sampleShift(overrides: Partial<ShiftView> = {}): ShiftView {
  return {
    id: SHIFT_ID,
    programId: PROGRAM_ID,
    programTitle: { uk: 'Чисті береги Дніпра', en: 'Clean Dnipro banks' },
    cause: 'environment',
    minAge: 0,
    languages: ['uk'],
    seriesId: null,
    start: '2030-06-15T07:00:00.000Z',
    end: '2030-06-15T10:00:00.000Z',
    address: 'Наддніпрянська набережна, 1',
    district: 'obolonskyi',
    roomId: null,
    bookingId: null,
    places: 10,
    task: 'Збирати сміття на пляжі',
    accessibilityNotes: 'Пологий спуск до води.',
    stepFree: true,
    status: 'published',
    cancelReason: null,
    confirmed: 7,
    waitlisted: 0,
    placesLeft: 3,
    signupOpen: true,
    ...overrides,
  };
}

/** A full shift a week later, with people already waiting; no step-free access. */
export function fullShift(overrides: Partial<ShiftView> = {}): ShiftView {
  return sampleShift({
    id: FULL_SHIFT_ID,
    start: '2030-06-22T07:00:00.000Z',
    end: '2030-06-22T10:00:00.000Z',
    confirmed: 10,
    waitlisted: 2,
    placesLeft: 0,
    stepFree: false,
    accessibilityNotes: '',
    task: 'Сортувати зібране',
    ...overrides,
  });
}

export function sampleProfile(overrides: Partial<VolunteerProfileView> = {}): VolunteerProfileView {
  return {
    code: 'VK3M7Q',
    skills: ['перша допомога'],
    languages: ['uk'],
    districts: ['obolonskyi'],
    birthYear: 1995,
    consentToContact: false,
    consentGivenAt: null,
    updatedAt: '2030-05-01T10:00:00.000Z',
    ...overrides,
  };
}

export function sampleHoursEntry(overrides: Partial<HoursEntry> = {}): HoursEntry {
  return {
    id: 'c0000000-0000-4000-8000-000000000001',
    userId: '00000000-0000-4000-8000-000000000001',
    volunteerName: 'Олена Коваль',
    programId: PROGRAM_ID,
    programTitle: { uk: 'Чисті береги Дніпра', en: 'Clean Dnipro banks' },
    shiftId: null,
    date: '2030-05-20',
    minutes: 150,
    description: 'Готувала мапу прибирань',
    source: 'self_reported',
    status: 'approved',
    reason: null,
    decidedAt: '2030-05-21T10:00:00.000Z',
    createdAt: '2030-05-20T18:00:00.000Z',
    ...overrides,
  };
}

export function emptyMine(): MyVolunteering {
  return { shifts: [], hours: { approvedMinutes: 0, pendingMinutes: 0, entries: [] } };
}
