/**
 * Writes the workbooks of the real-Excel acceptance script (docs/real-excel-checklist.md) into
 * examples/host-checks/, from the test fixtures. Run: npm run host-checks
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { addToWorkbook, P, SheetSpec, withCell } from "../test/fixtures/sheetSpec";
import { procurement, sichuanProject, SichuanIndicator, smartHall } from "../test/fixtures/sichuan";
import { nationalProject } from "../test/fixtures/others";

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** The Sichuan table the checks use, with two more over-stated indicator scores (J15, J16). */
export function markedTable(name: string): SheetSpec {
  const spec = withCell(withCell(sichuanProject({ ...smartHall, sheet: name }), "H15", P(0.5)), "H16", P(0.5));
  return spec;
}

/** A Sichuan table with 600 indicators: each row merges K:L, so the sheet has more than 512 merged areas; the last score is over-stated. */
export function manyMerges(): SheetSpec {
  const n = 600;
  const items: SichuanIndicator[] = Array.from({ length: n }, (_, i) => ({
    l1: i < n / 2 ? "产出指标" : "效益指标",
    l2: "数量指标",
    name: `村级服务站点建设第${i + 1}项`,
    dir: "≥",
    target: 1,
    unit: "个",
    actual: 1,
    weight: 0.15,
    score: i === n - 1 ? 0.3 : 0.15,
  }));
  return sichuanProject({ ...procurement, sheet: "合并超过512", indicators: items, total: { weight: 100, score: 100 }, conclusion: "该项目自评总分100分。" });
}

function sized(ws: ExcelJS.Worksheet): ExcelJS.Worksheet {
  ws.columns.forEach((c) => (c.width = 12));
  ws.getColumn(2).width = 20;
  ws.getColumn(4).width = 24;
  return ws;
}

/** 01: every kind of fill on the cells that get marked, a conditional format and a note of the user's. */
function decorate(ws: ExcelJS.Worksheet): void {
  ws.getCell("J9").fill = solid("FFFFFF00");
  ws.getCell("J15").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: 0.5999938962981048 } as Partial<ExcelJS.Color> };
  ws.getCell("J16").fill = { type: "gradient", gradient: "angle", degree: 0, stops: [{ position: 0, color: { argb: "FFFFFFFF" } }, { position: 1, color: { argb: "FF4472C4" } }] };
  ws.getCell("J33").fill = { type: "pattern", pattern: "lightDown", fgColor: { argb: "FF5B9BD5" }, bgColor: { argb: "FFDDEBF7" } };
  ws.getCell("J33").note = "请财务科复核";
  ws.addConditionalFormatting({
    ref: "J15:J32",
    rules: [{ type: "expression", priority: 1, formulae: ["J15>=4"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } } }],
  });
}

/** Excel takes the calculation mode from the workbook's calcPr (ExcelJS does not write it). */
async function manualCalculation(data: ExcelJS.Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const patched = /<calcPr\b/.test(xml) ? xml.replace(/<calcPr\b/, '<calcPr calcMode="manual"') : xml.replace("</workbook>", '<calcPr calcId="191029" calcMode="manual"/></workbook>');
  zip.file("xl/workbook.xml", patched);
  return zip.generateAsync({ type: "nodebuffer" });
}

export async function writeHostChecks(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const save = async (name: string, wb: ExcelJS.Workbook, patch?: (b: ExcelJS.Buffer) => Promise<Buffer>) => {
    const data = await wb.xlsx.writeBuffer();
    const file = path.join(dir, name);
    writeFileSync(file, patch ? await patch(data) : Buffer.from(data));
    written.push(file);
  };

  // 01 — marks and their removal, first start and the first ribbon click.
  let wb = new ExcelJS.Workbook();
  decorate(sized(addToWorkbook(wb, markedTable("标记与恢复"))));
  decorate(sized(addToWorkbook(wb, markedTable("对照（不要检查）"))));
  await save("01-标记与恢复.xlsx", wb);

  // 02 — more than 512 merged areas.
  wb = new ExcelJS.Workbook();
  sized(addToWorkbook(wb, manyMerges()));
  await save("02-合并超过512.xlsx", wb);

  // 03 — Manual calculation: J33 is a live total.
  wb = new ExcelJS.Workbook();
  sized(addToWorkbook(wb, withCell(sichuanProject({ ...smartHall, sheet: "手动计算" }), "J33", { v: 100, f: "=SUM(J15:J32)+J9" })));
  await save("03-手动计算.xlsx", wb, manualCalculation);

  // 04 — text in cells that get fixed (undo writes it back as text), a threaded comment, cell-edit mode.
  wb = new ExcelJS.Workbook();
  const text = withCell(withCell(sichuanProject({ ...smartHall, sheet: "文本与批注" }), "H9", { v: "90.00%", fmt: "0.00%" }), "J9", "-");
  sized(addToWorkbook(wb, text));
  await save("04-文本与批注.xlsx", wb);

  // 05 — a hidden sheet, a protected sheet and a sheet of the user's called 核对报告.
  wb = new ExcelJS.Workbook();
  sized(addToWorkbook(wb, sichuanProject({ ...smartHall, sheet: "项目表" })));
  sized(addToWorkbook(wb, { ...withCell(sichuanProject(procurement), "J9", 12), name: "隐藏底稿" })).state = "hidden";
  const locked = sized(addToWorkbook(wb, { ...withCell(nationalProject(), "H21", 99), name: "受保护表" }));
  await locked.protect("", { formatCells: false });
  const mine = wb.addWorksheet("核对报告");
  mine.addRows([["科室自己的核对记录", "日期"], ["第一季度已复核", "2024-04-08"]]);
  await save("05-隐藏保护与同名报告.xlsx", wb);
  return written;
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(__dirname, "..", "..", "..", "examples", "host-checks");
  writeHostChecks(out).then((files) => console.log(files.map((f) => `wrote ${f}`).join("\n")));
}
