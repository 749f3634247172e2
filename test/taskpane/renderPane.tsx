/**
 * Render the task pane over a real Session and an in-memory workbook, and the small helpers the
 * pane tests share (waiting for the session to finish, Tab as a browser moves the focus).
 */
import { act, configure, render, waitFor } from "@testing-library/react";
import { Session } from "../../src/addin/session";
import type { Lang } from "../../src/addin/i18n";
import { App } from "../../src/taskpane/App";
import type { SheetSpec } from "../fixtures/sheetSpec";
import { MemoryPort, MemoryPortOptions } from "../support/memoryPort";

// jsdom lays nothing out: the toolbar's overflow watches a size that never changes, so every command stays on the toolbar.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Text queries look at what is shown; the live region repeats it for screen readers and is asserted on its own.
configure({ defaultIgnore: "script, style, [aria-live]" });

export const liveRegion = (): Element => document.querySelector('[aria-live="polite"]')!;

export function renderPane(specs: SheetSpec[], options: MemoryPortOptions & { lang?: Lang } = {}) {
  localStorage.clear(); // the language chosen in an earlier test is not this one's
  const port = new MemoryPort(specs, options);
  const session = new Session(port);
  const view = render(<App session={session} lang={options.lang ?? "zh"} />);
  return { port, session, ...view };
}

/** Wait until the session's task is over and the pane has rendered its outcome. */
export async function settled(session: Session): Promise<void> {
  await waitFor(() => expect(session.getState().busy).toBeUndefined());
  await act(async () => {});
}

const TABBABLE = "a[href], button, input, select, textarea, [tabindex]";

/** Move the focus as Tab does: the next element in document order that is in the tab sequence. */
export function pressTab(): Element {
  // Tabster's focus guards (data-tabster-dummy) pass the focus on in a browser; they are no stop of their own.
  const order = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.hasAttribute("data-tabster-dummy"));
  const next = order[order.indexOf(document.activeElement as HTMLElement) + 1] ?? order[0];
  act(() => next.focus());
  return next;
}

/** Disabled for the user: natively, or aria-disabled (kept focusable). */
export function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled || el.getAttribute("aria-disabled") === "true";
}

/** A text shown across nested elements (表中：<figure>): the innermost element whose whole text it is. */
export function wholeText(text: string) {
  return (_content: string, el: Element | null) => !!el && el.textContent === text && ![...el.children].some((child) => child.textContent === text);
}
