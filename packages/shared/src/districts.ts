// Kyiv's ten administrative districts. The slug is what the database and the API store.
export const DISTRICTS = [
  { slug: 'holosiivskyi', uk: 'Голосіївський', en: 'Holosiivskyi' },
  { slug: 'darnytskyi', uk: 'Дарницький', en: 'Darnytskyi' },
  { slug: 'desnianskyi', uk: 'Деснянський', en: 'Desnianskyi' },
  { slug: 'dniprovskyi', uk: 'Дніпровський', en: 'Dniprovskyi' },
  { slug: 'obolonskyi', uk: 'Оболонський', en: 'Obolonskyi' },
  { slug: 'pecherskyi', uk: 'Печерський', en: 'Pecherskyi' },
  { slug: 'podilskyi', uk: 'Подільський', en: 'Podilskyi' },
  { slug: 'sviatoshynskyi', uk: 'Святошинський', en: 'Sviatoshynskyi' },
  { slug: 'solomianskyi', uk: "Солом'янський", en: 'Solomianskyi' },
  { slug: 'shevchenkivskyi', uk: 'Шевченківський', en: 'Shevchenkivskyi' },
] as const;

export type DistrictSlug = (typeof DISTRICTS)[number]['slug'];
export const DISTRICT_SLUGS = DISTRICTS.map((d) => d.slug) as unknown as readonly DistrictSlug[];

export function isDistrict(value: string): value is DistrictSlug {
  return (DISTRICT_SLUGS as readonly string[]).includes(value);
}
