/** The console delivers a reply's files by writing them under ./exports/ (or the given folder) and printing the paths. */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { ReplyFile } from "../../services/reply.ts";

export function saveFiles(dir: string, files: ReplyFile[]): string[] {
  if (!files.length) return [];
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    // basename: a file name can never climb out of the folder.
    const path = resolve(join(dir, basename(f.name)));
    writeFileSync(path, f.data);
    return path;
  });
}
