/**
 * The third blind corpus (test/corpus3, built by build/ with the second corpus's kit): workbooks modelled on forms of
 * provinces the first two corpora do not show, judged by the shared verdict (test/support/corpusVerdict.ts), and
 * rebuilt to check the committed files are what the generator writes.
 */
import { describeCorpus, testRebuild } from "../support/corpusVerdict";
import { buildAll } from "./build/build";

const dir = __dirname;

testRebuild(dir, buildAll);

describeCorpus(dir);
