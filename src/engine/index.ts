/** The engine's public surface: pure TypeScript, no Office, no DOM, no Node. */
export * from "./grid";
export * from "./findings";
export * from "./profiles";
export * from "./check";
export type { EvaluationUnit, TemplateId, Bounds } from "./model";
export * from "./templates";
export type { EvaluationSummary } from "./summary";
export * from "./present";
export { MESSAGES } from "./messages";
export type { Words } from "./messages";
