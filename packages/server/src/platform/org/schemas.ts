import { z } from 'zod';

/** The one error shape every route answers with (see platform/http/error-handler.ts). */
import { errorBody } from '../http/errors';

export { errorBody };

export const idParams = z.object({ id: z.uuid() });

/** Text a form may leave out (undefined: unchanged) or clear (null or blank). */
export const clearableText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Blank text is stored as null, so "cleared" has one spelling in the database. */
export const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value ? value : null);

/** Errors a write route may answer besides its success. */
export const writeErrors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
