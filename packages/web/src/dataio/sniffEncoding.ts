import type { TextEncoding } from '@yixiao/core';

export type EncodingHint = 'bom' | 'looksUtf8' | 'notUtf8' | null;

/**
 * What the first bytes of a CSV say about the chosen encoding (issue 7: detect a UTF-8 BOM, warn
 * when the encoding looks wrong). The server decides; this only warns before the upload.
 */
export async function sniffEncoding(file: Blob, chosen: TextEncoding): Promise<EncodingHint> {
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'bom';
  // Plain ASCII reads the same either way: nothing to say.
  if (bytes.every((b) => b < 0x80)) return null;
  let validUtf8 = true;
  try {
    // stream: a character cut by the 64 KB slice is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    validUtf8 = false;
  }
  if (chosen === 'gb18030' && validUtf8) return 'looksUtf8';
  if (chosen === 'utf-8' && !validUtf8) return 'notUtf8';
  return null;
}
