/**
 * The pane's language: Office's display language unless the user chose the other one in the pane.
 * The choice is the user's, not the workbook's, so it is kept in the browser's storage.
 */
import { Lang, langOf } from "../addin/i18n";

export const LANGUAGE_KEY = "selfeval.lang";

/** The language the user chose in the pane, if any (storage may be unavailable: then there is none). */
export function storedLang(): Lang | undefined {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return value === "zh" || value === "en" ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Storage refused (private mode, a policy): the choice holds until the pane closes.
  }
}

/** The language the pane opens in. */
export function initialLang(displayLanguage: string | undefined): Lang {
  return storedLang() ?? langOf(displayLanguage);
}
