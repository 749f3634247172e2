/**
 * RT5-L: a handful of corpus 2–4 sheets, as shipped and with faults injected into their new layouts, through the same
 * round in LibreOffice (e2e.ts's endToEndLibreOffice: fixes patched into the package as the CLI does, soffice
 * recalculation, read back, 插入正确等级和合计 the same way). What HyperFormula cannot vouch for: VALUE(SUBSTITUTE(…))
 * on amounts in 元 typed with separators and on “15分” scores, check-box grade formulas, stacked forms, 扣分项.
 */
import { parseA1 } from "../../src/engine";
import { gridToSpec } from "../redteam/corpusMutate";
import { endToEndLibreOffice, shown } from "../redteam2/e2e";
import { sofficePath } from "../support/libreoffice";
import { SheetSpec } from "../fixtures/sheetSpec";
import { Corpus, inject, sheetOf } from "./probe";

const SHEETS: [string, Corpus, string, string, Record<string, string | number>, boolean][] = [
  ["场馆开放-率", "corpus2", "02_shanghai_putuo_yuan.xlsx", "场馆开放补贴", { G6: "96.20%" }, false],
  ["场馆开放-分", "corpus2", "02_shanghai_putuo_yuan.xlsx", "场馆开放补贴", { H6: 10 }, false],
  ["人居环境-分", "corpus4", "02_shanxi_yuan_note.xlsx", "人居环境整治（县级）", { H8: 8 }, false],
  ["普法-分", "corpus3", "04_zhejiang_yuan.xlsx", "项目自评表（普法）", { H6: 8 }, false],
  ["口袋公园", "corpus4", "04_chongqing_district.xlsx", "口袋公园（街道）", { H17: 12, H22: 96.5 }, false],
  ["冰雪场地", "corpus4", "03_liaoning_heilongjiang.xlsx", "评分表（冰雪场地）", { I14: 11, I21: 96.3 }, false],
  ["吉林小计", "corpus4", "07_jilin_qinghai.xlsx", "吉林-农机补贴（县级）", { G19: 5, G22: 23, G25: 93, B26: "■优　□良　□中　□差" }, false],
  ["曲靖3项", "corpus2", "07_yunnan_qujing.xlsx", "项目自评表（曲靖3项）", {}, false],
  ["体育中心", "corpus2", "02_shanghai_putuo_yuan.xlsx", "体育中心（两项目）", {}, false],
  ["养护经费", "corpus4", "01_shandong_county.xlsx", "养护经费自评表", {}, false],
  ["陕西", "corpus4", "05_fujian_shaanxi_guangxi.xlsx", "陕西-农民培育", {}, false],
  ["青海人畜", "corpus4", "07_jilin_qinghai.xlsx", "青海-人畜饮水（州级）", {}, false],
  ["委员培训", "corpus2", "04_jiangxi_zhengxie.xlsx", "委员培训", {}, false],
  ["垃圾分类宣传", "corpus2", "01_beijing_haidian.xlsx", "垃圾分类宣传", {}, true],
  ["饮水安全", "corpus4", "01_shandong_county.xlsx", "饮水安全自评表", {}, true],
  ["视察调研", "corpus2", "04_jiangxi_zhengxie.xlsx", "视察调研", {}, true],
];

const describeWithLibreOffice = sofficePath() ? describe : describe.skip;
describeWithLibreOffice("RT5-L the fix round through LibreOffice", () => {
  jest.setTimeout(600000);
  let out: Awaited<ReturnType<typeof endToEndLibreOffice>>;
  beforeAll(async () => {
    const specs: SheetSpec[] = [];
    for (const [name, c, file, sheet, cells] of SHEETS) specs.push({ ...gridToSpec(inject(await sheetOf(c, file, sheet), cells)), name });
    out = await endToEndLibreOffice(specs);
  });
  const announced = (x: string) => /^CONCLUSION_SCORE_MISMATCH|^GRADE_MISMATCH.*结论中写/.test(x);
  test.each(SHEETS.map((s) => [s[0], s[5]] as [string, boolean]))("[ok] %s (clean: %s): fixed findings gone, nothing new, a second round writes nothing", (name, clean) => {
    const r = out[name];
    expect({ returned: r.returned, newErrors: r.newErrors.filter((x) => !announced(x)), secondPass: r.secondPass, changed: clean ? r.changed : [] }).toEqual({ returned: [], newErrors: [], secondPass: [], changed: [] });
  });
  const value = (name: string, cell: string) => {
    const { row, col } = parseA1(cell);
    const v = shown(out[name].final.cell(row, col));
    return typeof v === "number" ? Math.round(v * 100) / 100 : v;
  };
  test("[ok] text amounts in 元 read through VALUE(SUBSTITUTE(…)) in LibreOffice: rates and scores come out as numbers", () => {
    expect({ g6: value("场馆开放-率", "G6"), h6: value("场馆开放-分", "H6"), h8: value("人居环境-分", "H8"), b5: value("人居环境-分", "B5"), pufa: value("普法-分", "H6") }).toEqual({ g6: 86.19, h6: 8.62, h8: 9.9, b5: 97.4, pufa: 9.99 });
  });
  test("[ok] totals and grades after 插入正确等级和合计 in LibreOffice", () => {
    expect({
      koudai: value("口袋公园", "H22"), bingxue: value("冰雪场地", "I21"), jilin: value("吉林小计", "G25"), jilinGrade: value("吉林小计", "B26"),
      qujing: [value("曲靖3项", "H22"), value("曲靖3项", "H45"), value("曲靖3项", "H68")], tiyu: [value("体育中心", "H18"), value("体育中心", "H38")],
      yanghu: value("养护经费", "E21"), shaanxi: value("陕西", "G20"), qinghai: value("青海人畜", "G21"), weiyuan: value("委员培训", "H21"),
    }).toEqual({
      koudai: 94.5, bingxue: 95.3, jilin: 88, jilinGrade: "□优■良□中□差",
      qujing: [99.84, 98.88, 97.44], tiyu: [99.83, 96.67], yanghu: 97.9, shaanxi: 97.5, qinghai: 79.82, weiyuan: 99.4,
    });
  });
  test("[was a defect] 吉林 after the round in LibreOffice: the 效益 小计 shows 18 (its scores 0 + 10 + 8), not the stale 23", () => {
    expect(value("吉林小计", "G22")).toBe(18);
  });
});
