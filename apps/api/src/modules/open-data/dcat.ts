// The catalogue as DCAT-AP in JSON-LD (https://semiceu.github.io/DCAT-AP/): a dcat:Catalog with
// one dcat:Dataset per DATASETS entry and three distributions each (CSV, JSON, datapackage.json).
// Every IRI is absolute, built on `base` (PUBLIC_URL, or the origin the request came to).
import { PUBLISHER } from './datapackage';
import { type Dataset, LICENCE } from './datasets';
import { frequencyIri } from './freshness';

/** An inline context: nothing has to be fetched to read the document. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const EU = 'http://publications.europa.eu/resource/authority/';
const IANA = 'http://www.iana.org/assignments/media-types/';
const TABULAR_DATA_PACKAGE = 'https://specs.frictionlessdata.io/tabular-data-package/';

const tagged = (t: { uk: string; en: string }) => [
  { '@value': t.uk, '@language': 'uk' },
  { '@value': t.en, '@language': 'en' },
];
const dateTime = (d: Date) => ({ '@value': d.toISOString(), '@type': 'xsd:dateTime' });
const iri = (id: string) => ({ '@id': id });

export interface CatalogInput {
  base: string;
  contactEmail: string;
  datasets: { dataset: Dataset; lastModified: Date }[];
}

export function dcatCatalog({ base, contactEmail, datasets }: CatalogInput) {
  const api = `${base}/api/v1/open-data`;
  const catalogIri = `${api}/catalog.jsonld`;
  const publisher = {
    '@id': PUBLISHER.homepage,
    '@type': 'foaf:Agent',
    'foaf:name': tagged(PUBLISHER),
    'foaf:homepage': iri(PUBLISHER.homepage),
    'dct:type': iri('http://purl.org/adms/publishertype/LocalAuthority'),
  };
  const contactPoint = {
    '@type': 'vcard:Kind',
    'vcard:fn': tagged({ uk: 'Відкриті дані Vcentri', en: 'Vcentri open data' }),
    'vcard:hasEmail': iri(`mailto:${contactEmail}`),
  };
  const licence = iri(LICENCE.url);
  const modified = datasets.reduce((m, d) => Math.max(m, d.lastModified.getTime()), 0);
  const distribution = (
    d: Dataset,
    kind: string,
    url: string,
    mediaType: string,
    format: string,
    title: { uk: string; en: string },
    extra: Record<string, unknown> = {},
  ) => ({
    '@id': `${catalogIri}#${d.id}-${kind}`,
    '@type': 'dcat:Distribution',
    'dct:title': tagged(title),
    'dcat:accessURL': iri(url),
    'dcat:downloadURL': iri(url),
    'dcat:mediaType': iri(`${IANA}${mediaType}`),
    'dct:format': iri(`${EU}file-type/${format}`),
    'dct:license': licence,
    ...extra,
  });
  return {
    '@context': DCAT_CONTEXT,
    '@id': catalogIri,
    '@type': 'dcat:Catalog',
    'dct:title': tagged({ uk: 'Відкриті дані Vcentri', en: 'Vcentri open data' }),
    'dct:description': tagged({
      uk: 'Публічні дані мережі громадських хабів Києва Vcentri: реєстр організацій, хаби, приміщення, події та волонтерство. Без персональних даних.',
      en: 'Public data of Vcentri, the network of Kyiv community hubs: the registry of organisations, hubs, rooms, events and volunteering. No personal data.',
    }),
    'dct:publisher': publisher,
    'foaf:homepage': iri(`${base}/open-data`),
    'dct:language': [iri(`${EU}language/UKR`), iri(`${EU}language/ENG`)],
    'dct:license': licence,
    'dct:modified': dateTime(new Date(modified)),
    'dcat:dataset': datasets.map(({ dataset: d, lastModified }) => ({
      '@id': `${catalogIri}#${d.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.id,
      'dct:title': tagged(d.title),
      'dct:description': tagged(d.description),
      'dcat:keyword': [
        ...d.keywords.uk.map((k) => ({ '@value': k, '@language': 'uk' })),
        ...d.keywords.en.map((k) => ({ '@value': k, '@language': 'en' })),
      ],
      'dct:publisher': iri(PUBLISHER.homepage),
      'dct:license': licence,
      'dct:accrualPeriodicity': iri(frequencyIri(d.updateFrequency)),
      'dct:modified': dateTime(lastModified),
      'dcat:contactPoint': contactPoint,
      'dcat:landingPage': iri(`${base}/open-data#dataset-${d.id}`),
      'dcat:distribution': [
        distribution(d, 'csv', `${api}/${d.id}.csv`, 'text/csv', 'CSV', { uk: 'CSV', en: 'CSV' }),
        distribution(d, 'json', `${api}/${d.id}.json`, 'application/json', 'JSON', {
          uk: 'JSON',
          en: 'JSON',
        }),
        distribution(
          d,
          'datapackage',
          `${api}/${d.id}/datapackage.json`,
          'application/json',
          'JSON',
          {
            uk: 'Frictionless Data Package (datapackage.json)',
            en: 'Frictionless Data Package (datapackage.json)',
          },
          { 'dct:conformsTo': iri(TABULAR_DATA_PACKAGE) },
        ),
      ],
    })),
  };
}
