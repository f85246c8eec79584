import type { FieldMeta, ObjectMeta } from '@yixiao/core';

/** A related list: records of `object` whose lookup `field` points at the record on screen. */
export interface Relation {
  object: ObjectMeta;
  field: FieldMeta;
}

/**
 * Related lists come from metadata, not from a hand-made table: every live lookup of any object
 * that points at this one (an account's contacts, opportunities, contracts, orders …). Links a user
 * sets come first, in menu order (§3.5.6: 联系人, 销售机会, 合同); links the system sets (the leads
 * converted into this account) come last.
 */
export function relationsOf(target: string, objects: ObjectMeta[]): Relation[] {
  const all = objects.flatMap((object) =>
    object.fields.filter((f) => f.type === 'lookup' && f.lookup === target && !f.retired).map((field) => ({ object, field })));
  return [...all.filter((r) => !r.field.readOnly), ...all.filter((r) => r.field.readOnly)];
}

/** The detail tab that shows one related list. */
export const relationTabKey = (r: Relation) => `related-${r.object.key}-${r.field.key}`;

/**
 * Told when a related record was created elsewhere on the page (the header's 新建 menu), so the
 * related list showing that object reads itself again.
 */
const CREATED = 'yixiao:related-created';
export const announceRelatedCreated = (object: string) => window.dispatchEvent(new CustomEvent(CREATED, { detail: object }));
export function onRelatedCreated(object: string, reload: () => void): () => void {
  const listener = (e: Event) => {
    if ((e as CustomEvent<string>).detail === object) reload();
  };
  window.addEventListener(CREATED, listener);
  return () => window.removeEventListener(CREATED, listener);
}
