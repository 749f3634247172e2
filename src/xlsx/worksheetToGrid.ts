/**
 * ExcelJS worksheet → engine grid, shared by the CLI (Node) and the playground (browser). Only merge
 * masters carry values: ExcelJS repeats the master's value in every cell of a merged range, which
 * would count totals several times.
 */
import type ExcelJS from "exceljs";
import { ValueType } from "exceljs";
import { Cell, CellValue, MemoryGrid, MergeArea } from "../engine/grid";

function toCellValue(v: ExcelJS.CellValue, text: () => string): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: text() };
  if (typeof v === "object") {
    if ("error" in v) return { value: { error: String((v as ExcelJS.CellErrorValue).error) } };
    if ("formula" in v || "sharedFormula" in v) {
      // Formula cells are read in worksheetToGrid (their result through `cell.result`).
      return { value: text() };
    }
    if ("richText" in v) return { value: (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("") };
    if ("text" in v) return { value: String((v as ExcelJS.CellHyperlinkValue).text) };
  }
  return { value: text() };
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): MemoryGrid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = () => {
        try {
          return cell.text;
        } catch {
          return "";
        }
      };
      // A formula's cached result comes from `cell.result`: `cell.value` drops a result of 0 (and
      // "" and false), which would make a calculated 0 look like a formula never calculated. A
      // shared formula's own text comes from `cell.formula` (translated from its master).
      const { value, formula } =
        cell.type === ValueType.Formula
          ? { value: toCellValue((cell.result ?? null) as ExcelJS.CellValue, text).value, formula: `=${cell.formula ?? ""}` }
          : toCellValue(cell.value, text);
      if (value === null && !formula) return;
      const c: Cell = { value };
      if (formula) c.formula = formula;
      if (cell.numFmt) c.numFmt = cell.numFmt;
      out[colNumber - 1] = c;
    });
    rows[rowNumber - 1] = out;
  });
  return new MemoryGrid(ws.name, rows, mergesOf(ws));
}

/** A worksheet's merged areas, as ExcelJS keeps them ("A1:I1"), in the grid's 0-based coordinates. */
export function mergesOf(ws: ExcelJS.Worksheet): MergeArea[] {
  const merges: MergeArea[] = [];
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const [a, b] = range.split(":");
    const s = ws.getCell(a);
    const e = ws.getCell(b ?? a);
    merges.push({ top: Number(s.row) - 1, left: Number(s.col) - 1, bottom: Number(e.row) - 1, right: Number(e.col) - 1 });
  }
  return merges;
}
