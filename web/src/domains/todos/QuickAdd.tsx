import { useId, useState, type FormEvent } from 'react';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { WebQuickAddPreviewDocument, WebQuickAddTodoDocument } from '../../graphql/graphql';
import { ErrorNotice } from '../../ui/status';
import { formatDateTime } from '../../ui/format';
import { PRIORITY_LABELS } from './todo-format';

/**
 * Quick add in natural language ("Pay rent every month on the 1st at 9am #home p1"): the server's
 * reading (`quickAddPreview`) is shown first, and saving (`quickAddTodo`) saves exactly that.
 */
export function QuickAdd({ projectId, onAdded }: { projectId: string | null; onAdded: () => void }) {
  const [text, setText] = useState('');
  const [preview, previewState] = useLazyQuery(WebQuickAddPreviewDocument, { fetchPolicy: 'network-only' });
  const [save, saving] = useMutation(WebQuickAddTodoDocument);
  const [previewedText, setPreviewedText] = useState<string | null>(null);
  const id = useId();
  const parsed = previewedText === text ? previewState.data?.quickAddPreview : undefined;
  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setPreviewedText(text);
    void preview({ variables: { text } }).catch(() => undefined);
  };
  const onSave = () =>
    void save({ variables: { text, projectId } }).then(() => {
      setText('');
      setPreviewedText(null);
      onAdded();
    }, () => undefined);
  return (
    <div className="quick-add">
      <form className="row-form" onSubmit={onPreview} aria-label="Quick add">
        <label htmlFor={`${id}-text`}>Quick add</label>
        <input id={`${id}-text`} value={text} onChange={(event) => setText(event.target.value)} placeholder="Pay rent every month on the 1st at 9am #home p1" maxLength={1000} aria-describedby={`${id}-hint`} />
        <button type="submit" disabled={!text.trim() || previewState.loading}>
          Preview
        </button>
      </form>
      <p id={`${id}-hint`} className="meta">
        Dates, &quot;every …&quot;, #labels and p1–p4 are read from the text; check the preview, then save.
      </p>
      {previewState.error && <ErrorNotice error={previewState.error} />}
      {parsed && (
        <section className="card" aria-label="Quick add preview">
          <dl className="totals">
            <dt>Title</dt>
            <dd data-testid="preview-title">{parsed.title}</dd>
            <dt>Due</dt>
            <dd data-testid="preview-due">{parsed.dueAt ? formatDateTime(parsed.dueAt) : 'no date'}</dd>
            <dt>Repeats</dt>
            <dd data-testid="preview-recurrence">{parsed.recurrence ?? 'does not repeat'}</dd>
            <dt>Priority</dt>
            <dd data-testid="preview-priority">{PRIORITY_LABELS[parsed.priority]}</dd>
            <dt>Labels</dt>
            <dd data-testid="preview-labels">
              {parsed.labels.length === 0 ? 'none' : parsed.labels.map((label) => `#${label}${parsed.newLabels.includes(label) ? ' (new)' : ''}`).join(' ')}
            </dd>
          </dl>
          <button type="button" onClick={onSave} disabled={saving.loading}>
            Save todo
          </button>
          {saving.error && <ErrorNotice error={saving.error} />}
        </section>
      )}
    </div>
  );
}
