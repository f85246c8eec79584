import { pinyin } from 'pinyin-pro';
import type { EngineObject } from '../metadata/registry';

const HAN = /[\u3400-\u9fff]/;

/**
 * The text global search matches: the object's searchable values, and for Chinese text its pinyin
 * in full and as initials, so "zhangsan" and "zs" find 张三.
 */
export function searchText(object: EngineObject, record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of object.searchFields) {
    const value = record[key];
    if (typeof value !== 'string' || !value) continue;
    parts.push(value.toLowerCase());
    if (HAN.test(value)) {
      const syllables = pinyin(value, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
      parts.push(syllables.join('').toLowerCase(), syllables.map((s) => s[0] ?? '').join('').toLowerCase());
    } else if (/^[+\d\s()-]+$/.test(value)) {
      parts.push(value.replace(/\D/g, '')); // phones match without their separators
    }
  }
  return parts.join(' ');
}
