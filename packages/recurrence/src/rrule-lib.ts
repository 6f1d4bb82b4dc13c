import * as rruleModule from 'rrule';

/**
 * rrule's package "main" is a UMD bundle: Node's own ESM loader (tsx, `pnpm start`) exposes it only
 * as the default export, while a bundler reads the named exports of its ESM build. Take whichever
 * this runtime provides.
 */
const lib = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

export const RRule = lib.RRule;
export type RRule = rruleModule.RRule;
export type RRuleOptions = rruleModule.Options;
