import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { findCoordinators } from "../src/services/coordinators.js";
export default defineCommand({
    name: "coordinators",
    description: { en: "Who coordinates and co-coordinates each priority area, with tenures and pending offers", ru: "Координаторы и сокоординаторы приоритетных областей, сроки и предложения" },
    usage: { en: "/coordinators [area or state]", ru: "/coordinators [область или государство]" },
    examples: ["/coordinators ICT", "/coordinators terror", "/coordinators Bangladesh"],
    access: ["delegate", "chair", "secretariat", "observer"],
    options: [{ name: "query", type: "string", required: false, suggest: "area", description: { en: "Priority area or state", ru: "Приоритетная область или государство" } }],
    schema: z.object({ query: z.string().trim().max(200).optional() }),
    parseText: (text) => ({ query: text.trim() || undefined }),
    run: (ctx, input) => findCoordinators(ctx, input.query),
});
//# sourceMappingURL=coordinators.js.map