/**
 * Office start-up plumbing for the pane and the ribbon, kept with the rest of Office.js. office.js
 * defines `Office` first and inserts the host's script (which defines `Excel`) later, so nothing
 * may test for Excel before Office.onReady() has resolved. `Office.actions.associate` is defined by
 * the loader itself: ribbon functions are registered at once, because a click on a function that
 * is not yet associated is lost (#5176, #3378, #2744). If office.js is blocked, onReady never
 * resolves: start-up gives up after a timeout and says so.
 */
import type { OfficeHost } from "./host";

/** What the page found when it started. */
export type OfficeOutcome =
  | { kind: "excel"; host: OfficeHost; displayLanguage: string; dark: boolean }
  /** office.js did not load (blocked by a proxy, offline, or the page opened from disk). */
  | { kind: "no-office" }
  /** office.js loaded but Office.onReady never answered (its host scripts are blocked). */
  | { kind: "timeout" }
  /** Office answered, but this is not Excel (a browser tab, another Office application). */
  | { kind: "not-excel"; displayLanguage?: string };

/** How long start-up waits for Office.onReady before saying that Excel is not there. */
export const READY_TIMEOUT_MS = 8000;

interface OfficeGlobals {
  Office?: {
    onReady?: () => Promise<{ host: unknown }>;
    actions?: { associate(name: string, f: (event: { completed(): void }) => void): void };
    context?: {
      displayLanguage?: string;
      officeTheme?: { bodyBackgroundColor?: string };
      requirements?: { isSetSupported(name: string, version?: string): boolean };
    };
    addin?: { showAsTaskpane(): Promise<void> };
  };
  Excel?: unknown;
}

const globals = () => globalThis as unknown as OfficeGlobals;

/** A background colour ("#1F1F1F") is dark when its luminance is below the middle. */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Wait for Office (at most timeoutMs), then decide whether Excel is there. */
export async function connectToOffice(timeoutMs = READY_TIMEOUT_MS): Promise<OfficeOutcome> {
  const office = globals().Office;
  if (!office?.onReady) return { kind: "no-office" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  const info = await Promise.race([office.onReady().catch(() => ({ host: null })), timeout]);
  clearTimeout(timer);
  if (info === "timeout") return { kind: "timeout" };
  const context = globals().Office?.context;
  const displayLanguage = context?.displayLanguage;
  // Only now is the host's script there: `Excel` is defined inside Excel.
  if (String(info.host) !== "Excel" || globals().Excel === undefined) return { kind: "not-excel", displayLanguage };
  const g = globals() as unknown as OfficeHost;
  return {
    kind: "excel",
    host: { Excel: g.Excel, Office: g.Office },
    displayLanguage: displayLanguage ?? "zh-CN",
    // Office.context.officeTheme exists only where the host supplies it.
    dark: isDarkColor(context?.officeTheme?.bodyBackgroundColor),
  };
}

/**
 * Register a ribbon ExecuteFunction now: run it, then tell Office it completed (also on failure).
 * False when office.js is not there (no ribbon to serve).
 */
export function associateCommand(name: string, run: () => Promise<unknown>): boolean {
  const Office = globals().Office;
  if (!Office?.actions?.associate) return false;
  Office.actions.associate(name, async (event) => {
    try {
      await run();
    } catch {
      // The session keeps its errors in its state; nothing may stop completed() below.
    } finally {
      event.completed();
    }
  });
  return true;
}

/** Open the task pane from a ribbon command (SharedRuntime 1.1); quietly nothing where it is not available. */
export async function showTaskpane(): Promise<void> {
  const Office = globals().Office;
  if (!Office?.addin?.showAsTaskpane || Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") === false) return;
  await Office.addin.showAsTaskpane().catch(() => undefined);
}
