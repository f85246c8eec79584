import type { PicklistOption } from '@yixiao/core';
import { invalid } from '../../platform/http/errors';
import type { OptionInput } from './field.types';

/**
 * Turns the options an administrator sent into stored ones: a new option's value is its Chinese
 * label (as imports and the manual use them), the English label defaults to the Chinese one, and
 * values are unique.
 */
export function normaliseOptions(input: readonly OptionInput[]): PicklistOption[] {
  const seen = new Set<string>();
  const options = input.map((o) => {
    const value = o.value ?? o.label.zh;
    if (seen.has(value)) throw invalid('metadata.duplicate_option', { value });
    seen.add(value);
    return { value, label: { zh: o.label.zh, en: o.label.en || o.label.zh }, enabled: o.enabled };
  });
  if (options.length === 0) throw invalid('metadata.options_required');
  if (!options.some((o) => o.enabled)) throw invalid('metadata.no_enabled_option');
  return options;
}
