/** The in-memory Excel: a workbook model and the strict fake of the Excel API subset the adapter uses. */
export { WorkbookModel, NO_FILL } from "./model";
export type { Fill, SheetModel } from "./model";
export { createFakeOffice, FakeOfficeError } from "./api";
export type { FakeOffice, FakeOfficeOptions, FakeStats } from "./api";
