import { useId, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useSession } from '../../auth/session';
import { WebOpenBankAccountDocument } from '../../graphql/graphql';
import { ErrorNotice } from '../../ui/status';

export function OpenAccount({ onOpened }: { onOpened: () => void }) {
  const id = useId();
  const state = useSession();
  const [open, { loading, error }] = useMutation(WebOpenBankAccountDocument);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const holderName = state.status === 'signed-in' ? state.viewer.displayName : '';
    void open({ variables: { input: { kind: values.get('kind') === 'SAVINGS' ? 'SAVINGS' : 'CHECKING', currency: String(values.get('currency')), name: String(values.get('name')).trim(), holderName } } }).then(() => {
      form.reset();
      onOpened();
    }, () => undefined);
  };
  return (
    <form className="row-form card" onSubmit={onSubmit} aria-label="Open a bank account">
      <label htmlFor={`${id}-name`}>New account name</label>
      <input id={`${id}-name`} name="name" required maxLength={60} />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} name="kind">
        <option value="CHECKING">Checking</option>
        <option value="SAVINGS">Savings</option>
      </select>
      <label htmlFor={`${id}-currency`}>Currency</label>
      <select id={`${id}-currency`} name="currency">
        {['EUR', 'USD', 'GBP', 'CHF'].map((code) => (
          <option key={code}>{code}</option>
        ))}
      </select>
      <button type="submit" disabled={loading}>
        Open account
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
