/**
 * Writes the bundled sample workbook (examples/自评表示例.xlsx) from the seed fixtures.
 * Run: npm run examples
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { addToWorkbook, SheetSpec } from "../test/fixtures/sheetSpec";
import { networkMaintenance, procurement, sichuanProject, smartHall } from "../test/fixtures/sichuan";
import { cityOfficeFunds, fundUse, yunnanDepartment, yunnanNearBand, yunnanProject } from "../test/fixtures/yunnan";
import { ledger, nationalProject, wuhua } from "../test/fixtures/others";

export const SAMPLE_SHEETS: SheetSpec[] = [
  sichuanProject(procurement),
  sichuanProject(smartHall),
  sichuanProject(networkMaintenance),
  yunnanProject(cityOfficeFunds),
  yunnanProject(yunnanNearBand),
  yunnanDepartment(),
  wuhua(),
  nationalProject(),
  fundUse(),
  ledger(),
];

export async function writeSample(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "自评表核对";
  for (const spec of SAMPLE_SHEETS) {
    const ws = addToWorkbook(wb, spec);
    ws.columns.forEach((c) => (c.width = 14));
    ws.getColumn(2).width = 22;
    ws.getColumn(4).width = 26;
  }
  await wb.xlsx.writeFile(file);
}

if (require.main === module) {
  const out = path.join(__dirname, "..", "..", "..", "examples", "自评表示例.xlsx");
  writeSample(process.argv[2] ?? out).then(() => console.log(`wrote ${process.argv[2] ?? out}`));
}
