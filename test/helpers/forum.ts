import { loadForum } from "../../src/forum/load.ts";

/** The CICA forum description (data/cica.yaml, section forum:), as the bot loads it at start. */
export const CICA = loadForum("data/cica.yaml");
/** The fictional second forum (test/fixtures/northern-lakes.yaml): nothing CICA-specific in it. */
export const NORTHERN_LAKES_FILE = "test/fixtures/northern-lakes.yaml";
