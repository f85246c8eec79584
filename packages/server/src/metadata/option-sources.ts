import type { PicklistOption } from '@yixiao/core';
import type { DbOrTx } from '../db/database';

/** Where a picklist with `dynamicOptions` takes its options from, read per request like the rest of the metadata. */
export type OptionSource = (db: DbOrTx, tenantId: string) => Promise<PicklistOption[]>;

const sources = new Map<string, OptionSource>();

/**
 * Object folders register the source of their data-driven picklists when imported (产品目录: the
 * category tree's paths), as they register hooks; 所属公海 (the pool groups) is the registry's own.
 */
export function registerOptionSource(objectKey: string, fieldKey: string, source: OptionSource): void {
  sources.set(`${objectKey}.${fieldKey}`, source);
}

export const optionSourceOf = (objectKey: string, fieldKey: string): OptionSource | undefined => sources.get(`${objectKey}.${fieldKey}`);
