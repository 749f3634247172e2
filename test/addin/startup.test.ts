/**
 * @jest-environment jsdom
 *
 * Start-up that cannot lose, with the real start code over a scripted office.js: `Office` is there
 * at once, `Excel` only when the host's script arrives, and Office.onReady resolves after that. A
 * ribbon click that comes before the pane has mounted waits for the session and is not lost.
 * Without Office, or when it never answers, the pane says so within seconds and points elsewhere.
 */
import { act, waitFor } from "@testing-library/react";
import { startTaskpane } from "../../src/taskpane/start";
import { MARK_FILL } from "../../src/excel/officeAdapter";
import { createFakeOffice, WorkbookModel } from "../../src/fake-excel";
import { toGrid } from "../fixtures/sheetSpec";
import { sichuanProject, smartHall } from "../fixtures/sichuan";

import { TextEncoder } from "util";

// jsdom has no TextEncoder (browsers do); the fake measures request sizes with it.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

type Handler = (event: { completed(): void }) => Promise<void>;
const g = globalThis as { Office?: unknown; Excel?: unknown };

function setLanguage(lang: string) {
  Object.defineProperty(window.navigator, "language", { value: lang, configurable: true });
}

/** An office.js as Excel serves it: the loader (Office, Office.actions) now, the host later. */
function scriptedOffice(displayLanguage = "zh-CN") {
  const model = new WorkbookModel();
  const spec = sichuanProject(smartHall);
  model.addGrid(toGrid(spec));
  const fake = createFakeOffice(model, { displayLanguage });
  const handlers = new Map<string, Handler>();
  let hostArrives: (info: { host: string | null }) => void = () => undefined;
  const shown: number[] = [];
  g.Office = {
    onReady: () => new Promise((resolve) => (hostArrives = resolve)),
    actions: { associate: (name: string, f: Handler) => handlers.set(name, f) },
    context: fake.Office.context,
    addin: { showAsTaskpane: async () => void shown.push(1) },
  };
  delete g.Excel;
  return {
    model,
    sheet: spec.name,
    handlers,
    shown,
    /** The host's script arrives (Excel is defined), then onReady resolves. */
    arrive(host: string | null = "Excel") {
      if (host === "Excel") g.Excel = fake.Excel;
      hostArrives({ host });
    },
  };
}

function newRoot(): HTMLElement {
  document.body.innerHTML = "";
  const root = document.createElement("div");
  document.body.append(root);
  return root;
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

test("Excel arrives late and the ribbon is clicked before the pane has mounted: the click waits, checks, marks and opens the pane", async () => {
  setLanguage("zh-CN");
  const office = scriptedOffice();
  const root = newRoot();
  const started = startTaskpane(root, 5000);
  // The ribbon's function is registered at once, before Office is ready.
  expect([...office.handlers.keys()]).toEqual(["checkSheet"]);
  expect(root.querySelector("[role=status]")?.textContent).toBe("正在连接 Excel…");
  let completed = 0;
  const click = office.handlers.get("checkSheet")!({ completed: () => completed++ });
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(completed).toBe(0);
  await act(async () => office.arrive());
  await act(async () => click);
  expect(completed).toBe(1);
  const at = (r: number, c: number) => office.model.displayedFill(office.sheet, r, c);
  expect([at(8, 9), at(32, 9)]).toEqual([MARK_FILL.error, MARK_FILL.error]);
  expect(office.shown).toHaveLength(1);
  // The pane, mounted after Office was ready, shows what the ribbon found.
  const session = await started;
  expect(session?.getState().result?.findings.map((f) => f.cell)).toEqual(["J9", "J33"]);
  await waitFor(() => expect(root.querySelector("h1")?.textContent).toBe("自评表核对"));
  await waitFor(() => expect(root.querySelector('li[data-cell="J9"]')).not.toBeNull());
});

test("office.js did not load (blocked, offline): the pane says so at once, in the browser's language, and points to the playground and the command line", async () => {
  setLanguage("zh-CN");
  const root = newRoot();
  const session = await startTaskpane(root, 5000);
  expect(session).toBeUndefined();
  const alert = root.querySelector("[role=alert]");
  expect(alert?.getAttribute("data-startup")).toBe("no-office");
  expect(alert?.textContent).toMatch(/office\.js/);
  expect(root.textContent).toContain("playground.html");
  expect(root.textContent).toContain("npx selfeval check");
});

test("Office.onReady never answers: after the timeout the pane says so (English when the browser is English)", async () => {
  setLanguage("en-US");
  scriptedOffice("en-US");
  const root = newRoot();
  const t0 = Date.now();
  const session = await startTaskpane(root, 200);
  expect(session).toBeUndefined();
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(root.querySelector("[role=alert]")?.getAttribute("data-startup")).toBe("timeout");
  expect(root.textContent).toMatch(/Excel did not answer/);
  expect(root.textContent).toMatch(/command line/);
});

test("opened in a browser tab (Office answers with no host): not Excel; a ribbon click completes without doing anything", async () => {
  setLanguage("zh-CN");
  const office = scriptedOffice();
  const root = newRoot();
  const started = startTaskpane(root, 5000);
  let completed = 0;
  const click = office.handlers.get("checkSheet")!({ completed: () => completed++ });
  office.arrive(null);
  expect(await started).toBeUndefined();
  await click;
  expect(completed).toBe(1);
  expect(office.shown).toHaveLength(0);
  expect(root.querySelector("[role=alert]")?.textContent).toMatch(/未连接到 Excel/);
});
