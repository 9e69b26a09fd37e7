// After tsc: files the compiled bot loads at run time that tsc does not emit. The SQLite worker is plain
// CommonJS, started by path from beside the compiled src/db/sqlite-remote.js (see that file), so the image,
// which has dist/ but no src/, finds it there. Usage: node scripts/copy-assets.mjs [outDir, default dist]
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
const out = process.argv[2] ?? "dist";
mkdirSync(join(out, "src", "db"), { recursive: true });
copyFileSync(join("src", "db", "sqlite-worker.cjs"), join(out, "src", "db", "sqlite-worker.cjs"));
