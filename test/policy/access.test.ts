import { describe, expect, it } from "vitest";
import { actors, checkAccess, readers } from "../../src/policy/access.ts";

describe("checkAccess, for the core's one command-access check", () => {
  it("GIVEN each kind of access THEN linked, unlinked and refused people get the verdict the desk answers with", () => {
    expect(checkAccess("anyone", undefined)).toEqual({ ok: true });
    expect(checkAccess(["secretariat"], undefined)).toEqual({ ok: false, reason: "not_linked" });
    expect(checkAccess(["secretariat"], "chair")).toEqual({ ok: false, reason: "refused", who: ["secretariat"] });
    expect(checkAccess(["delegate", "chair"], "chair")).toEqual({ ok: true });
  });
  it("GIVEN a matter THEN its row gives the roles that may act on and read it", () => {
    expect(actors("event_proposal")).toEqual(["delegate", "chair", "secretariat"]);
    expect(checkAccess(actors("event_proposal"), "observer").ok).toBe(false);
    expect(readers("offer")).not.toContain("observer");
    expect(readers("coordinators")).toContain("observer");
  });
});
