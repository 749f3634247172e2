/** Display names of the recognised templates (the ids are stable; the names are for people). */
import { TemplateId } from "./model";

export const TEMPLATE_NAMES: Record<TemplateId, { zh: string; en: string }> = {
  "project-national": { zh: "项目支出绩效自评表（财政部表式）", en: "Project self-evaluation (national form)" },
  "project-yunnan": { zh: "项目支出绩效单位自评表（云南表式）", en: "Project self-evaluation (Yunnan form)" },
  "project-sichuan": { zh: "部门预算项目支出绩效自评表（四川表式）", en: "Project self-evaluation (Sichuan form)" },
  "score-hierarchical": { zh: "绩效评价指标评分表", en: "Hierarchical score table" },
  "department-budget": { zh: "部门整体支出绩效自评表", en: "Department overall self-evaluation" },
  "department-goal": { zh: "部门整体支出绩效目标自评表", en: "Department goal self-evaluation" },
  "fund-use": { zh: "项目资金使用情况表", en: "Fund use table" },
};
