/** The workbooks of the third corpus, in file order. */
import { WorkbookModule } from "../../corpus2/build/lib";
import { guangdong } from "./w01_guangdong";
import { jiangsu } from "./w02_jiangsu";
import { guizhou } from "./w03_guizhou";
import { zhejiang } from "./w04_zhejiang";
import { lookalikes } from "./w05_lookalikes";
import { henanGansu } from "./w06_henan_gansu";

export function modules(): WorkbookModule[] {
  return [guangdong(), jiangsu(), guizhou(), zhejiang(), lookalikes(), henanGansu()];
}
