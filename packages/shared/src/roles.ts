// Roles and their scopes. Every signed-in account is a resident; the other roles are grants,
// each bound to the one kind of object it is about.
import { Type, type Static } from 'typebox';
import { DISTRICT_SLUGS } from './districts';
import { Uuid } from './common';

export const GRANTED_ROLES = [
  'city_admin',
  'district_admin',
  'hub_manager',
  'ngo_owner',
  'ngo_member',
] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];
export type Role = GrantedRole | 'resident';

/** Which scope each granted role needs: none, a district, a hub or an organisation. */
export const ROLE_SCOPE: Record<GrantedRole, 'none' | 'district' | 'hub' | 'organization'> = {
  city_admin: 'none',
  district_admin: 'district',
  hub_manager: 'hub',
  ngo_owner: 'organization',
  ngo_member: 'organization',
};

export const GrantedRoleSchema = Type.Enum(GRANTED_ROLES);
export const DistrictSchema = Type.Enum(DISTRICT_SLUGS);

export const RoleGrantSchema = Type.Object({
  id: Uuid,
  role: GrantedRoleSchema,
  district: Type.Union([DistrictSchema, Type.Null()]),
  hubId: Type.Union([Uuid, Type.Null()]),
  /** Ukrainian name; `hubNameEn` in English (the Ukrainian one when the hub has none). */
  hubName: Type.Union([Type.String(), Type.Null()]),
  hubNameEn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  organizationId: Type.Union([Uuid, Type.Null()]),
  organizationName: Type.Union([Type.String(), Type.Null()]),
  organizationNameEn: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  createdAt: Type.String({ format: 'date-time' }),
});
export type RoleGrant = Static<typeof RoleGrantSchema>;

export const GrantRoleBody = Type.Object(
  {
    role: GrantedRoleSchema,
    district: Type.Optional(DistrictSchema),
    hubId: Type.Optional(Uuid),
    organizationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type GrantRoleBody = Static<typeof GrantRoleBody>;
