// Building blocks shared by every resource schema: ids, instants, paging, localized text.
import { Type, type Static, type TSchema } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Instant = Type.String({
  format: 'date-time',
  description: 'ISO 8601 instant with an offset, e.g. 2026-03-29T18:00:00+03:00',
});

export const LOCALES = ['uk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LocaleSchema = Type.Enum(LOCALES);

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type PageQuery = Static<typeof PageQuery>;

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
}
export interface Paged<T> {
  items: T[];
  total: number;
}

export const IdParams = Type.Object({ id: Uuid });
export type IdParams = Static<typeof IdParams>;
