/**
 * What each kind of upload may contain. Types are decided from the bytes (file-type), never from
 * the name or the browser's Content-Type; a purpose lists the sniffed types it accepts.
 */
export interface FilePurposePolicy {
  mimeTypes: readonly string[];
  maxBytes: number;
  /** Accept bytes with no recognisable signature when they are UTF-8 text (CSV, TXT), served as text/plain. */
  allowPlainText: boolean;
  /** Names of the accepted types for error messages. */
  label: string;
}

const MB = 1024 * 1024;

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export const FILE_PURPOSES = {
  avatar: { mimeTypes: IMAGE_TYPES, maxBytes: 2 * MB, allowPlainText: false, label: 'PNG, JPEG, WebP, GIF' },
  // Record attachments (contracts, quotes, receipts…): documents, images and archives.
  attachment: {
    mimeTypes: [
      ...IMAGE_TYPES, 'application/pdf', 'application/zip', 'application/x-rar-compressed', 'application/x-7z-compressed',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/x-cfb', // legacy .doc / .xls / .ppt
    ],
    maxBytes: 20 * MB,
    allowPlainText: true,
    label: 'PDF, Office, images, ZIP, TXT/CSV',
  },
} as const satisfies Record<string, FilePurposePolicy>;

export type FilePurpose = keyof typeof FILE_PURPOSES;

export const formatBytes = (bytes: number) => (bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
