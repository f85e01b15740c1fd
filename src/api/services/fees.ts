/** The fee the 办法 allows (国办函〔2020〕109号), by item or by page. */
import { type FeeMethod, perItemTotal, standardFee } from '../../workflow/index.js';

export interface FeeQuote {
  method: FeeMethod;
  quantity: number;
  /** Yuan for this application (perItem: the `quantity`th application of the month; perPage: that many pages). */
  fee: number;
  /** perItem only: yuan for all `quantity` applications of the month together. */
  monthTotal: number | null;
}

export function calculateFee(method: FeeMethod, quantity: number): FeeQuote {
  return {
    method,
    quantity,
    fee: standardFee(method, quantity),
    monthTotal: method === 'perItem' ? perItemTotal(quantity) : null,
  };
}
