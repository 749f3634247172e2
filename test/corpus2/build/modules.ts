/** The workbooks of the second corpus, in file order. */
import { WorkbookModule } from "./lib";
import { beijing } from "./w01_beijing";

export function modules(): WorkbookModule[] {
  return [beijing()];
}
