/** How a cell shows its value in the playground's grid: the few number formats the templates use. */
import type { CellValue } from "../engine";
import { isCellError } from "../engine";

export function displayValue(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = (numFmt ?? "General").replace(/"[^"]*"/g, (q) => q); // keep quoted literals
  const suffix = /"([^"]*)"\s*$/.exec(fmt)?.[1] ?? "";
  const core = fmt.replace(/"[^"]*"/g, "").trim();
  const percent = /%/.test(core);
  const decimals = /0\.(0+)/.exec(core)?.[1].length;
  const v = percent ? value * 100 : value;
  let text: string;
  if (decimals !== undefined) text = v.toFixed(decimals);
  else if (/^0$|^0%$/.test(core)) text = Math.round(v).toString();
  else text = Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  return `${text}${percent ? "%" : ""}${suffix}`;
}
