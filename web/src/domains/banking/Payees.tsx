import { useId, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { shownError, useStepUp } from '../../auth/StepUp';
import { WebAddPayeeDocument } from '../../graphql/graphql';
import { Empty, ErrorNotice } from '../../ui/status';

export interface Payee {
  id: string;
  name: string;
  maskedNumber: string;
}

export function Payees({ payees, onAdded }: { payees: readonly Payee[]; onAdded: () => void }) {
  const id = useId();
  const [add, { loading, error }] = useMutation(WebAddPayeeDocument);
  const { run, prompt } = useStepUp();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const input = { name: String(values.get('name')).trim(), accountNumber: String(values.get('accountNumber')).replace(/\s+/g, '') };
    void run(() => add({ variables: { input } })).then((result) => {
      if (!result?.data?.addPayee) return;
      form.reset();
      onAdded();
    }, () => undefined);
  };
  const failure = shownError(error);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Payees</h2>
      {payees.length === 0 ? (
        <Empty>No saved payees.</Empty>
      ) : (
        <ul aria-label="Payees">
          {payees.map((payee) => (
            <li key={payee.id}>
              {payee.name} <span className="mono">{payee.maskedNumber}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="row-form" onSubmit={onSubmit} aria-label="Add a payee">
        <label htmlFor={`${id}-name`}>Payee name</label>
        <input id={`${id}-name`} name="name" required maxLength={100} />
        <label htmlFor={`${id}-number`}>Payee account number</label>
        <input id={`${id}-number`} name="accountNumber" required inputMode="numeric" pattern="[\d ]{12,24}" />
        <button type="submit" disabled={loading}>
          Add payee
        </button>
      </form>
      {prompt}
      {failure && <ErrorNotice error={failure} />}
    </section>
  );
}
