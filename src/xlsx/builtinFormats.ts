/**
 * Excel's built-in date and time formats as Chinese (zh-CN) Excel shows them. A workbook saved by
 * Chinese Excel refers to these by id only (styles.xml has no formatCode for them), so a reader
 * that does not know the id sees a bare serial number (45366 for 2024年3月15日). The codes are
 * ECMA-376 Part 1, §18.8.30 (zh-cn); 14 and 22 are the locale's short date and date-time.
 */
import { StyleBook } from "./editor";
import { JSZipPackageEditor } from "./jszipPackage";

export const ZH_CN_DATE_FORMATS: Readonly<Record<number, string>> = {
  14: "yyyy/m/d",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/**
 * The workbook with zh-CN Excel's built-in date formats written into its stylesheet wherever its
 * cells use them undefined, so that a reader that knows only the codes (ExcelJS, in the playground)
 * shows dates as Chinese Excel does. The bytes come back as they were when nothing needs defining.
 */
export async function withZhCnDateFormats(data: ArrayBuffer): Promise<ArrayBuffer> {
  // Only the parts that lead to the stylesheet are read: the sheets are left compressed.
  const pkg = await JSZipPackageEditor.open(data, (name) => /(^\[content_types\]\.xml|\.rels|workbook\.xml|styles\.xml)$/.test(name));
  if (new StyleBook(pkg).defineBuiltinFormats(ZH_CN_DATE_FORMATS).length === 0) return data;
  // Stored, not deflated: the copy is only handed to the reader.
  const bytes = await pkg.finish("STORE");
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
