import type { FieldMeta, ObjectMeta } from '@yixiao/core';

/** A related list: records of `object` whose lookup `field` points at the record on screen. */
export interface Relation {
  object: ObjectMeta;
  field: FieldMeta;
}

/**
 * Related lists come from metadata, not from a hand-made table: every live lookup of any object
 * that points at this one (an account's contacts, opportunities, contracts, orders …).
 */
export function relationsOf(target: string, objects: ObjectMeta[]): Relation[] {
  return objects.flatMap((object) =>
    object.fields.filter((f) => f.type === 'lookup' && f.lookup === target && !f.retired).map((field) => ({ object, field })));
}
