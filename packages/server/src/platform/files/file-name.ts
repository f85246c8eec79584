const MAX_NAME_LENGTH = 120;

/**
 * A file name safe to store and to put in a Content-Disposition header: no directories, no
 * control or bidirectional-override characters (which disguise "exe.png" as "gnp.exe"), no
 * leading dots, at most 120 characters with the extension kept; the extension matches the type
 * found in the bytes.
 */
export function sanitizeFileName(raw: string, sniffedExtension: string | null): string {
  let name = raw.split(/[/\\]/).pop() ?? '';
  name = name
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '') // control characters and invisible format marks (bidi overrides)
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');

  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  let extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (sniffedExtension && !sameExtension(extension, sniffedExtension)) {
    // "photo.jpg" holding PNG bytes is stored as "photo.png" so the download opens correctly.
    extension = sniffedExtension;
  }
  if (!stem) stem = 'file';
  const suffix = extension ? `.${extension}` : '';
  stem = [...stem].slice(0, Math.max(1, MAX_NAME_LENGTH - suffix.length)).join('');
  return stem + suffix;
}

const ALIASES: Record<string, string[]> = { jpg: ['jpeg', 'jpe'], cfb: ['doc', 'xls', 'ppt', 'msg'], txt: ['csv', 'tsv', 'log', 'md'] };
const sameExtension = (given: string, sniffed: string) => given === sniffed || (ALIASES[sniffed]?.includes(given) ?? false);

/**
 * Content-Disposition with an ASCII fallback and the real name in RFC 5987 form (Chinese names
 * survive). The fallback is the name with its other characters replaced, unless one is given.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, asciiFallback?: string): string {
  const ascii = (asciiFallback ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
