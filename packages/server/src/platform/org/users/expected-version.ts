import { invalid } from '../../http/errors';

/** The version an edit was based on: `version` in the body, else the If-Match header (DESIGN §6). */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const fromHeader = ifMatch ? Number(ifMatch.replace(/^W\//, '').replace(/"/g, '')) : NaN;
  if (!Number.isInteger(fromHeader)) throw invalid('org.version_required');
  return fromHeader;
}
