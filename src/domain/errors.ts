/**
 * Errors as codes (issue 10), in the manner of bolt-js's coded errors: every error the desk expects carries a
 * stable `code`, and code decides what to do with it by `code` (or `instanceof`), never by its message text.
 *
 * - UserInputError: the person typed something we cannot use; they get a polite message saying what to type.
 * - PermissionError: the person may not do or see this (not their delegation, an observer, not linked).
 * - StorageError: the database failed. Raised only by src/db/, which alone may read a driver's message to
 *   decide which code applies; everyone else reads the code.
 * - InvalidDataError: stored or configured data that cannot be read (a corrupt digest destination list).
 *
 * Pure: no I/O and no imports, so src/db/, src/services/, src/core/ and the adapters can all use it.
 */

export const ErrorCode = {
  /** Bad input from a person: usage, unknown name, a value out of range. */
  USER_INPUT: "USER_INPUT",
  /** The thing named does not exist (or the caller may not know that it does). */
  NOT_FOUND: "NOT_FOUND",
  /** The caller's role or delegation may not do this. */
  PERMISSION_REFUSED: "PERMISSION_REFUSED",
  /** The matter is restricted and the caller is an observer (seeds/001 item 10). */
  OBSERVER_RESTRICTED: "OBSERVER_RESTRICTED",
  /** The caller has no link from the Secretariat. */
  NOT_LINKED: "NOT_LINKED",
  /** A lock wait ran out (another process writing): not saved, try again. */
  STORAGE_BUSY: "STORAGE_BUSY",
  /** The disk or the database is full. */
  STORAGE_FULL: "STORAGE_FULL",
  /** A write lost a race with another write (serialisation failure, a row changed meanwhile). */
  STORAGE_CONFLICT: "STORAGE_CONFLICT",
  /** A unique key is already taken (a retried request, two processes writing the same row). */
  STORAGE_UNIQUE: "STORAGE_UNIQUE",
  /** The database cannot be reached (connection refused, closed, timed out). */
  STORAGE_UNAVAILABLE: "STORAGE_UNAVAILABLE",
  /** Any other database failure. */
  STORAGE_FAILED: "STORAGE_FAILED",
  /** Stored or configured data that cannot be read. */
  INVALID_DATA: "INVALID_DATA",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type StorageCode = Extract<ErrorCode, `STORAGE_${string}`>;
export type PermissionCode = "PERMISSION_REFUSED" | "OBSERVER_RESTRICTED" | "NOT_LINKED";

/** The base of every coded error. `code` is the contract; `message` is for logs only. */
export class DeskError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A person's input the desk cannot use. */
export class UserInputError extends DeskError {
  constructor(message: string, code: "USER_INPUT" | "NOT_FOUND" = ErrorCode.USER_INPUT, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** A person may not do or see this. */
export class PermissionError extends DeskError {
  constructor(message: string, code: PermissionCode = ErrorCode.PERMISSION_REFUSED, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** The database failed; raised by src/db/ only, with the driver's error as `cause`. */
export class StorageError extends DeskError {
  constructor(code: StorageCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Stored or configured data that cannot be read (the caller logs it and decides whether to go on). */
export class InvalidDataError extends DeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.INVALID_DATA, message, options);
  }
}

/** The code of an error, when it has one of ours. */
export const codeOf = (e: unknown): ErrorCode | undefined => (e instanceof DeskError ? e.code : undefined);

/** Whether an error carries the given code (or one of them). */
export const hasCode = (e: unknown, ...codes: ErrorCode[]): boolean => {
  const c = codeOf(e);
  return codes.some((x) => x === c);
};

export const isStorageCode = (e: unknown): e is StorageError => e instanceof StorageError;
export const isPermissionCode = (e: unknown): boolean => hasCode(e, "PERMISSION_REFUSED", "OBSERVER_RESTRICTED", "NOT_LINKED");
