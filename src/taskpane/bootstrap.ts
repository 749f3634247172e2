/**
 * The task pane page's entry (also the ribbon's function file: one shared runtime). The page loads
 * Office.js from Microsoft's CDN with a script tag; start.ts waits for it and says so when it fails.
 */
import { startTaskpane } from "./start";

void startTaskpane(document.getElementById("root")!);
