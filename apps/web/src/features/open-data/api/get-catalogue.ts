// The open-data catalogue: every dataset with its licence, freshness, size, download links and
// data dictionary. The API does not export this shape from the shared contract, so it is typed here.
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

export interface Dataset {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  licence: { name: string; url: string };
  lastModified: string;
  records: number;
  downloads: { csv: string; json: string };
  fields: DatasetField[];
}

export const getOpenDataCatalogue = (signal?: AbortSignal) =>
  api.get<{ items: Dataset[] }>('/open-data', undefined, signal);

export const openDataCatalogueQueryOptions = () =>
  queryOptions({
    queryKey: ['open-data', 'catalogue'],
    queryFn: ({ signal }) => getOpenDataCatalogue(signal),
  });

export function useOpenDataCatalogue() {
  return useQuery(openDataCatalogueQueryOptions());
}
