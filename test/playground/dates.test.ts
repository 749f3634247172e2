/**
 * Dates as Chinese Excel shows them. A workbook saved by zh-CN Excel gives its dates a built-in
 * number format by id only (27–36, 50–58, and 14 and 22): its styles.xml has no format code for
 * them. The playground opens such a workbook (written here as that XML, not through ExcelJS) and
 * shows 2024年3月15日, 13时30分, 下午1时30分 … where a reader that does not know the ids shows 45366.
 */
import JSZip from "jszip";
import { dateSerial } from "../../src/fake-excel";
import { displayValue } from "../../src/playground/displayValue";
import { workbookFromXlsx } from "../../src/playground/loadWorkbook";
import { ZH_CN_DATE_FORMATS } from "../../src/xlsx/builtinFormats";
import { readXlsx } from "../../src/xlsx/readXlsx";

/** 2024-03-15 13:30:45. */
const SERIAL = dateSerial(2024, 3, 15)! + (13 * 3600 + 30 * 60 + 45) / 86400;

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

/** A workbook as zh-CN Excel writes it: one cell per built-in id, cellXfs naming the id, no <numFmts>. */
async function workbookWithBuiltinDates(ids: number[]): Promise<Buffer> {
  const zip = new JSZip();
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="日期" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="等线"/><charset val="134"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${ids.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
  const rows = ids.map((id, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${id}</t></is></c><c r="B${i + 1}" s="${i + 1}"><v>${SERIAL}</v></c></row>`).join("");
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

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
