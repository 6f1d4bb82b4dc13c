import { encodeId } from '@mosaic/kit';
import type { ChainNetworkResolvers, ContractEventResolvers, LinkedAddressResolvers } from '../resolvers.generated';
import { displayAddress } from '../domain/addresses';

export const ChainNetwork: ChainNetworkResolvers = {
  chainId: ({ network }) => network.chainId,
  name: ({ network }) => network.name,
  kind: ({ network }) => network.kind,
  currencySymbol: ({ network }) => network.currencySymbol,
  latestBlock: ({ network }) => network.client.getBlockNumber({ cacheTime: 0 }),
  confirmationsRequired: ({ confirmations }) => confirmations,
};

export const LinkedAddress: LinkedAddressResolvers = {
  address: (row) => displayAddress(row.address),
};

export const ContractEvent: ContractEventResolvers = {
  contractId: (event) => encodeId('Contract', event.contractId),
};
