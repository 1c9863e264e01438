// The open-data catalogue: every dataset with its licence, update frequency, freshness, size,
// download links (CSV, JSON, datapackage.json) and data dictionary. The API does not export this
// shape from the shared contract, so it is typed here.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface LocalizedText {
  uk: string;
  en: string;
}

export interface DatasetField {
  name: string;
  type: string;
  description: LocalizedText;
}

/** EU frequency vocabulary codes (http://publications.europa.eu/resource/authority/frequency/). */
export type UpdateFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUAL' | 'IRREG';

export interface Dataset {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  licence: { name: string; url: string };
  lastModified: string;
  records: number;
  // The freshness fields and the data package came later: an answer without them still renders.
  updateFrequency?: UpdateFrequency;
  keywords?: { uk: string[]; en: string[] };
  /** Not updated by dueBy, which its frequency promised. */
  stale?: boolean;
  dueBy?: string | null;
  downloads: { csv: string; json: string; datapackage?: string };
  fields: DatasetField[];
}

/** The DCAT-AP catalogue of every dataset (a fixed path of the API). */
export const DCAT_CATALOGUE_URL = '/api/v1/open-data/catalog.jsonld';

export const getOpenDataCatalogue = (signal?: AbortSignal) =>
  api.get<{ items: Dataset[]; dcat?: string }>('/open-data', undefined, signal);

export const openDataCatalogueQueryOptions = () =>
  queryOptions({
    queryKey: ['open-data', 'catalogue'],
    queryFn: ({ signal }) => getOpenDataCatalogue(signal),
  });

export function useOpenDataCatalogue() {
  return useQuery(openDataCatalogueQueryOptions());
}
