/**
 * The third red-team set (test/redteam3, built by build/ with the second corpus's kit): real wording of conclusion,
 * goal, problem, measure and note cells placed where offices write it, judged by the shared verdict
 * (test/support/corpusVerdict.ts) exactly as test/corpus3 is, and rebuilt to check the committed files are what the
 * generator writes.
 */
import { describeCorpus, testRebuild } from "../support/corpusVerdict";
import { buildAll } from "./build/build";

const dir = __dirname;

testRebuild(dir, buildAll);

describeCorpus(dir);
