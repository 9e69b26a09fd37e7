/** The fictional Northern Lakes Forum (test/fixtures/northern-lakes.yaml) and its "today", for the contract suite. */
import { contractCase } from "./forum-case.ts";
import { NORTHERN_LAKES_FILE } from "../helpers/forum.ts";

/** A June morning in Auckland, after the draft's reservation and before its comment deadline. */
export const NORTHERN_LAKES_NOW = "2025-06-10T09:00:00+12:00";
export const NORTHERN_LAKES = { dataFile: NORTHERN_LAKES_FILE, now: NORTHERN_LAKES_NOW };
export const NORTHERN_LAKES_CASE = contractCase(NORTHERN_LAKES_FILE, NORTHERN_LAKES_NOW);
