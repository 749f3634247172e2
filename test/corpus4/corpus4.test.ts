/**
 * The fourth blind corpus (test/corpus4, built by build/ with the second corpus's kit): workbooks modelled on forms of
 * provinces the first three corpora do not show, judged by the shared verdict (test/support/corpusVerdict.ts), and
 * rebuilt to check the committed files are what the generator writes.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { corpusFiles, describeCorpus } from "../support/corpusVerdict";
import { buildAll } from "./build/build";

const dir = __dirname;

test("the committed workbooks and expected.json are what the generator builds, byte for byte", async () => {
  const built = await buildAll();
  expect([...built.files.keys()].sort()).toEqual(corpusFiles(dir));
  for (const [name, bytes] of built.files) expect(Buffer.compare(bytes, readFileSync(path.join(dir, name)))).toBe(0);
  expect(built.expected).toBe(readFileSync(path.join(dir, "expected.json"), "utf8"));
});

describeCorpus(dir);
