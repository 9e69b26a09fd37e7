/** A desk whose events go to a real alerter posting through the given platforms, as src/main.ts wires it. */
import { createDesk, type Desk } from "../../src/core/desk.ts";
import type { ChatPlatform } from "../../src/core/platform.ts";
import { createAlerter } from "../../src/digest/alerts.ts";
import type { DigestRuntime } from "../../src/digest/deliver.ts";
import { CICA } from "./forum.ts";

export function alerting(platforms: ChatPlatform[]) {
  return (d: Desk): Desk => {
    const rt: DigestRuntime = {
      repos: d.repos, clock: d.clock, timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", digestTz: "Asia/Almaty", platforms,
      destinations: async () => [], worker: "test", retry: { sleep: async () => {} },
    };
    return createDesk({ commands: d.commands, repos: d.repos, clock: d.clock, settings: d.settings, digestTime: "08:30", onEvent: createAlerter(rt).onEvent });
  };
}
