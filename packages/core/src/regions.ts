/**
 * China's provinces, cities and districts (省 / 市 / 区) for region fields: the tree the web's
 * cascader offers and the check the server makes on every write. A separate entry point
 * (`@yixiao/core/regions`), so the 45 KB list loads only where a region is picked or checked.
 */
import { REGION_DATA } from './region-data';

export interface Region {
  province?: string;
  city?: string;
  district?: string;
}

export interface RegionCity {
  name: string;
  districts: string[];
}

export interface RegionProvince {
  name: string;
  cities: RegionCity[];
}

let tree: RegionProvince[] | null = null;
let known: Set<string> | null = null;

/** Every province with its cities and their districts, in the official order. Parsed once. */
export function regionTree(): RegionProvince[] {
  tree ??= REGION_DATA.trim().split('\n').map((line) => {
    const [name, cities] = line.split('|') as [string, string];
    return {
      name,
      cities: cities.split(';').map((city) => {
        const [cityName, districts] = city.split(':') as [string, string];
        return { name: cityName, districts: districts ? districts.split(' ') : [] };
      }),
    };
  });
  return tree;
}

const key = (...parts: string[]) => parts.join('/');

/**
 * Whether a region names a real place: a province, a city of that province, a district of that
 * city, each level given only under the one above (省 alone and 省+市 are fine; 市 without 省 is not).
 */
export function isKnownRegion(region: Region): boolean {
  if (!known) {
    known = new Set();
    for (const p of regionTree()) {
      known.add(key(p.name));
      for (const c of p.cities) {
        known.add(key(p.name, c.name));
        for (const d of c.districts) known.add(key(p.name, c.name, d));
      }
    }
  }
  const { province, city, district } = region;
  if (!province || (district && !city)) return false;
  return known.has(key(...[province, city, district].filter((p): p is string => !!p)));
}
