/** The workbooks of the fourth corpus, in file order. */
import { WorkbookModule } from "../../corpus2/build/lib";
import { shandong } from "./w01_shandong";

export function modules(): WorkbookModule[] {
  return [shandong()];
}
