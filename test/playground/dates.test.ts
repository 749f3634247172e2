/**
 * Dates as Chinese Excel shows them. A workbook saved by zh-CN Excel gives its dates a built-in
 * number format by id only (27–36, 50–58, and 14 and 22): its styles.xml has no format code for
 * them. The playground opens such a workbook (written here as that XML, not through ExcelJS) and
 * shows 2024年3月15日, 13时30分, 下午1时30分 … where a reader that does not know the ids shows 45366.
 */
import JSZip from "jszip";
import { displayValue } from "../../src/playground/displayValue";
import { workbookFromXlsx } from "../../src/playground/loadWorkbook";
import { ZH_CN_DATE_FORMATS } from "../../src/xlsx/builtinFormats";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { SERIAL, workbookWithBuiltinDates } from "../support/builtinDates";


const SHOWN: [number, string][] = [
  [14, "2024/3/15"],
  [22, "2024/3/15 13:30"],
  [27, "2024年3月"],
  [28, "3月15日"],
  [29, "3月15日"],
  [30, "3-15-24"],
  [31, "2024年3月15日"],
  [32, "13时30分"],
  [33, "13时30分45秒"],
  [34, "下午1时30分"],
  [35, "下午1时30分45秒"],
  [36, "2024年3月"],
  [50, "2024年3月"],
  [51, "3月15日"],
  [52, "2024年3月"],
  [53, "3月15日"],
  [54, "3月15日"],
  [55, "下午1时30分"],
  [56, "下午1时30分45秒"],
  [57, "2024年3月"],
  [58, "3月15日"],
];

const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

test("every zh-CN built-in date format has its display pinned here", () => {
  expect(SHOWN.map(([id]) => id)).toEqual(Object.keys(ZH_CN_DATE_FORMATS).map(Number));
});

test("the playground shows dates saved with built-in format ids as Chinese Excel does", async () => {
  const data = await workbookWithBuiltinDates(SHOWN.map(([id]) => id));
  const model = await workbookFromXlsx(arrayBuffer(data));
  const shown = SHOWN.map(([id], i) => {
    // The cell keeps the date's serial number (what the engine and formulas see) and gets the format's code.
    expect(typeof model.value("日期", i, 1)).toBe("number");
    expect(model.value("日期", i, 1) as number).toBeCloseTo(SERIAL, 5);
    return [id, displayValue(model.value("日期", i, 1) as number, model.format("日期", i, 1))];
  });
  expect(shown).toEqual(SHOWN);
});

test("a format the workbook defines itself under a built-in id is its own, not replaced", async () => {
  const data = await workbookWithBuiltinDates([31]);
  const zip = await JSZip.loadAsync(data);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  zip.file("xl/styles.xml", styles.replace("<fonts", '<numFmts count="1"><numFmt numFmtId="31" formatCode="yyyy-mm-dd"/></numFmts><fonts'));
  const model = await workbookFromXlsx(arrayBuffer(await zip.generateAsync({ type: "nodebuffer" })));
  expect(displayValue(model.value("日期", 0, 1) as number, model.format("日期", 0, 1))).toBe("2024-03-15");
});

test("the command line's reader: built-in ids 27–36 and 50–58 give the bare serial number, 14 and 22 ExcelJS's text of the date", async () => {
  // Pinned as it is (the CLI reader mirrors ExcelJS, test/xlsx/readers.test.ts); the engine judges no dates.
  const data = await workbookWithBuiltinDates([14, 22, 31, 50]);
  const grid = (await readXlsx(data)).grids[0];
  expect(grid.cell(2, 1)).toEqual({ value: SERIAL });
  expect(grid.cell(3, 1)).toEqual({ value: SERIAL });
  expect(typeof grid.cell(0, 1)?.value).toBe("string");
  expect(grid.cell(0, 1)?.numFmt).toBe("mm-dd-yy");
  expect(grid.cell(1, 1)?.numFmt).toBe('m/d/yy "h":mm');
});
