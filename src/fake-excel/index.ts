/** The in-memory Excel: a workbook model and the strict fake of the Excel API subset the adapter uses. */
export { WorkbookModel, NO_FILL, applyTint, key, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "./model";
export type { Fill, SheetModel, Bounds, ConditionalFormatModel, Visibility, ExcelValue, ValueType, Hyperlink, CellLayout, PageLayoutModel } from "./model";
export { parseTyped, dateSerial } from "./typedInput";
export type { Typed } from "./typedInput";
export { FakeOfficeError } from "./api/core";
export type { FakeOfficeOptions, FakeStats } from "./api/core";
export { createFakeOffice } from "./api/office";
export type { FakeOffice, SaveResult } from "./api/office";
