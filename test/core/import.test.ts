import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { parse, stringify } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { failInserts } from "../helpers/faults.ts";
import { ImportError, importDataSet, parseDataFile } from "../../src/db/importer.ts";

const tmp = (name: string, content: string) => {
  const f = join(tmpdir(), `dd-${process.pid}-${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(f, content);
  return f;
};

describe("data import (npm run import)", () => {
  let app: TestApp;
  beforeEach(async () => { app = await testApp(); });
  afterEach(async () => { await app.close(); });

  const counts = async () => {
    const p = app.db.prisma;
    return [await p.state.count(), await p.priorityArea.count(), await p.appointment.count(), await p.offer.count(), await p.position.count(), await p.paragraph.count(), await p.deadline.count(), await p.cbmEvent.count()];
  };

  it("GIVEN the CICA data set imported again THEN nothing changes (idempotent)", async () => {
    const before = await counts();
    await importDataSet(app.repos, parseDataFile("data/cica.yaml"), new Date(), "again");
    await importDataSet(app.repos, parseDataFile("data/cica.yaml"), new Date(), "again");
    expect(await counts()).toEqual(before);
  });

  it("GIVEN a good file with a new state and an updated area THEN both are loaded and the cache refreshed", async () => {
    const file = tmp("good.yaml", stringify({
      version: 1,
      states: [{ code: "MNG", nameEn: "Mongolia", nameRu: "Монголия", kind: "member", aliases: ["Mongol Uls"], source: "test" }],
      areas: [{ id: "tourism", dimension: "economic", nameEn: "Tourism", nameRu: "Туризм", aliases: ["travel"], source: "test" }],
      appointments: [{ id: "mng-tourism-co", area: "tourism", state: "MNG", role: "co_coordinator", tenure: "2024-2026", source: "test" }],
    }));
    const summary = await importDataSet(app.repos, parseDataFile(file), new Date(), file);
    expect(summary.states).toBe(1);
    // On the seeds' date (23 August 2023) the term has not started: listed as approved, not as serving.
    expect(await app.text("India", "/coordinators travel")).toMatch(/Approved, not yet started: Mongolia — Co-coordinator \(2024-2026, from 1 January 2024\)/);
    expect(await app.text("India", "/coordinators Mongol Uls")).toMatch(/Mongolia coordinates:/);
  });

  it("GIVEN a bad file THEN the error names the record and the field, and nothing is imported", async () => {
    const file = tmp("bad.yaml", stringify({
      version: 1,
      states: [{ code: "BTN", nameEn: "Bhutan", nameRu: "Бутан", kind: "member", source: "t" }],
      offers: [{ id: "mng-offer", area: "tourism", state: "MN", role: "co_coordinator", status: "pending", source: "t" }],
    }));
    expect(() => parseDataFile(file)).toThrowError(/offers\[0\] \(mng-offer\): field state: expected an ISO 3166-1 alpha-3 code/);
    expect(await app.db.prisma.state.findUnique({ where: { code: "BTN" } })).toBeNull();
  });

  it("GIVEN a file whose references are broken THEN the whole file is refused and earlier records in it are not half-imported", async () => {
    const file = tmp("refs.yaml", stringify({
      version: 1,
      states: [{ code: "BTN", nameEn: "Bhutan", nameRu: "Бутан", kind: "member", source: "t" }],
      appointments: [{ id: "x", area: "no-such-area", state: "BTN", role: "coordinator", source: "t" }],
    }));
    await expect(importDataSet(app.repos, parseDataFile(file), new Date(), file)).rejects.toThrowError(ImportError);
    await expect(importDataSet(app.repos, parseDataFile(file), new Date(), file)).rejects.toThrowError(/appointments\[0\] \(x\): field area: unknown priority area "no-such-area"/);
    expect(await app.db.prisma.state.findUnique({ where: { code: "BTN" } })).toBeNull();
  });

  it("GIVEN a failure in the middle of the transaction THEN no record of the file remains", async () => {
    const data = parse(readFileSync("data/cica.yaml", "utf8"));
    data.states = [{ code: "BTN", nameEn: "Bhutan", nameRu: "Бутан", kind: "member", source: "t" }];
    data.events = [{ id: "e-fail", year: 2024, title: "T", organisers: ["BTN"], status: "planned", source: "t" }];
    const file = tmp("midway.yaml", stringify(data));
    await failInserts(app.db, "CbmEvent", "disk full", { column: "id", value: "e-fail" });
    await expect(importDataSet(app.repos, parseDataFile(file), new Date(), file)).rejects.toThrow();
    expect(await app.db.prisma.state.findUnique({ where: { code: "BTN" } })).toBeNull();
  });
});
