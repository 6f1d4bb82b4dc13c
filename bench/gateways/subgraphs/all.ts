import { accounts } from './accounts';
import { inventory } from './inventory';
import { products } from './products';
import { reviews } from './reviews';

/** The four subgraphs of the public benchmark's federation scenario. */
export const SUBGRAPHS = [accounts, inventory, products, reviews];
