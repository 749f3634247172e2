/**
 * Weights: WEIGHT_TOTAL_MISMATCH (indicators vs the declared block / table weight),
 * SECTION_WEIGHT_MISMATCH (产出指标（50%）vs its indicators), LEVEL_WEIGHT_MISMATCH (hierarchical
 * tables: each level's 分值 vs its children), WEIGHT_CAP_EXCEEDED (profile cap per indicator).
 */
import { value } from "../facts";
import { asShown, num, sumText } from "../format";
import { MESSAGES } from "../messages";
import { LevelGroup } from "../model";
import { baseLabel } from "../recognize/labels";
import { readWeight } from "../values";
import { Rule, RuleContext } from "./types";

const TOLERANCE = 0.005 + 1e-9;

/**
 * Weight of a group's contents: its children's own weights (or, lacking one, their contents).
 * `unknown` when one of them is unreadable: such a sum is not checked (the cell is reported once,
 * as unreadable, and never counted as 0).
 */
function contentWeight(ctx: RuleContext, g: LevelGroup): { sum: number; parts: number[]; counted: boolean; unknown: boolean; altSum: number } {
  const parts: number[] = [];
  /** The same parts with each child's own weight replaced by what its children give. */
  const altParts: number[] = [];
  let counted = false;
  let unknown = false;
  if (g.children.length > 0) {
    for (const child of g.children) {
      if (child.weight) {
        parts.push(child.weight.value);
        // A child whose weight disagrees with its own children: the parent may fit either figure.
        const inner = contentWeight(ctx, child);
        altParts.push(inner.counted && !inner.unknown ? inner.sum : child.weight.value);
        counted = true;
      } else if (child.unreadableWeight) {
        unknown = true;
      } else {
        const inner = contentWeight(ctx, child);
        unknown ||= inner.unknown;
        if (inner.counted) {
          parts.push(inner.sum);
          altParts.push(inner.altSum);
          counted = true;
        }
      }
    }
  } else {
    for (const item of g.items) {
      if (item.isDeduction) continue;
      const f = ctx.facts.byItem.get(item);
      if (f?.weight?.reading.kind === "unreadable") unknown = true;
      const w = value(f?.weight);
      if (w !== undefined) {
        parts.push(w);
        altParts.push(w);
        counted = true;
      }
    }
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { sum: total(parts), parts, counted, unknown, altSum: total(altParts) };
}

function checkGroups(ctx: RuleContext, groups: LevelGroup[], hierarchical: boolean, sectionDefaults: Record<string, number> | null) {
  for (const g of groups) {
    let declared = g.weight;
    let fromProfile = false;
    if (!declared && g.level === 1 && sectionDefaults) {
      const d = sectionDefaults[baseLabel(g.label)];
      if (d !== undefined) {
        declared = { value: d, at: g.labelAt, declared: true };
        fromProfile = true;
      }
    }
    // Both the weight column and a label that declares another weight (产出（45分） | 40) are checked.
    for (const claim of declared ? [declared, ...(g.labelWeight ? [{ ...g.labelWeight, declared: true }] : [])] : []) {
      const content = contentWeight(ctx, g);
      // A child reported for its own children does not make its parent wrong too (one fault, one finding).
      const fits = (x: number) => Math.abs(x - claim.value) <= TOLERANCE;
      if (content.counted && !content.unknown && !fits(content.sum) && !fits(content.altSum)) {
        const name = baseLabel(g.label) || g.label;
        const shown = content.parts.length > 1 && content.parts.length <= 12 ? `${sumText(content.parts)} = ${num(content.sum)}` : num(content.sum);
        ctx.report({
          code: hierarchical ? "LEVEL_WEIGHT_MISMATCH" : "SECTION_WEIGHT_MISMATCH",
          severity: "error",
          at: claim.at,
          stated: claim.value,
          expected: asShown(content.sum),
          message:
            claim !== declared
              ? MESSAGES.labelWeight(name, claim.value, hierarchical, shown)
              : hierarchical
                ? MESSAGES.levelWeight(name, claim.value, shown)
                : MESSAGES.sectionWeight(name, claim.value, fromProfile ? ctx.profile.name : undefined, shown),
        });
      }
    }
    checkGroups(ctx, g.children, hierarchical, null);
  }
}

export const weights: Rule = {
  name: "weights",
  meta: {
    codes: {
      WEIGHT_TOTAL_MISMATCH: { section: "weights", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "分值合计不符", en: "Weights total" }, value: "weight" },
      SECTION_WEIGHT_MISMATCH: { section: "weights", name: { zh: "一级指标分值不符", en: "Section weight" }, value: "weight" },
      LEVEL_WEIGHT_MISMATCH: { section: "weights", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "上下级分值不符", en: "Level weights" }, value: "weight" },
      WEIGHT_CAP_EXCEEDED: { section: "weights", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "单项分值超过上限", en: "Weight above the cap" }, value: "weight" },
    },
  },
  check(ctx) {
    const { unit, facts, profile, view } = ctx;
    const table = unit.indicators;
    if (!table || table.scoresOnly) return;
    const weightsReadable = facts.items.every((i) => i.item.isDeduction || i.weight?.reading.kind !== "unreadable");
    const itemWeights = facts.items.filter((i) => !i.item.isDeduction).map((i) => value(i.weight)).filter((w): w is number => w !== undefined);
    if (itemWeights.length === 0) return;
    const sum = itemWeights.reduce((a, b) => a + b, 0);

    const declared = table.declaredBlockWeight;
    if (declared && weightsReadable && Math.abs(sum - declared.value) > TOLERANCE) {
      ctx.report({
        code: "WEIGHT_TOTAL_MISMATCH",
        severity: "error",
        at: declared.at,
        stated: declared.value,
        expected: asShown(sum),
        message: MESSAGES.blockWeight(declared.value, sum),
      });
    }
    // The total row's weight agrees when it matches the indicators at any level of the table (the
    // declared block weight, the items, or the top-level groups), with or without the execution
    // weight; a disagreement between levels is reported once, where it is.
    const execWeight = facts.exec?.weight?.value;
    const topLevel = table.groups.length > 0 ? table.groups.map((g) => g.weight?.value ?? contentWeight(ctx, g).sum).reduce((a, b) => a + b, 0) : undefined;
    const references = [...new Set([declared?.value, sum, table.hierarchical ? topLevel : undefined].filter((x): x is number => x !== undefined))];
    // A whole table is worth 100: with an execution weight beside it, the indicators are the rest.
    const acceptedFor = (stated: number) =>
      execWeight === undefined || table.hierarchical
        ? references
        : Math.abs(stated - 100) <= TOLERANCE
          ? references.map((r) => r + execWeight)
          : references.flatMap((r) => [r, r + execWeight]);
    const topLevelKnown = table.groups.every((g) => g.weight || (!g.unreadableWeight && !contentWeight(ctx, g).unknown));
    // A budget part that could not be read may carry the points the indicators do not: not judged.
    // Nor an execution score whose 分值 could not be found.
    const execWeightUnknown = !!facts.exec?.score && !facts.exec.weight;
    for (const at of weightsReadable && topLevelKnown && !unit.unreadBudget && !execWeightUnknown ? (table.totalRow?.weights ?? []) : []) {
      const r = readWeight(view.cell(at.row, at.col));
      if (r.kind !== "number") continue;
      const accepted = acceptedFor(r.value);
      if (accepted.some((a) => Math.abs(a - r.value) <= TOLERANCE)) continue;
      const expected = accepted.reduce((best, a) => (Math.abs(a - r.value) < Math.abs(best - r.value) ? a : best), accepted[0]);
      const base = references.find((x) => Math.abs(x - expected) <= TOLERANCE);
      ctx.report({
        code: "WEIGHT_TOTAL_MISMATCH",
        severity: "error",
        at,
        stated: r.value,
        expected: asShown(expected),
        message:
          // A whole table is worth 100: then the indicators are what does not add up.
          Math.abs(r.value - 100) <= TOLERANCE
            ? MESSAGES.wholeTableWeight(sum, !table.hierarchical ? execWeight : undefined)
            : base === undefined && execWeight !== undefined
              ? MESSAGES.totalWeightWithExec(expected, execWeight, r.value)
              : MESSAGES.totalWeight(expected, r.value),
      });
    }

    const sectionDefaults = unit.template === "project-yunnan" ? profile.sectionWeights : null;
    checkGroups(ctx, table.groups, table.hierarchical, sectionDefaults);

    // The cap is written for the project form's third-level indicators (临沧 2022 notice), not for
    // department-wide score tables.
    const cap = unit.template.startsWith("project-") ? profile.indicatorWeightCap : null;
    if (cap !== null) {
      for (const it of facts.items) {
        const w = value(it.weight);
        if (w === undefined || it.item.isDeduction || w <= cap + TOLERANCE || !it.weight) continue;
        ctx.report({
          code: "WEIGHT_CAP_EXCEEDED",
          severity: "error",
          at: it.weight.at,
          stated: w,
          expected: cap,
          message: MESSAGES.weightCap(it.item.name || "该指标", w, profile.name, cap),
        });
      }
    }
  },
};
