import { useState } from 'react';
import { useSubscription } from '@apollo/client/react';
import { WebRemindersDocument } from '../../graphql/graphql';
import { formatDateTime } from '../../ui/format';

interface Toast {
  id: string;
  title: string;
  dueAt: string | null;
}

/**
 * Your reminders as they fire (`reminders` subscription), shown as notifications that stay until
 * dismissed; a live region announces them. Mounted once for the whole signed-in app.
 */
export function ReminderToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useSubscription(WebRemindersDocument, {
    onData: ({ data }) => {
      const reminder = data.data?.reminders;
      if (!reminder?.todo) return;
      const toast = { id: reminder.id, title: reminder.todo.title, dueAt: reminder.todo.dueAt ?? null };
      setToasts((all) => (all.some((t) => t.id === toast.id) ? all : [...all, toast]));
    },
  });
  return (
    <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="status">
          <p>
            <strong>Reminder:</strong> {toast.title}
            {toast.dueAt && <> (due {formatDateTime(toast.dueAt)})</>}
          </p>
          <button type="button" aria-label={`Dismiss the reminder for ${toast.title}`} onClick={() => setToasts((all) => all.filter((t) => t.id !== toast.id))}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
