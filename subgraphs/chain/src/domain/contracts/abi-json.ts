import type { AbiParameter } from 'viem';

/** ABI values as JSON: bigints as decimal strings, arrays and structs walked. */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  return value;
}

export class ArgumentError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/**
 * JSON arguments to ABI values by the parameters' types: integers from decimal strings (or safe
 * JSON numbers) to bigints, tuples from objects or arrays. Anything else is left for viem's
 * encoder, which rejects what does not fit the type.
 */
export function fromJsonArgs(parameters: readonly AbiParameter[], args: unknown, path = 'args'): unknown[] {
  if (args === undefined || args === null) args = [];
  if (!Array.isArray(args)) throw new ArgumentError('must be a JSON array of the arguments, in ABI order', path);
  if (args.length !== parameters.length) throw new ArgumentError(`expects ${parameters.length} argument(s) (${parameters.map((p) => `${p.type} ${p.name ?? ''}`.trim()).join(', ')}), got ${args.length}`, path);
  return parameters.map((parameter, i) => fromJsonValue(parameter, args[i], `${path}[${i}]`));
}

function fromJsonValue(parameter: AbiParameter, value: unknown, path: string): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(parameter.type);
  if (array) {
    if (!Array.isArray(value)) throw new ArgumentError(`must be an array (${parameter.type})`, path);
    const element = { ...parameter, type: array[1]! } as AbiParameter;
    return value.map((item, i) => fromJsonValue(element, item, `${path}[${i}]`));
  }
  if (parameter.type === 'tuple' && 'components' in parameter) {
    const components = parameter.components;
    if (Array.isArray(value)) return components.map((component, i) => fromJsonValue(component, value[i], `${path}[${i}]`));
    if (value && typeof value === 'object') return Object.fromEntries(components.map((c, i) => [c.name ?? String(i), fromJsonValue(c, (value as Record<string, unknown>)[c.name ?? String(i)], `${path}.${c.name}`)]));
    throw new ArgumentError('must be an object or array (tuple)', path);
  }
  if (/^u?int\d*$/.test(parameter.type)) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
    throw new ArgumentError(`must be an integer as a decimal string (${parameter.type})`, path);
  }
  if (parameter.type === 'bool' && typeof value !== 'boolean') throw new ArgumentError('must be true or false (bool)', path);
  if ((parameter.type === 'string' || parameter.type === 'address' || parameter.type.startsWith('bytes')) && typeof value !== 'string') {
    throw new ArgumentError(`must be a string (${parameter.type})`, path);
  }
  return value;
}
