// A data dictionary entry in one line: its name, type and description in both languages.
import type { FieldDoc } from './datasets';

export const f = (name: string, type: FieldDoc['type'], uk: string, en: string): FieldDoc => ({
  name,
  type,
  description: { uk, en },
});
