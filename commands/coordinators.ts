import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { findCoordinators } from "../src/services/coordinators.ts";

export default defineCommand({
  name: "coordinators",
  description: { en: "Who coordinates and co-coordinates each priority area, with tenures and pending offers", ru: "Координаторы и сокоординаторы приоритетных областей, сроки и предложения" },
  usage: { en: "/coordinators [dimension, area or state]", ru: "/coordinators [измерение, область или государство]" },
  examples: ["/coordinators ICT", "/coordinators terror", "/coordinators Bangladesh", "/coordinators economic"],
  access: ["delegate", "chair", "secretariat", "observer"],
  readOnly: true,
  options: [{ name: "query", type: "string", required: false, suggest: "area", description: { en: "Dimension, priority area or state", ru: "Измерение, приоритетная область или государство" } }],
  schema: z.object({ query: z.string().trim().max(200).optional() }),
  parseText: (text) => ({ query: text.trim() || undefined }),
  run: (ctx, input) => findCoordinators(ctx, input.query),
});
