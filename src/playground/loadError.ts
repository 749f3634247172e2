/** Why a file could not be opened, for a message in the page's language (never the library's text). */
export type LoadFailure = "not-xlsx" | "encrypted" | "corrupt" | "no-sheets";

export class LoadError extends Error {
  constructor(readonly kind: LoadFailure) {
    super(kind);
    this.name = "LoadError";
  }
}
