/**
 * Builds the fourth corpus with the second corpus's kit (../../corpus2/build/lib.ts): every workbook module asserts
 * its arithmetic while it builds, then the .xlsx files, expected.json and the generated part of README.md are written.
 * Run: npx tsc -p test/corpus4/tsconfig.json && node dist/corpus4/test/corpus4/build/build.js
 */
import * as path from "path";
import { BuiltCorpus, buildCorpus, runBuild } from "../../corpus2/build/build";
import { modules } from "./modules";

export function buildAll(): Promise<BuiltCorpus> {
  return buildCorpus(modules());
}

if (require.main === module) runBuild(path.resolve(__dirname, "../../../../../test/corpus4"), buildAll);
