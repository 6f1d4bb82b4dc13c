import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SolidityCompiler, type CompiledContract } from './compiler';
import { exampleContracts, type ExampleName } from './examples';

export const EXAMPLE_ARTIFACTS_FILE = fileURLToPath(new URL('./examples/artifacts.json', import.meta.url));

export type ExampleArtifacts = Record<ExampleName, CompiledContract & { compilerVersion: string }>;

/**
 * The examples compiled ahead of time: deploying one needs no compiler, so it answers in
 * milliseconds instead of the seconds solc-js takes to load and compile OpenZeppelin.
 */
let loaded: ExampleArtifacts | undefined;
export const exampleArtifacts = (): ExampleArtifacts => (loaded ??= JSON.parse(readFileSync(EXAMPLE_ARTIFACTS_FILE, 'utf8')) as ExampleArtifacts);

/** What `examples:compile` writes and the freshness test compares with the committed file. */
export async function compileExamples(): Promise<ExampleArtifacts> {
  const compiler = new SolidityCompiler();
  try {
    const entries = await Promise.all(
      exampleContracts.map(async ({ example, contractName, source }) => {
        const result = await compiler.compile(source);
        const contract = result.contracts.find((c) => c.name === contractName);
        if (!contract || result.errors.length > 0) throw new Error(`${contractName} did not compile: ${result.errors.join('\n')}`);
        return [example, { ...contract, compilerVersion: result.compilerVersion }] as const;
      }),
    );
    return Object.fromEntries(entries) as ExampleArtifacts;
  } finally {
    await compiler.close();
  }
}
