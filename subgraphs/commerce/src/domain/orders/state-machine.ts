import { ConflictError } from '@mosaic/kit';
import type { OrderStatus } from '../../data/tables';

/**
 * Where an order may go from each status. A partial refund is not a move (the status stays, the
 * history records the amount); refunding the rest moves to REFUNDED.
 */
export const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['PAID', 'CANCELLED'],
  PAID: ['FULFILLED', 'REFUNDED'],
  FULFILLED: ['DELIVERED', 'REFUNDED'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: [],
  REFUNDED: [],
};

export const REFUNDABLE: readonly OrderStatus[] = ['PAID', 'FULFILLED', 'DELIVERED'];

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from];
    throw new ConflictError(
      `An order that is ${from} cannot become ${to}${allowed.length ? ` (it can become ${allowed.join(' or ')})` : ' (it is final)'}.`,
      { status: from },
    );
  }
}
