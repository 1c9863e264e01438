// Resident surveys: a short questionnaire about the network, a hub, an event or a volunteer shift,
// open between two instants, answered once per invitation and anonymously (the answer is stored
// without the account). Results are published as totals after it closes, small groups hidden.
import { type Static, Type } from 'typebox';
import { Instant, Limit, Offset, Uuid } from './common';

export const SURVEY_SCOPES = ['network', 'hub', 'event', 'shift'] as const;
export type SurveyScope = (typeof SURVEY_SCOPES)[number];

export const QUESTION_KINDS = ['rating', 'nps', 'single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** draft (staff only) → scheduled (published, not yet open) → open → closed. */
export const SURVEY_PHASES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type SurveyPhase = (typeof SURVEY_PHASES)[number];

/** A group (a question's answers, an option's count) smaller than this is not shown. */
export const SURVEY_MIN_GROUP = 5;
export const SURVEY_MAX_QUESTIONS = 20;
export const SURVEY_MIN_OPTIONS = 2;
export const SURVEY_MAX_OPTIONS = 10;
/** Hub and network surveys invite residents checked in during this many days before the opening. */
export const SURVEY_LOOKBACK_DAYS = 90;

const Text = (min: number, max: number) =>
  Type.Object(
    {
      uk: Type.String({ minLength: min, maxLength: max }),
      en: Type.String({ minLength: min, maxLength: max }),
    },
    { additionalProperties: false },
  );

export const QuestionInput = Type.Object(
  {
    kind: Type.Enum(QUESTION_KINDS),
    text: Text(1, 500),
    required: Type.Optional(Type.Boolean({ default: false })),
    /** single and multiple choice only: 2–10 options. */
    options: Type.Optional(Type.Array(Text(1, 200), { maxItems: SURVEY_MAX_OPTIONS })),
  },
  { additionalProperties: false },
);
export type QuestionInput = Static<typeof QuestionInput>;

export const SurveyInput = Type.Object(
  {
    scope: Type.Enum(SURVEY_SCOPES),
    /** hub scope: the hub. */
    hubId: Type.Optional(Uuid),
    /** event scope: the event. */
    eventId: Type.Optional(Uuid),
    /** shift scope: the volunteer shift. */
    shiftId: Type.Optional(Uuid),
    title: Text(3, 200),
    intro: Type.Optional(Text(0, 2000)),
    opensAt: Instant,
    closesAt: Instant,
    questions: Type.Array(QuestionInput, { maxItems: SURVEY_MAX_QUESTIONS }),
  },
  { additionalProperties: false },
);
export type SurveyInput = Static<typeof SurveyInput>;

export const SurveyPatch = Type.Partial(
  Type.Object(
    {
      title: Text(3, 200),
      intro: Text(0, 2000),
      opensAt: Instant,
      closesAt: Instant,
      questions: Type.Array(QuestionInput, { maxItems: SURVEY_MAX_QUESTIONS }),
    },
    { additionalProperties: false },
  ),
  { additionalProperties: false },
);
export type SurveyPatch = Static<typeof SurveyPatch>;

export const SurveyOptionSchema = Type.Object({
  id: Type.String(),
  text: Type.Object({ uk: Type.String(), en: Type.String() }),
});

export const SurveyQuestionSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(QUESTION_KINDS),
  text: Type.Object({ uk: Type.String(), en: Type.String() }),
  required: Type.Boolean(),
  options: Type.Array(SurveyOptionSchema),
});
export type SurveyQuestion = Static<typeof SurveyQuestionSchema>;

export const SurveySchema = Type.Object({
  id: Uuid,
  scope: Type.Enum(SURVEY_SCOPES),
  hubId: Type.Union([Uuid, Type.Null()]),
  eventId: Type.Union([Uuid, Type.Null()]),
  shiftId: Type.Union([Uuid, Type.Null()]),
  district: Type.Union([Type.String(), Type.Null()]),
  /** What the survey is about, for its page: the hub's, the event's or the shift's name. */
  subject: Type.Union([Type.Object({ uk: Type.String(), en: Type.String() }), Type.Null()]),
  title: Type.Object({ uk: Type.String(), en: Type.String() }),
  intro: Type.Object({ uk: Type.String(), en: Type.String() }),
  opensAt: Instant,
  closesAt: Instant,
  phase: Type.Enum(SURVEY_PHASES),
  closedEarly: Type.Boolean(),
  questions: Type.Array(SurveyQuestionSchema),
  /** The caller manages it (city admin; hub manager of its hub). */
  canManage: Type.Boolean(),
  /** Signed-in callers: whether they are invited and whether their one-time token was handed out. */
  invitation: Type.Union([Type.Enum(['none', 'available', 'issued']), Type.Null()]),
  /** Staff: how many are invited and how many answered. */
  counts: Type.Optional(Type.Object({ invited: Type.Integer(), responses: Type.Integer() })),
});
export type SurveyView = Static<typeof SurveySchema>;

export const SurveyListQuery = Type.Object({
  phase: Type.Optional(Type.Enum(SURVEY_PHASES)),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type SurveyListQuery = Static<typeof SurveyListQuery>;

export const InvitationSchema = Type.Object({
  /** The one-time token: shown once, only its SHA-256 hash is kept. */
  token: Type.String(),
});

export const AnswerInput = Type.Object(
  {
    questionId: Type.String({ minLength: 1, maxLength: 64 }),
    /** rating, nps: an integer; single: an option id; multiple: option ids; text: the text. */
    value: Type.Union([
      Type.Integer({ minimum: 0, maximum: 10 }),
      Type.String({ minLength: 0, maxLength: 2000 }),
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: SURVEY_MAX_OPTIONS }),
    ]),
  },
  { additionalProperties: false },
);
export type AnswerInput = Static<typeof AnswerInput>;

export const ResponseInput = Type.Object(
  {
    token: Type.String({ minLength: 16, maxLength: 128 }),
    answers: Type.Array(AnswerInput, { maxItems: SURVEY_MAX_QUESTIONS }),
  },
  { additionalProperties: false },
);
export type ResponseInput = Static<typeof ResponseInput>;

export const ResponseReceipt = Type.Object({ answeredOn: Type.String({ format: 'date' }) });

const Count = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
  description: 'null: hidden (a group under five answers)',
});

export const QuestionResultSchema = Type.Object({
  questionId: Type.String(),
  kind: Type.Enum(QUESTION_KINDS),
  text: Type.Object({ uk: Type.String(), en: Type.String() }),
  /** How many answered it (null under five). */
  answered: Count,
  /** Fewer than five answered: no figures at all. */
  hidden: Type.Boolean(),
  average: Type.Union([Type.Number(), Type.Null()]),
  /** 0–10 questions: promoters (9–10) minus detractors (0–6), in percent. */
  nps: Type.Union([Type.Number(), Type.Null()]),
  /** Per rating value (1–5, 0–10) or per option. */
  counts: Type.Array(
    Type.Object({
      value: Type.String(),
      label: Type.Union([Type.Object({ uk: Type.String(), en: Type.String() }), Type.Null()]),
      count: Count,
    }),
  ),
  /** Free text, to the survey's staff only, in alphabetical order. */
  texts: Type.Optional(Type.Array(Type.String())),
});
export type QuestionResult = Static<typeof QuestionResultSchema>;

export const SurveyResultsSchema = Type.Object({
  surveyId: Uuid,
  title: Type.Object({ uk: Type.String(), en: Type.String() }),
  phase: Type.Enum(SURVEY_PHASES),
  opensAt: Instant,
  closesAt: Instant,
  /** How many answered (null under five). */
  responses: Count,
  questions: Type.Array(QuestionResultSchema),
});
export type SurveyResults = Static<typeof SurveyResultsSchema>;
