/**
 * The playground's entry: an in-browser Excel (src/fake-excel) loaded with the bundled sample, the
 * Office adapter on top of it, and the real task pane. No Office.js: nothing here talks to Excel.
 */
import { createRoot } from "react-dom/client";
import { langOf } from "../addin/i18n";
import { openWorkbook } from "./loadWorkbook";
import { Loaded, Playground } from "./Playground";

const params = new URLSearchParams(location.search);
const displayLanguage = params.get("lang") === "en" ? "en-US" : "zh-CN";
const SAMPLE = "examples/%E8%87%AA%E8%AF%84%E8%A1%A8%E7%A4%BA%E4%BE%8B.xlsx"; // examples/自评表示例.xlsx

async function loadWorkbook(data: ArrayBuffer): Promise<Loaded> {
  const opened = await openWorkbook(data, { displayLanguage, syncDelayMs: Number(params.get("delay") ?? 0) });
  // The playground's Excel, for the browser tests to look at.
  (globalThis as { __playground?: unknown }).__playground = { model: opened.model, fake: opened.fake };
  return opened;
}

async function start() {
  const root = document.getElementById("root")!;
  const response = await fetch(SAMPLE);
  const initial = await loadWorkbook(await response.arrayBuffer());
  createRoot(root).render(<Playground initial={initial} lang={langOf(displayLanguage)} open={async (file) => loadWorkbook(await file.arrayBuffer())} />);
}

void start();
