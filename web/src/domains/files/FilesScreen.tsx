import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebDeleteFileDocument, WebFilesDocument, WebSetFilePublicLinkDocument, WebShareFileDocument, WebUnshareFileDocument, type StoredFileFragment } from '../../graphql/graphql';
import { formatBytes, formatDateTime } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { uploadFile, type UploadProgress } from './upload';

interface Person {
  id: string;
  displayName: string;
}

export default function FilesScreen() {
  const id = useId();
  const { data, loading, error, refetch } = useQuery(WebFilesDocument);
  const files = data?.me?.files?.edges.map((edge) => edge.node) ?? [];
  const usage = data?.me?.storageUsage;
  // People to share with: the members of your organisations (other than you).
  const people = new Map<string, Person>();
  for (const membership of data?.me?.organizations ?? []) for (const member of membership.organization.members) if (member.user.id !== data?.me?.id) people.set(member.user.id, member.user);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Files</h1>
      {usage && (
        <p className="meta">
          <progress max={usage.quotaBytes} value={usage.bytesUsed} aria-label="Storage used" /> {formatBytes(usage.bytesUsed)} of {formatBytes(usage.quotaBytes)} used · {usage.fileCount} files
        </p>
      )}
      <Upload onUploaded={() => void refetch()} />
      {loading && !data && <Loading label="Loading your files…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && files.length === 0 && <Empty>No files yet. Upload one above.</Empty>}
      <ul className="cards" aria-label="Files">
        {files.map((file) => (
          <FileCard key={file.id} file={file} people={[...people.values()]} onDeleted={() => void refetch()} />
        ))}
      </ul>
    </section>
  );
}

function Upload({ onUploaded }: { onUploaded: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const file = input.current?.files?.[0];
    if (!file) return;
    setFailure(null);
    setDone(null);
    setProgress({ loaded: 0, total: file.size });
    uploadFile(file, setProgress).then(
      () => {
        setDone(`Uploaded ${file.name}.`);
        form.reset();
        onUploaded();
      },
      (error: Error) => setFailure(error.message),
    ).finally(() => setProgress(null));
  };
  return (
    <form className="row-form" onSubmit={onSubmit} aria-label="Upload a file">
      <label htmlFor={`${id}-file`}>File to upload</label>
      <input id={`${id}-file`} ref={input} type="file" required />
      <button type="submit" disabled={progress !== null}>
        {progress ? 'Uploading…' : 'Upload'}
      </button>
      {progress && (
        <progress max={progress.total || 1} value={progress.loaded} aria-label="Upload progress">
          {Math.round((progress.loaded / (progress.total || 1)) * 100)} %
        </progress>
      )}
      {done && (
        <span role="status" className="meta">
          {done}
        </span>
      )}
      {failure && <ErrorNotice error={failure} />}
    </form>
  );
}

function FileCard({ file, people, onDeleted }: { file: StoredFileFragment; people: readonly Person[]; onDeleted: () => void }) {
  const id = useId();
  const [share, sharing] = useMutation(WebShareFileDocument);
  const [unshare, unsharing] = useMutation(WebUnshareFileDocument);
  const [setPublic, publishing] = useMutation(WebSetFilePublicLinkDocument);
  const [remove, removing] = useMutation(WebDeleteFileDocument);
  const error = sharing.error ?? unsharing.error ?? publishing.error ?? removing.error;
  const notYet = people.filter((person) => !file.sharedWith.some((user) => user.id === person.id));
  const onShare = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get('user') ?? '');
    if (userId) void share({ variables: { input: { fileId: file.id, userId } } }).catch(() => undefined);
  };
  return (
    <li className="card" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{file.name}</h2>
      {file.thumbnailUrl && <img src={file.thumbnailUrl} alt={`Preview of ${file.name}`} className="thumbnail" />}
      <p className="meta">
        {file.contentType} · {formatBytes(file.size)} · <time dateTime={file.createdAt}>{formatDateTime(file.createdAt)}</time>
      </p>
      <p>
        <a href={file.downloadUrl} download={file.name}>
          Download <span className="visually-hidden">{file.name}</span>
        </a>
      </p>
      <p>
        <button type="button" aria-pressed={file.publicUrl !== null} disabled={publishing.loading} onClick={() => void setPublic({ variables: { input: { fileId: file.id, enabled: file.publicUrl === null } } }).catch(() => undefined)}>
          Public link <span className="visually-hidden">for {file.name}</span>
        </button>
      </p>
      {file.publicUrl && (
        <p>
          <a href={file.publicUrl}>
            Public link<span className="visually-hidden"> to {file.name}</span>
          </a>
          : <code>{file.publicUrl}</code>
        </p>
      )}
      {file.sharedWith.length > 0 && (
        <ul aria-label={`${file.name} is shared with`}>
          {file.sharedWith.map((user) => (
            <li key={user.id}>
              {user.displayName}{' '}
              <button type="button" className="link" aria-label={`Stop sharing ${file.name} with ${user.displayName}`} onClick={() => void unshare({ variables: { input: { fileId: file.id, userId: user.id } } }).catch(() => undefined)}>
                stop sharing
              </button>
            </li>
          ))}
        </ul>
      )}
      {notYet.length > 0 && (
        <form className="row-form" onSubmit={onShare} aria-label={`Share ${file.name}`}>
          <label htmlFor={`${id}-user`}>Share with</label>
          <select id={`${id}-user`} name="user">
            {notYet.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
          <button type="submit" disabled={sharing.loading}>
            Share
          </button>
        </form>
      )}
      <button type="button" aria-label={`Delete ${file.name}`} disabled={removing.loading} onClick={() => void remove({ variables: { id: file.id } }).then(onDeleted, () => undefined)}>
        Delete
      </button>
      {error && <ErrorNotice error={error} />}
    </li>
  );
}
