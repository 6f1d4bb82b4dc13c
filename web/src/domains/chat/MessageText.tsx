import type { ReactNode } from 'react';

/** `<@USER_ID>` mentions shown as "@Name" (the text keeps only the id; `mentions` has the names). */
export function MessageText({ text, mentions }: { text: string; mentions: readonly { id: string; displayName: string }[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(/<@([^>\s]+)>/g)) {
    const person = mentions.find((user) => user.id === match[1]);
    parts.push(text.slice(at, match.index));
    parts.push(person ? (
      <span key={match.index} className="mention">
        @{person.displayName}
      </span>
    ) : (
      match[0]
    ));
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
