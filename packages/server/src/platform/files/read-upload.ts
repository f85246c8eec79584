import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors';
import { FILE_PURPOSES, type FilePurpose } from './purposes';
import { fileTooLarge } from './store-file';

export interface Upload {
  fileName: string;
  data: Buffer;
}

/**
 * Reads the one file of a multipart request into memory, stopping at the purpose's size limit so
 * an oversized upload never fills the server's memory. The calling plugin registers @fastify/multipart.
 */
export async function readUpload(request: FastifyRequest, purpose: FilePurpose): Promise<Upload> {
  const { maxBytes } = FILE_PURPOSES[purpose];
  const { RequestFileTooLargeError, InvalidMultipartContentTypeError } = request.server.multipartErrors;
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });
    if (!part) throw new AppError(400, 'file_missing', 'files.missing');
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (error) {
    if (error instanceof RequestFileTooLargeError) throw fileTooLarge(maxBytes);
    if (error instanceof InvalidMultipartContentTypeError) throw new AppError(400, 'file_missing', 'files.missing');
    throw error;
  }
}
