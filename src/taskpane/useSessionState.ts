import { useCallback, useSyncExternalStore } from "react";
import type { Session, SessionState } from "../addin/session";

/** The session's state, re-rendering on every change (the session hands out a new object per change). */
export function useSessionState(session: Session): SessionState {
  const subscribe = useCallback((onChange: () => void) => session.subscribe(onChange), [session]);
  const getSnapshot = useCallback(() => session.getState(), [session]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
