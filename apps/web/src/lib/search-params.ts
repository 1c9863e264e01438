// Filters that live in the address bar: the next query string after some choices change. A changed
// filter starts the list again from its first page; only an explicit page offset keeps one.
export type SearchChanges = Record<string, string | number | undefined> & { offset?: number };

export function withSearchChanges(params: URLSearchParams, next: SearchChanges): URLSearchParams {
  const search = new URLSearchParams(params);
  for (const [key, value] of Object.entries(next)) {
    if (key === 'offset') continue;
    if (value) search.set(key, String(value));
    else search.delete(key);
  }
  if (next.offset !== undefined && next.offset > 0) search.set('offset', String(next.offset));
  else search.delete('offset');
  return search;
}

/** The query string without the given filters (and back on the first page). */
export function withoutSearchKeys(params: URLSearchParams, keys: readonly string[]): URLSearchParams {
  const search = new URLSearchParams(params);
  for (const key of [...keys, 'offset']) search.delete(key);
  return search;
}

/** A page offset read from the address bar: a whole number, 0 when absent or nonsense. */
export function offsetParam(params: URLSearchParams): number {
  return Math.max(0, Math.floor(Number(params.get('offset')) || 0));
}

/** How many of the given filters are in use. */
export function countChosen<K extends string>(
  values: Partial<Record<K, unknown>>,
  keys: readonly K[],
): number {
  return keys.filter((key) => !!values[key]).length;
}
