/** The workbooks of the fourth corpus, in file order. */
import { WorkbookModule } from "../../corpus2/build/lib";
import { shandong } from "./w01_shandong";
import { shanxi } from "./w02_shanxi";
import { liaoningHeilongjiang } from "./w03_liaoning_heilongjiang";
import { chongqing } from "./w04_chongqing";
import { fujianShaanxiGuangxi } from "./w05_fujian_shaanxi_guangxi";
import { lookalikes } from "./w06_lookalikes";
import { jilinQinghai } from "./w07_jilin_qinghai";

export function modules(): WorkbookModule[] {
  return [shandong(), shanxi(), liaoningHeilongjiang(), chongqing(), fujianShaanxiGuangxi(), lookalikes(), jilinQinghai()];
}
