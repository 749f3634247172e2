import { checkSheet, Finding, FindingCode, ProfileId } from "../../../src/engine";
import { SheetSpec, toGrid } from "../../fixtures/sheetSpec";

export const brief = (f: Finding) => ({ code: f.code, severity: f.severity, cell: f.cell, stated: f.stated, expected: f.expected });

export function findingsOf(spec: SheetSpec, profile?: ProfileId): Finding[] {
  return checkSheet(toGrid(spec), { profile }).findings;
}

export function only(spec: SheetSpec, code: FindingCode, profile?: ProfileId) {
  return findingsOf(spec, profile).filter((f) => f.code === code);
}
