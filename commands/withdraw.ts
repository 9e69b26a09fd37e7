import { z } from "zod";
import { defineCommand, tokenise } from "../src/core/command.ts";
import { myPositions, withdrawPosition } from "../src/services/positions.ts";

export default defineCommand({
  name: "withdraw",
  description: { en: "Withdraw one of your delegation's positions (the record keeps its history)", ru: "Отозвать позицию своей делегации (история сохраняется)" },
  usage: { en: "/withdraw <id>   (without an id: list your open positions)", ru: "/withdraw <номер>   (без номера — список ваших позиций)" },
  examples: ["/withdraw 12", "/withdraw"],
  access: ["delegate"],
  // Without an id it lists the delegation's open positions: re-running that to turn a page is harmless.
  pageable: (f) => f.id === undefined,
  options: [{ name: "id", type: "integer", required: false, suggest: "position", description: { en: "Position number, e.g. 12", ru: "Номер позиции, например 12" } }],
  schema: z.object({ id: z.coerce.number().int().positive().optional() }),
  parseText: (text) => ({ id: tokenise(text)[0]?.replace(/^#|^P/i, "") || undefined }),
  run: (ctx, input) => (input.id === undefined ? myPositions(ctx) : withdrawPosition(ctx, input.id)),
});
