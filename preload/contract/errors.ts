/**
 * Error codes are part of the contract: the program branches on `code`, the clerk reads `message`
 * (always Simplified Chinese). Any layer may throw an AppError; the dispatcher passes it on as
 * `{code, message}` and turns anything else into INTERNAL without leaking details.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_OUTPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'STALE_VERSION',
  'ILLEGAL_TRANSITION',
  'DB_NEWER',
  'DB_MIGRATION_FAILED',
  'DB_OPEN_FAILED',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'TRANSPORT',
  'INTERNAL',
  // Ledger import / export (issue 5): each names a reason the clerk can act on; nothing was written.
  'IMPORT_UNREADABLE',
  'IMPORT_ENCRYPTED',
  'IMPORT_EMPTY',
  'IMPORT_NO_HEADER',
  'IMPORT_TOO_LARGE',
  'IMPORT_ENCODING',
  'IMPORT_SESSION',
  'IMPORT_CANCELLED',
  'EXPORT_FAILED',
  // Backups and restore (issue 7): nothing was replaced when these are raised.
  'BACKUP_FAILED',
  'RESTORE_REFUSED',
  'RESTORE_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AppError');
}
