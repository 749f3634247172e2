/**
 * The playground's entry: the page paints at once (its words, the guide), while the workbook part
 * (ExcelJS, the in-browser Excel with HyperFormula, the downloads) and the sample arrive; then the
 * sample opens in the grid, with the real task pane on the Office adapter over it. No Office.js:
 * nothing here talks to Excel.
 */
import { createRoot } from "react-dom/client";
import { langOf } from "../addin/i18n";
import { Playground } from "./Playground";

const params = new URLSearchParams(location.search);
const lang = langOf(params.get("lang") === "en" ? "en-US" : "zh-CN");
const SAMPLE = "examples/%E8%87%AA%E8%AF%84%E8%A1%A8%E7%A4%BA%E4%BE%8B.xlsx"; // examples/自评表示例.xlsx

// Both start now, in parallel with the first paint.
const workbench = import(/* webpackChunkName: "workbench" */ "./workbench");
const sample = fetch(SAMPLE).then(async (response) => ({ data: await response.arrayBuffer(), fileName: decodeURIComponent(SAMPLE.split("/").pop()!) }));

createRoot(document.getElementById("root")!).render(
  <Playground
    lang={lang}
    workbench={workbench}
    sample={sample}
    syncDelayMs={Number(params.get("delay") ?? 0)}
    // The playground's Excel and the pane's session, for the browser tests to look at.
    onLoaded={(loaded) => ((globalThis as { __playground?: unknown }).__playground = loaded)}
  />,
);
