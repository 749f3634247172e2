/** The playground shows values as Excel (zh-CN) shows them through their number formats. */
import { displayValue } from "../../src/playground/displayValue";
import { dateSerial } from "../../src/fake-excel";

const JAN5 = dateSerial(2024, 1, 5)!;

test.each([
  [0.4362, undefined, "0.4362"],
  [1 / 3, "General", "0.333333333"],
  [123456789012, "General", "1.23457E+11"],
  [100, "General", "100"],
  [0.9759, "0.00%", "97.59%"],
  [0.98, "0%", "98%"],
  [148.64, "0.00", "148.64"],
  [5, "0.00", "5.00"],
  [1318.75, "#,##0.00", "1,318.75"],
  [1234567, "#,##0", "1,234,567"],
  [94.5, '0.00"分"', "94.50分"],
  [-1318.75, "#,##0.00_ ;[Red]-#,##0.00 ", "-1,318.75 "],
  [0, '0.00;-0.00;"-"', "-"],
  [-3, "0.00", "-3.00"],
  [12.3456, "0.0#", "12.35"],
  [12.3, "0.0#", "12.3"],
  [1500, '[$¥-804]#,##0.00', "¥1,500.00"],
  [JAN5, 'yyyy"年"m"月"d"日"', "2024年1月5日"],
  [JAN5, "yyyy/m/d", "2024/1/5"],
  [JAN5, "yyyy-mm-dd", "2024-01-05"],
  [JAN5, "mm-dd-yy", "2024/1/5"],
  [JAN5 + 0.5625, "yyyy/m/d h:mm", "2024/1/5 13:30"],
  [12345, "0.00E+00", "1.23E+04"],
] as [number, string | undefined, string][])("%p as %p shows %p", (value, format, shown) => {
  expect(displayValue(value, format)).toBe(shown);
});

test("text, errors, booleans and empty cells", () => {
  expect(displayValue("100%", "0.00%")).toBe("100%");
  expect(displayValue("优", '@"（自评）"')).toBe("优（自评）");
  expect(displayValue({ error: "#DIV/0!" })).toBe("#DIV/0!");
  expect(displayValue(true)).toBe("TRUE");
  expect(displayValue(null, "0.00")).toBe("");
});
