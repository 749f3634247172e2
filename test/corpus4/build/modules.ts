/** The workbooks of the fourth corpus, in file order. */
import { WorkbookModule } from "../../corpus2/build/lib";
import { shandong } from "./w01_shandong";
import { shanxi } from "./w02_shanxi";

export function modules(): WorkbookModule[] {
  return [shandong(), shanxi()];
}
