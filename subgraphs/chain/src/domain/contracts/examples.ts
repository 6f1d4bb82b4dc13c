import { readFileSync } from 'node:fs';

export type ExampleName = 'ERC20' | 'ERC721';

const FILES: Record<ExampleName, { contractName: string; file: string }> = {
  ERC20: { contractName: 'MosaicToken', file: 'MosaicToken.sol' },
  ERC721: { contractName: 'MosaicCollectible', file: 'MosaicCollectible.sol' },
};

/** The example contracts' Solidity sources (OpenZeppelin-based), read once. */
export const exampleContracts = (Object.keys(FILES) as ExampleName[]).map((example) => ({
  example,
  contractName: FILES[example].contractName,
  source: readFileSync(new URL(`./examples/${FILES[example].file}`, import.meta.url), 'utf8'),
}));

export const exampleContract = (example: ExampleName) => exampleContracts.find((e) => e.example === example)!;
