/** The workbooks of the second corpus, in file order. */
import { WorkbookModule } from "./lib";
import { beijing } from "./w01_beijing";
import { shanghai } from "./w02_shanghai";
import { tianjin } from "./w03_tianjin";
import { jiangxi } from "./w04_jiangxi";
import { sichuan } from "./w05_sichuan";
import { dazhou } from "./w06_dazhou";
import { qujing } from "./w07_qujing";
import { central } from "./w08_central";
import { hierarchical } from "./w09_hierarchical";
import { lookalikes } from "./w10_lookalikes";
import { variants } from "./w11_variants";

export function modules(): WorkbookModule[] {
  return [beijing(), shanghai(), tianjin(), jiangxi(), sichuan(), dazhou(), qujing(), central(), hierarchical(), lookalikes(), variants()];
}
