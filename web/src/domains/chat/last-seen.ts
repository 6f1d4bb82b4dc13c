import { resumeWith } from '../../apollo/resume';

/**
 * The newest message this tab has of each room. When the socket reconnects, `messageEvents`
 * resubscribes with it as `after`, so the server replays just what was sent while away.
 */
const lastSeen = new Map<string, string>();

export function sawMessage(roomId: string, messageId: string): void {
  lastSeen.set(roomId, messageId);
}

resumeWith('WebMessageEvents', (variables) => {
  const roomId = typeof variables.roomId === 'string' ? variables.roomId : undefined;
  const seen = roomId ? lastSeen.get(roomId) : undefined;
  return seen ? { ...variables, after: seen } : variables;
});
