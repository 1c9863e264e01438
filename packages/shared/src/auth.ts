// Accounts: registration, log-in, the signed-in user. Password rules live here so the web form
// and the API refuse the same passwords with the same codes.
import { Type, type Static } from 'typebox';
import { Instant, LocaleSchema, Uuid } from './common';
import { NotificationKindSchema } from './notifications';
import { RoleGrantSchema } from './roles';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Returns the code of the first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(
  email: string,
  password: string,
): 'weak_password' | 'password_contains_email' | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'weak_password';
  const e = email.trim().toLowerCase();
  const p = password.toLowerCase();
  const local = e.split('@')[0] ?? '';
  if (e && (p === e || p.includes(e) || (local.length >= 4 && p.includes(local))))
    return 'password_contains_email';
  return null;
}

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  locale: LocaleSchema,
  createdAt: Instant,
});
export type User = Static<typeof UserSchema>;

export const TokenResponse = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
  user: UserSchema,
});
export type TokenResponse = Static<typeof TokenResponse>;

export const MeResponse = Type.Object({
  user: UserSchema,
  roles: Type.Array(Type.String(), { description: 'resident plus every granted role, without duplicates' }),
  grants: Type.Array(RoleGrantSchema),
  scopes: Type.Object({
    cityAdmin: Type.Boolean(),
    districts: Type.Array(Type.String()),
    hubIds: Type.Array(Uuid),
    organizationIds: Type.Array(Uuid),
  }),
  emailOptOut: Type.Array(NotificationKindSchema, {
    description: 'notification kinds not sent by e-mail (they still appear under /me/notifications)',
  }),
});
export type MeResponse = Static<typeof MeResponse>;

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    locale: Type.Optional(LocaleSchema),
    emailOptOut: Type.Optional(
      Type.Array(NotificationKindSchema, {
        uniqueItems: true,
        maxItems: 50,
        description: 'the whole list of notification kinds not to e-mail (replaces the previous one)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;
