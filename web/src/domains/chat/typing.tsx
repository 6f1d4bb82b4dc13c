import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation, useSubscription } from '@apollo/client/react';
import { WebSetTypingDocument, WebTypingDocument } from '../../graphql/graphql';
import { session } from '../../auth/session';

/** While typing the server is told again every few seconds (events expire after about 5 s). */
const REPEAT_MS = 3_000;

export function useTypingSignal(roomId: string) {
  const [setTyping] = useMutation(WebSetTypingDocument);
  const lastSent = useRef(0);
  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current < REPEAT_MS) return;
    lastSent.current = now;
    void setTyping({ variables: { roomId, isTyping: true } }).catch(() => undefined);
  }, [roomId, setTyping]);
  const stopped = useCallback(() => {
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    void setTyping({ variables: { roomId, isTyping: false } }).catch(() => undefined);
  }, [roomId, setTyping]);
  return { typed, stopped };
}

/** Who is typing now: each entry until its `expiresAt`, unless a newer event replaces it. */
export function TypingIndicator({ roomId }: { roomId: string }) {
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({});
  const [now, setNow] = useState(() => Date.now());
  useSubscription(WebTypingDocument, {
    variables: { roomId },
    onData: ({ data }) => {
      const event = data.data?.typing;
      if (!event) return;
      const self = session.state.status === 'signed-in' && session.state.viewer.id === event.user.id;
      if (self) return;
      setTyping((all) => {
        const { [event.user.id]: _previous, ...rest } = all;
        return event.isTyping ? { ...rest, [event.user.id]: { name: event.user.displayName, until: Date.parse(event.expiresAt) } } : rest;
      });
      setNow(Date.now());
    },
  });
  const active = Object.values(typing).filter((entry) => entry.until > now);
  const soonest = Math.min(...active.map((entry) => entry.until));
  useEffect(() => {
    if (!Number.isFinite(soonest)) return;
    // Re-render when the first indicator expires (a display deadline, not a wait for an event).
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, soonest - Date.now()));
    return () => clearTimeout(timer);
  }, [soonest]);
  return (
    <p className="typing" aria-live="polite">
      {active.length === 0 ? '\u00a0' : `${active.map((entry) => entry.name).join(', ')} ${active.length === 1 ? 'is' : 'are'} typing…`}
    </p>
  );
}
