/**
 * The second blind corpus (test/corpus2, built by build/): workbooks modelled on forms of provinces and offices
 * the first corpus and the seeds do not show, judged by the same verdict as the first corpus
 * (test/support/corpusVerdict.ts), and rebuilt to check the committed files are what the generator writes.
 */
import { describeCorpus, testRebuild } from "../support/corpusVerdict";
import { buildAll } from "./build/build";

const dir = __dirname;

testRebuild(dir, buildAll);

describeCorpus(dir);
