/** Sheets that resemble self-evaluation tables but are not: none may give a finding. */
import { Sheet, WorkbookModule, fx, pct } from "../../corpus2/build/lib";

/** 年度考核评分汇总表: staff appraisal with 分值 in the headers, 总分 and 等次 (优秀/称职) — not a budget form. */
function appraisal(): Sheet {
  const s = new Sheet("年度考核评分汇总");
  s.widths = [6, 10, 14, 10, 10, 10, 10, 10, 10, 12];
  s.mergeRow(s.row("2023年度机关工作人员考核评分汇总表"), 1, 10);
  s.mergeRow(s.row("考核单位：办公室", null, null, null, null, null, null, "填表日期：2024年1月15日"), 8, 10);
  s.row("序号", "姓名", "职务", "德（20分）", "能（20分）", "勤（20分）", "绩（30分）", "廉（10分）", "总分", "考核等次");
  s.row(1, "张某", "主任", 19, 18.5, 19, 28, 10, 94.5, "优秀");
  s.row(2, "李某", "副主任", 18, 18, 18.5, 27, 10, 91.5, "优秀");
  // As filed: 17 + 17.5 + 18 + 25.5 + 9.5 = 87.5, typed 88 — an appraisal sheet's own typo, not a finding of this product.
  s.row(3, "王某", "科员", 17, 17.5, 18, 25.5, 9.5, 88, "称职");
  s.row(4, "赵某", "科员", 16.5, 17, 17, 24, 9.5, fx("SUM(D7:H7)"), "称职");
  s.mergeRow(s.row("说明：总分90分以上为优秀，60—89分为称职，60分以下为不称职；优秀比例不超过20%。"), 1, 10);
  return s;
}

/** 重点项目资金拨付进度表: 预算数, 已拨付, 拨付进度 against 序时进度 — rates of another kind, a 合计 row. */
function progress(): Sheet {
  const s = new Sheet("资金拨付进度");
  s.widths = [6, 30, 14, 14, 12, 12, 12, 20];
  s.mergeRow(s.row("2023年重点项目资金拨付进度表（截至11月30日）"), 1, 8);
  s.mergeRow(s.row("单位：万元"), 1, 8);
  s.row("序号", "项目名称", "年度预算数", "已拨付资金", "拨付进度", "序时进度", "差异", "备注");
  s.row(1, "乡村道路提升改造工程", 1200, 986.4, pct(0.82, "0%"), pct(11 / 12, "0.0%"), fx("E4-F4", "0.0%"), "按工程进度拨付");
  s.row(2, "农村饮水安全巩固提升", 450, 402.75, "89.5%", pct(11 / 12, "0.0%"), fx("0.895-F5", "0.0%"), null);
  s.row(3, "高标准农田建设", 860, 533.2, 62, pct(11 / 12, "0.0%"), fx("E6/100-F6", "0.0%"), "待验收后拨付尾款");
  s.row("合计", null, fx("SUM(C4:C6)"), fx("SUM(D4:D6)"), pct(0.76, "0%"), pct(11 / 12, "0.0%"), fx("E7-F7", "0.0%"), null);
  s.mergeRow(7, 1, 2);
  s.mergeRow(s.row("注：拨付进度＝已拨付资金÷年度预算数，保留整数；序时进度按11个月计算。"), 1, 8);
  return s;
}

export function lookalikes(): WorkbookModule {
  return {
    file: "05_lookalikes.xlsx",
    title: "Look-alikes (no source needed: common office sheets that share labels with the forms): a staff appraisal with 分值 in the headers, 总分 and 等次, and a fund disbursement progress table with rates and a 合计 row.",
    sheets: [
      {
        sheet: appraisal(),
        expect: {
          template: false,
          about: "年度考核评分汇总表: headers 德（20分）… 廉（10分）| 总分 | 考核等次 (优秀/称职); one 总分 that does not add up (88 for 87.5) and a live SUM — nothing here is a budget self-evaluation.",
          findings: [],
        },
      },
      {
        sheet: progress(),
        expect: {
          template: false,
          about: "重点项目资金拨付进度表: 年度预算数 | 已拨付资金 | 拨付进度 | 序时进度 | 差异, rates rounded to whole percent (986.4 ÷ 1200 = 82.2 % shown 82 %), one as text, one as bare 62 (533.2 ÷ 860 = 62.0 %), a 合计 row with SUM formulas and 76 % for 1922.35 ÷ 2510 = 76.6 %.",
          findings: [],
        },
      },
    ],
  };
}
