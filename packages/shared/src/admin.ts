// City administration: accounts with their role grants, and the audit log.
import { Type, type Static } from 'typebox';
import { Instant, Limit, Offset, Uuid } from './common';
import { RoleGrantSchema } from './roles';

export const AdminUserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  createdAt: Instant,
  grants: Type.Array(RoleGrantSchema),
});
export type AdminUser = Static<typeof AdminUserSchema>;

export const AdminUserQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part of an e-mail or a name' })),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type AdminUserQuery = Static<typeof AdminUserQuery>;

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse_detected',
  'auth.register',
  'role.granted',
  'role.revoked',
] as const;

export const AuditEntrySchema = Type.Object({
  id: Uuid,
  at: Instant,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  /** The actor's name now (null: no account, or it is gone). */
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  /** What the target is called now, in both languages (null: gone, or nothing to name). */
  targetName: Type.Union([Type.Object({ uk: Type.String(), en: Type.String() }), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actorId: Type.Optional(Uuid),
  limit: Type.Optional(Limit()),
  offset: Type.Optional(Offset),
});
export type AuditQuery = Static<typeof AuditQuery>;
