import { AppError } from '../http/errors';

/** PostgreSQL error fields we act on (pg's DatabaseError carries them). */
interface PgError {
  code?: string;
  constraint?: string;
}
const asPgError = (error: unknown): PgError => (typeof error === 'object' && error !== null ? (error as PgError) : {});

export const conflict = (code: string, messageKey: string, params: Record<string, string | number> = {}) =>
  new AppError(409, code, messageKey, params);

/**
 * Runs a unit of work and turns a unique-index violation into the 409 the caller names for that index.
 * The index is the real guard (two requests may race past any check made before the insert).
 */
export async function withUniqueConflicts<T>(work: () => Promise<T>, byConstraint: Record<string, () => AppError>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pg = asPgError(error);
    const mapped = pg.code === '23505' && pg.constraint ? byConstraint[pg.constraint] : undefined;
    throw mapped ? mapped() : error;
  }
}

export const isForeignKeyViolation = (error: unknown) => asPgError(error).code === '23503';
