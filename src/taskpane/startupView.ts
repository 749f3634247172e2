/**
 * What the pane shows before the session exists: that it is connecting to Excel, or why it cannot
 * (office.js blocked, Excel not answering, opened outside Excel) and where else to check a
 * workbook. Plain DOM, so that it shows even before React and Fluent have started.
 */
import { format, Lang, STRINGS } from "../addin/i18n";
import { READY_TIMEOUT_MS } from "../excel/startup";

export type StartupState = "connecting" | "no-office" | "timeout" | "not-excel";

export function renderStartup(root: HTMLElement, state: StartupState, lang: Lang): void {
  const words = STRINGS[lang];
  root.textContent = "";
  const main = document.createElement("main");
  main.lang = lang === "zh" ? "zh-CN" : "en";
  main.style.cssText = "font-family: 'Segoe UI', 'Microsoft YaHei', sans-serif; font-size: 14px; line-height: 1.5; padding: 12px 16px; max-width: 640px;";
  const title = document.createElement("h1");
  title.textContent = words.appName;
  title.style.cssText = "font-size: 20px; margin: 0 0 12px;";
  main.append(title);
  const message = document.createElement("p");
  message.dataset.startup = state;
  if (state === "connecting") {
    message.setAttribute("role", "status");
    message.textContent = words.startup.connecting;
    main.append(message);
  } else {
    message.setAttribute("role", "alert");
    message.textContent = format(words.startup[state], { seconds: READY_TIMEOUT_MS / 1000 });
    const elsewhere = document.createElement("p");
    elsewhere.textContent = words.startup.elsewhere;
    const list = document.createElement("ul");
    for (const text of [words.startup.playground, words.startup.cli]) {
      const item = document.createElement("li");
      item.textContent = text;
      list.append(item);
    }
    main.append(message, elsewhere, list);
  }
  root.append(main);
}
