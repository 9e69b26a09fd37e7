// In every test file: each read whose plan is made from a cached shape is also compiled afresh, and a plan that
// differs from the compiler's own throws (src/db/plan-cache.ts), so the whole suite checks the shapes.
import { verifyPlans } from "../../src/db/plan-cache.ts";

verifyPlans(true);
