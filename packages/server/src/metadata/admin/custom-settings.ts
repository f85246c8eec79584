import { randomBytes } from 'node:crypto';
import type { AutonumberFormat } from '@yixiao/core';
import { AppError, invalid } from '../../platform/http/errors';
import type { CreateFieldBody } from './field.types';
import { CUSTOM_KEY } from './field.types';
import { INDEXABLE, isPicklist, MAX_LENGTH } from './field-rules';
import type { StoredSettings } from './field-rows';
import { normaliseOptions } from './options';

export const MAX_CUSTOM_FIELDS = 200;

/** The key of a new custom field: the one asked for, or one made from the English label (cf_contract_level). */
export function customFieldKey(asked: string | undefined, english: string | undefined, taken: (key: string) => boolean): string {
  if (asked !== undefined) {
    if (!CUSTOM_KEY.test(asked)) throw invalid('metadata.bad_key');
    if (taken(asked)) throw new AppError(409, 'key_taken', 'metadata.key_taken', { key: asked });
    return asked;
  }
  const slug = (english ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30);
  const base = `cf_${slug || randomBytes(3).toString('hex')}`;
  let key = base;
  for (let n = 2; taken(key); n++) key = slug ? `${base}_${n}` : `cf_${randomBytes(3).toString('hex')}`;
  return key;
}

export function checkMaxLength(type: CreateFieldBody['type'], maxLength: number | null | undefined): number | undefined {
  if (maxLength === undefined || maxLength === null) return undefined;
  const max = MAX_LENGTH[type];
  if (max === undefined) throw invalid('metadata.max_length_not_allowed');
  if (maxLength < 1 || maxLength > max) throw invalid('metadata.max_length_range', { max });
  return maxLength;
}

export const autonumberFormat = (given: Partial<AutonumberFormat> | undefined, before?: AutonumberFormat): AutonumberFormat =>
  ({ prefix: given?.prefix ?? before?.prefix ?? '', digits: given?.digits ?? before?.digits ?? 6 });

/**
 * The settings a new custom field is stored with, each part checked against its type: options
 * only for picklists, a target only for lookups, a length only for text, a format only for auto-numbers.
 */
export function newCustomSettings(input: CreateFieldBody): StoredSettings {
  const { type } = input;
  if (input.options !== undefined && !isPicklist(type)) throw invalid('metadata.options_not_allowed');
  if (isPicklist(type) && !input.options?.length) throw invalid('metadata.options_required');
  if (input.lookup !== undefined && type !== 'lookup') throw invalid('metadata.lookup_not_allowed');
  if (type === 'lookup' && !input.lookup) throw invalid('metadata.lookup_required');
  if (input.autonumber !== undefined && type !== 'autonumber') throw invalid('metadata.autonumber_not_allowed');
  if (type === 'autonumber' && (input.required || input.onCreate)) throw invalid('metadata.autonumber_read_only');
  if (input.indexed && !INDEXABLE.has(type)) throw invalid('metadata.not_indexable', { type });
  const settings: StoredSettings = {
    label: { zh: input.label.zh, en: input.label.en || input.label.zh },
    type,
    required: input.required,
    // A required field is on the create form: custom fields have no default to fall back on.
    onCreate: input.onCreate || input.required,
    retired: false,
  };
  if (isPicklist(type)) settings.options = normaliseOptions(input.options!);
  if (type === 'lookup') settings.lookup = input.lookup;
  const maxLength = checkMaxLength(type, input.maxLength);
  if (maxLength !== undefined) settings.maxLength = maxLength;
  if (type === 'autonumber') settings.autonumber = autonumberFormat(input.autonumber);
  if (input.indexed) settings.indexed = true;
  return settings;
}
