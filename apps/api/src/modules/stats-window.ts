// The window and district of a statistics request: a district admin sees their own district
// (theirs by default), a city admin any district or all of them.
import { AppError, forbidden } from '../errors';
import type { Principal } from './users/principal';

export function statsWindow(p: Principal, query: { from: string; to: string; district?: string }) {
  let district = query.district;
  if (!p.isCityAdmin()) {
    const own = p.grants.filter((g) => g.role === 'district_admin').map((g) => g.district!);
    if (district && !own.includes(district)) throw forbidden('You see your own district only.');
    district ??= own[0];
  }
  if (!(new Date(query.from) < new Date(query.to)))
    throw new AppError('invalid_interval', 400, 'The end must come after the start.');
  return { from: query.from, to: query.to, district };
}
