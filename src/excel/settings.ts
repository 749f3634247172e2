/**
 * The document's settings, kept small: Office stores about 2 MB for all add-ins' settings of a
 * document (#621) and reports InvalidArgument from about 1 MB (#3957). The add-in keeps only the
 * profile choice and the ids of its report sheets, and refuses to grow past its budget. saveAsync
 * can fail on the web (5001, #761): its status is checked and a failure is an error the user sees.
 */
import { PortError } from "../addin/port";
import { describe, OfficeHost } from "./host";

/** Our share of the document's settings, in bytes of JSON. */
export const SETTINGS_BUDGET = 16_000;

export const SETTING = { profile: "selfeval.profile", reports: "selfeval.reports" } as const;

export class DocumentSettings {
  constructor(private readonly host: OfficeHost) {}

  private store() {
    return this.host.Office.context.document?.settings;
  }

  get(name: string): unknown {
    const v = this.store()?.get(name);
    return v === undefined ? null : v;
  }

  /** Set a value; false when it would take our settings past the budget (the value is then not kept). */
  set(name: string, value: unknown): boolean {
    const store = this.store();
    if (!store) return false;
    const ours = Object.fromEntries(Object.values(SETTING).map((k) => [k, k === name ? value : store.get(k)]));
    if (new TextEncoder().encode(JSON.stringify(ours)).length > SETTINGS_BUDGET) return false;
    try {
      store.set(name, value);
      return true;
    } catch {
      return false;
    }
  }

  /** Write the settings into the document; a failed save throws a "settings-failed" PortError. */
  save(): Promise<void> {
    const store = this.store();
    if (!store) return Promise.resolve();
    return new Promise((resolve, reject) => {
      try {
        store.saveAsync((result) => {
          if (String(result?.status) === "failed") reject(new PortError("settings-failed", result.error?.message ?? "saveAsync failed"));
          else resolve();
        });
      } catch (e) {
        reject(new PortError("settings-failed", describe(e)));
      }
    });
  }
}
