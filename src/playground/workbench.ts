/**
 * The playground's heavy part, loaded after the page has painted (its own chunk): ExcelJS and the
 * in-browser Excel with HyperFormula (loadWorkbook.ts), and the downloads (downloads.ts).
 */
import type { Session } from "../addin/session";
import type { FakeOffice, WorkbookModel } from "../fake-excel";
import { fixedWorkbook, markedWorkbook, Original, reportWorkbook, snapshot } from "./downloads";
import { openWorkbook } from "./loadWorkbook";

export interface Loaded {
  model: WorkbookModel;
  fake: FakeOffice;
  session: Session;
  original: Original;
}

export async function open(data: ArrayBuffer, fileName: string, options: { displayLanguage: string; syncDelayMs: number }): Promise<Loaded> {
  const opened = await openWorkbook(data, options);
  return { ...opened, original: snapshot(opened.model, data, fileName) };
}

export { fixedWorkbook, markedWorkbook, reportWorkbook };
