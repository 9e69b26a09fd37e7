/** Errors as codes (src/domain/errors.ts, issue 10): what the desk decides by is the code, never the message. */
import { describe, expect, it } from "vitest";
import {
  DeskError, ErrorCode, InvalidDataError, PermissionError, StorageError, UserInputError, codeOf, hasCode, isPermissionCode, isStorageCode,
} from "../../src/domain/errors.ts";

describe("coded errors", () => {
  it("GIVEN each kind of error THEN it carries its code, its message and its cause, and is a DeskError", () => {
    const cause = new Error("driver said no");
    const errors = [
      [new UserInputError("type a date"), "USER_INPUT", "UserInputError"],
      [new UserInputError("no such area", "NOT_FOUND"), "NOT_FOUND", "UserInputError"],
      [new PermissionError("not your delegation"), "PERMISSION_REFUSED", "PermissionError"],
      [new PermissionError("observers may not", "OBSERVER_RESTRICTED"), "OBSERVER_RESTRICTED", "PermissionError"],
      [new StorageError("STORAGE_BUSY", "locked", { cause }), "STORAGE_BUSY", "StorageError"],
      [new InvalidDataError("bad list", { cause }), "INVALID_DATA", "InvalidDataError"],
    ] as const;
    for (const [e, code, name] of errors) {
      expect(e).toBeInstanceOf(DeskError);
      expect(e.code).toBe(code);
      expect(codeOf(e)).toBe(code);
      expect(e.name).toBe(name);
    }
    expect(errors[0][0].message).toBe("type a date");
    expect(errors[4][0].cause).toBe(cause);
    expect(errors[5][0].cause).toBe(cause);
    expect(new UserInputError("x", "USER_INPUT", { cause }).cause).toBe(cause);
    expect(new PermissionError("x", "NOT_LINKED", { cause }).cause).toBe(cause);
  });

  it("GIVEN an error that is not ours THEN it has no code, whatever its message says", () => {
    expect(codeOf(new Error("USER_INPUT"))).toBeUndefined();
    expect(codeOf("PERMISSION_REFUSED")).toBeUndefined();
    expect(hasCode(new Error("NOT_FOUND"), ErrorCode.NOT_FOUND)).toBe(false);
    expect(isPermissionCode(new Error("PERMISSION_REFUSED"))).toBe(false);
    expect(isStorageCode(new Error("STORAGE_FULL"))).toBe(false);
  });

  it("GIVEN codes to look for THEN an error has one when its code is among them", () => {
    const e = new UserInputError("gone", "NOT_FOUND");
    expect(hasCode(e, ErrorCode.USER_INPUT, ErrorCode.NOT_FOUND)).toBe(true);
    expect(hasCode(e, ErrorCode.USER_INPUT)).toBe(false);
    expect(hasCode(e)).toBe(false);
  });

  it("GIVEN a refusal THEN it is a permission code, for a role, an observer or a missing link alike", () => {
    expect(isPermissionCode(new PermissionError("no"))).toBe(true);
    expect(isPermissionCode(new PermissionError("no", "OBSERVER_RESTRICTED"))).toBe(true);
    expect(isPermissionCode(new PermissionError("no", "NOT_LINKED"))).toBe(true);
    expect(isPermissionCode(new UserInputError("no"))).toBe(false);
  });

  it("GIVEN a database failure THEN it is told apart from the other coded errors", () => {
    expect(isStorageCode(new StorageError("STORAGE_FULL", "disk full"))).toBe(true);
    expect(isStorageCode(new InvalidDataError("bad"))).toBe(false);
  });
});
