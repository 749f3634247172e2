/**
 * The development corpus (test/corpus, from shared/corpus): workbooks modelled on other provinces'
 * forms, judged by the corpus verdict (test/support/corpusVerdict.ts).
 */
import * as path from "path";
import { describeCorpus } from "../support/corpusVerdict";

describeCorpus(path.join(__dirname, "..", "corpus"));
