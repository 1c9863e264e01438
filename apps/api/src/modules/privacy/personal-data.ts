// The registry of personal data: every column of every table, said to be personal or not, and
// what erasing a person does to it. The erasure follows it and a test reads the database's own
// list of columns against it, so a new column without a rule fails the suite.
//
// Column rules:
// - 'no'      not personal data (or the organisation's, the hub's, the city's data);
// - 'ref'     a reference to a person: kept, and points to the erased account's empty row;
// - 'clear'   personal: emptied (null, '' or {}) in the person's rows on erasure;
// - 'keep: …' personal, kept on purpose for the reason given (public record);
// - 'retain'  personal data of whoever it belongs to, dropped after a retention period.
// Table rules say which column names the person a row is about (`person`), and whether their rows
// go on erasure (`rows: 'delete'`) or stay with the 'clear' columns emptied.

export type ColumnRule = 'no' | 'ref' | 'clear' | 'retain' | `keep: ${string}`;

export interface TableRule {
  /** The column naming the person a row belongs to (null: no row belongs to one person). */
  person: string | null;
  rows: 'delete' | 'keep';
  columns: Record<string, ColumnRule>;
}

const TIMESTAMPS = { created_at: 'no', updated_at: 'no' } as const;

export const PERSONAL_DATA: Record<string, TableRule> = {
  users: {
    person: 'id',
    rows: 'keep', // an empty row: bookings, attendance and hours keep their reference
    columns: {
      id: 'no',
      email: 'clear',
      password_hash: 'clear',
      name: 'clear',
      locale: 'no',
      is_demo: 'no',
      created_at: 'no',
      email_opt_out: 'clear',
      erased_at: 'no',
      email_notifications: 'no',
    },
  },
  role_grants: {
    person: 'user_id',
    rows: 'delete',
    columns: {
      id: 'no',
      user_id: 'ref',
      role: 'clear',
      district: 'no',
      hub_id: 'no',
      organization_id: 'no',
      granted_by: 'ref',
      created_at: 'no',
    },
  },
  refresh_tokens: {
    person: 'user_id',
    rows: 'delete',
    columns: {
      id: 'no',
      family_id: 'no',
      user_id: 'ref',
      token_hash: 'clear',
      created_at: 'no',
      expires_at: 'no',
      used_at: 'no',
      revoked_at: 'no',
    },
  },
  notifications: {
    person: 'user_id',
    rows: 'delete',
    columns: {
      id: 'no',
      user_id: 'ref',
      kind: 'no',
      title_uk: 'clear',
      title_en: 'clear',
      body_uk: 'clear',
      body_en: 'clear',
      link: 'clear',
      data: 'clear',
      created_at: 'no',
      read_at: 'no',
    },
  },
  consent_records: {
    person: 'user_id',
    rows: 'delete',
    columns: { id: 'no', user_id: 'ref', kind: 'clear', given: 'clear', version: 'clear', at: 'no' },
  },
  data_exports: {
    person: 'user_id',
    rows: 'delete',
    columns: {
      id: 'no',
      user_id: 'ref',
      requested_by: 'ref',
      reason: 'clear',
      status: 'no',
      requested_at: 'no',
      ready_at: 'no',
      expires_at: 'no',
      archive: 'clear',
      bytes: 'no',
    },
  },
  audit_log: {
    person: 'actor_id',
    rows: 'keep', // who did what stays accountable, without naming the erased person
    columns: {
      id: 'no',
      at: 'no',
      actor_id: 'ref',
      actor_email: 'clear',
      action: 'no',
      target_type: 'no',
      target_id: 'no', // an object's id; a log-in's tried e-mail, which erasure empties
      ip: 'clear', // the person's emptied on erasure; everyone's dropped after AUDIT_IP_RETENTION_DAYS
      details: 'clear',
    },
  },
  volunteer_profiles: {
    person: 'user_id',
    rows: 'delete',
    columns: {
      user_id: 'ref',
      skills: 'clear',
      languages: 'clear',
      districts: 'clear',
      birth_year: 'clear',
      consent_to_contact: 'clear',
      consent_given_at: 'clear',
      code: 'clear',
      ...TIMESTAMPS,
    },
  },
  volunteer_briefing_acks: {
    person: 'user_id',
    rows: 'delete',
    columns: { program_id: 'no', user_id: 'ref', acknowledged_at: 'no' },
  },
  volunteer_signups: {
    person: 'user_id',
    rows: 'keep', // past attendance stays in the shift's counts; future ones are cancelled
    columns: {
      id: 'no',
      shift_id: 'no',
      user_id: 'ref',
      status: 'no',
      position: 'no',
      present: 'no',
      attendance_by: 'ref',
      created_at: 'no',
      cancelled_at: 'no',
    },
  },
  volunteer_hours: {
    person: 'user_id',
    rows: 'keep', // approved hours stay in totals and in certificates
    columns: {
      id: 'no',
      user_id: 'ref',
      program_id: 'no',
      shift_id: 'no',
      signup_id: 'no',
      work_date: 'no',
      minutes: 'no',
      description: 'clear',
      source: 'no',
      status: 'no',
      reason: 'clear',
      decided_by: 'ref',
      decided_at: 'no',
      created_at: 'no',
    },
  },
  certificates: {
    person: 'user_id',
    rows: 'keep',
    columns: {
      id: 'no',
      code: 'no',
      user_id: 'ref',
      locale: 'no',
      printed_name: 'keep: the name the person chose to print; issued certificates keep verifying',
      program_id: 'no',
      period_from: 'no',
      period_to: 'no',
      issuer_organization_id: 'no',
      issuer: 'no',
      lines: 'no',
      total_minutes: 'no',
      status_index: 'no',
      base_url: 'no',
      credential: 'keep: the signed credential holds the printed name; it must keep verifying',
      issued_by: 'ref',
      issued_at: 'no',
      revoked_at: 'no',
      revoked_by: 'ref',
      revoke_reason: 'no',
    },
  },
  certificate_hours: { person: null, rows: 'keep', columns: { certificate_id: 'no', hours_id: 'no' } },
  event_registrations: {
    person: 'user_id',
    rows: 'keep', // attendance counts of past events stay; future registrations are cancelled
    columns: {
      id: 'no',
      event_id: 'no',
      user_id: 'ref',
      status: 'no',
      position: 'no',
      code: 'no',
      created_at: 'no',
      cancelled_at: 'no',
      checked_in_at: 'no',
      checked_in_by: 'ref',
    },
  },
  event_feedback: {
    person: 'user_id',
    rows: 'keep', // the rating stays in the event's average
    columns: { id: 'no', event_id: 'no', user_id: 'ref', rating: 'no', comment: 'clear', created_at: 'no' },
  },
  bookings: {
    person: null, // an organisation's booking; the person who made it is a reference
    rows: 'keep',
    columns: {
      id: 'no',
      room_id: 'no',
      kind: 'no',
      organization_id: 'no',
      closure_id: 'no',
      series_id: 'no',
      created_by: 'ref',
      title: 'no',
      purpose: 'no',
      attendees: 'no',
      status: 'no',
      period: 'no',
      blocked: 'no',
      decision_reason: 'no',
      decided_by: 'ref',
      disrupted_by: 'no',
      ...TIMESTAMPS,
    },
  },
  closures: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      hub_id: 'no',
      room_id: 'no',
      period: 'no',
      kind: 'no',
      reason: 'no',
      created_by: 'ref',
      created_at: 'no',
    },
  },
  events: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      booking_id: 'no',
      hub_id: 'no',
      title_uk: 'no',
      title_en: 'no',
      description_uk: 'no',
      description_en: 'no',
      category: 'no',
      languages: 'no',
      audience: 'no',
      accessibility_notes: 'no',
      capacity: 'no',
      registration_required: 'no',
      status: 'no',
      cancel_reason: 'no',
      starts_at: 'no',
      ends_at: 'no',
      created_by: 'ref',
      is_demo: 'no',
      ...TIMESTAMPS,
    },
  },
  organizations: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      name_uk: 'no',
      name_en: 'no',
      status: 'no',
      district: 'no',
      is_demo: 'no',
      created_at: 'no',
      legal_form: 'no',
      edrpou: 'no',
      address: 'no',
      activities: 'no',
      target_groups: 'no',
      contacts: 'no', // the organisation's public contacts
      description_uk: 'no',
      description_en: 'no',
      year_founded: 'no',
      rejection_reason: 'no',
      status_reason: 'no',
      submitted_at: 'no',
      verified_at: 'no',
      updated_at: 'no',
      changed_since_verification: 'no',
      search_vector: 'no',
      name_text: 'no',
    },
  },
  organization_history: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      organization_id: 'no',
      at: 'no',
      actor_id: 'ref',
      action: 'no',
      from_status: 'no',
      to_status: 'no',
      reason: 'no',
      changes: 'no',
    },
  },
  volunteer_programs: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      organization_id: 'no',
      hub_id: 'no',
      owner_district: 'no',
      title_uk: 'no',
      title_en: 'no',
      description_uk: 'no',
      description_en: 'no',
      cause: 'no',
      districts: 'no',
      skills: 'no',
      languages: 'no',
      min_age: 'no',
      briefing: 'no',
      contact: 'no', // the program's public contact
      status: 'no',
      created_by: 'ref',
      ...TIMESTAMPS,
    },
  },
  volunteer_shifts: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      program_id: 'no',
      series_id: 'no',
      starts_at: 'no',
      ends_at: 'no',
      address: 'no',
      district: 'no',
      room_id: 'no',
      booking_id: 'no',
      places: 'no',
      task: 'no',
      accessibility_notes: 'no',
      step_free: 'no',
      status: 'no',
      cancel_reason: 'no',
      ...TIMESTAMPS,
    },
  },
  hubs: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      name_uk: 'no',
      name_en: 'no',
      district: 'no',
      address_uk: 'no',
      address_en: 'no',
      latitude: 'no',
      longitude: 'no',
      shelter_notes_uk: 'no',
      shelter_notes_en: 'no',
      accessibility_notes_uk: 'no',
      accessibility_notes_en: 'no',
      is_demo: 'no',
      ...TIMESTAMPS,
    },
  },
  hub_opening_hours: {
    person: null,
    rows: 'keep',
    columns: { hub_id: 'no', weekday: 'no', opens: 'no', closes: 'no' },
  },
  hub_exceptions: {
    person: null,
    rows: 'keep',
    columns: { id: 'no', hub_id: 'no', date: 'no', opens: 'no', closes: 'no', note: 'no' },
  },
  rooms: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      hub_id: 'no',
      name_uk: 'no',
      name_en: 'no',
      capacity: 'no',
      equipment: 'no',
      accessibility_features: 'no',
      is_demo: 'no',
      min_minutes: 'no',
      max_minutes: 'no',
      lead_minutes: 'no',
      horizon_days: 'no',
      buffer_minutes: 'no',
      requires_approval: 'no',
      monthly_quota_hours: 'no',
      ...TIMESTAMPS,
    },
  },
  idempotency_keys: {
    person: null, // the scope holds the account; erasure deletes the account's keys
    rows: 'keep',
    columns: {
      scope: 'ref',
      key: 'no',
      request_method: 'no',
      request_path: 'no',
      fingerprint: 'no',
      claim_id: 'no',
      created_at: 'no',
      response_status: 'no',
      response_headers: 'no',
      response_body: 'retain', // an answer replayed for 24 hours at most, then purged
    },
  },
  rate_limit_counters: {
    person: null,
    rows: 'keep',
    columns: { key: 'retain', window_ends_at: 'no', hits: 'no' }, // a minute's counters
  },
  jobs: {
    person: null,
    rows: 'keep',
    columns: {
      id: 'no',
      kind: 'no',
      payload: 'no', // ids only
      run_at: 'no',
      attempts: 'no',
      max_attempts: 'no',
      locked_until: 'no',
      locked_by: 'no',
      last_error: 'no',
      done_at: 'no',
      failed_at: 'no',
      dedupe_key: 'no',
      created_at: 'no',
    },
  },
  // Counts kept by triggers for the statistics: no person in them.
  booking_day_stats: {
    person: null,
    rows: 'keep',
    columns: { hub_id: 'no', day: 'no', confirmed: 'no', pending: 'no', confirmed_seconds: 'no' },
  },
  room_day_stats: {
    person: null,
    rows: 'keep',
    columns: { room_id: 'no', day: 'no', confirmed: 'no', pending: 'no', confirmed_seconds: 'no' },
  },
  booking_org_days: {
    person: null,
    rows: 'keep',
    columns: { hub_id: 'no', day: 'no', organization_id: 'no', confirmed: 'no' },
  },
  booking_org_months: {
    person: null,
    rows: 'keep',
    columns: { hub_id: 'no', month: 'no', organization_id: 'no', confirmed: 'no' },
  },
  organization_numbers: {
    person: null,
    rows: 'keep',
    columns: { organization_id: 'no', n: 'no' },
  },
  booking_org_day_bits: {
    person: null,
    rows: 'keep',
    columns: { hub_id: 'no', day: 'no', chunk: 'no', bits: 'no' },
  },
  booking_org_month_bits: {
    person: null,
    rows: 'keep',
    columns: { hub_id: 'no', month: 'no', chunk: 'no', bits: 'no' },
  },
  event_stats: {
    person: null,
    rows: 'keep',
    columns: { event_id: 'no', confirmed: 'no', attended: 'no', feedback: 'no', rating_sum: 'no' },
  },
  data_versions: {
    person: null,
    rows: 'keep',
    columns: { table_name: 'no', shard: 'no', version: 'no' },
  },
  credential_keys: { person: null, rows: 'keep', columns: { kid: 'no', public_jwk: 'no', created_at: 'no' } },
};

/** Tables of the migration tool itself, not of the product. */
export const TOOL_TABLES = ['kysely_migration', 'kysely_migration_lock'];
