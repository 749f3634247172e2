/**
 * A stand-in for Microsoft's office.js in the browser tests of the task pane (built in development
 * only, never deployed). It behaves as office.js does inside Excel: `Office` and `Office.actions`
 * exist at once; the host's part (`Excel`, Office.context, the end of Office.onReady) arrives later.
 * The test sets window.__shimConfig before the page loads and drives the ribbon through
 * window.__shim.click(name), which resolves when the command called completed().
 */
import { openWorkbook } from "./loadWorkbook";

interface ShimConfig {
  /** How long the host's part takes to arrive. */
  excelDelayMs?: number;
  /** The host Office reports: "Excel", or null for a browser tab. */
  host?: string | null;
  /** Office.onReady never resolves (the host's scripts are blocked). */
  never?: boolean;
  displayLanguage?: string;
}

type Command = (event: { completed(): void }) => unknown;

const config: ShimConfig = (window as { __shimConfig?: ShimConfig }).__shimConfig ?? {};
const commands = new Map<string, Command>();
const shown: number[] = [];
let arrive: (info: { host: string | null }) => void = () => undefined;
const ready = new Promise<{ host: string | null }>((resolve) => (arrive = resolve));

const Office = {
  onReady: (callback?: (info: { host: string | null }) => void) => ready.then((info) => (callback?.(info), info)),
  actions: { associate: (name: string, f: Command) => void commands.set(name, f) },
  context: undefined as unknown,
  addin: { showAsTaskpane: async () => void shown.push(Date.now()) },
};
(window as { Office?: unknown }).Office = Office;

(window as { __shim?: unknown }).__shim = {
  shown,
  registered: () => [...commands.keys()],
  /** A ribbon click: resolves with true once the command has called completed() (false: nothing registered, the click is lost). */
  click: (name: string) =>
    new Promise<boolean>((resolve) => {
      const f = commands.get(name);
      if (!f) return resolve(false);
      void f({ completed: () => resolve(true) });
    }),
};

async function hostArrives(): Promise<void> {
  if (config.never) return;
  const sample = await fetch("examples/%E8%87%AA%E8%AF%84%E8%A1%A8%E7%A4%BA%E4%BE%8B.xlsx");
  const { fake, model } = await openWorkbook(await sample.arrayBuffer(), { displayLanguage: config.displayLanguage ?? "zh-CN" });
  // openWorkbook points the global Office at the fake (for office-js-helpers): this page's Office is the shim.
  (window as { Office?: unknown }).Office = Office;
  await new Promise((resolve) => setTimeout(resolve, config.excelDelayMs ?? 0));
  const host = config.host === undefined ? "Excel" : config.host;
  Office.context = { ...fake.Office.context, requirements: fake.Office.context.requirements };
  if (host === "Excel") (window as { Excel?: unknown }).Excel = fake.Excel;
  (window as { __playground?: unknown }).__playground = { model, fake };
  arrive({ host });
}

void hostArrives();
