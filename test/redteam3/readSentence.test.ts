/**
 * The texts of the third red-team set read one by one with readSentence (src/engine/recognize/statements.ts): a text
 * that states the table's result gives its score(s) and grade(s); a context text (goal, plan, rule, band note, another
 * thing's score or grade, a negation) gives none. Texts from cells that are not statement cells (评分标准, 偏差原因,
 * signature lines) are left out (`unit: false` in build/texts.ts).
 */
import { readSentence } from "../../src/engine/recognize/statements";
import { T } from "./build/texts";

const rows = Object.values(T)
  .filter((t) => t.unit !== false)
  .map((t) => [t.id, t.text, t.scores, t.grades] as const);

describe("readSentence on real wording", () => {
  test.each(rows)("%s %j → scores %j", (_id, text, scores) => expect(readSentence(text).scores.map((s) => s.value)).toEqual(scores));
  test.each(rows.map(([id, text, , grades]) => [id, text, grades] as const))("%s %j → grades %j", (_id, text, grades) => expect(readSentence(text).grades.map((g) => g.grade)).toEqual(grades));
});
