import type { Context } from '../../context';

export interface TwoFactorState {
  enabledAt: Date | null;
  recoveryCodesRemaining: number;
}

/** User.twoFactor, through loaders (one statement each for any number of users). */
export async function twoFactorStateOf(ctx: Pick<Context, 'loaders'>, userId: string): Promise<TwoFactorState> {
  const [credential, remaining] = await Promise.all([ctx.loaders.confirmedTotpByUserId.load(userId), ctx.loaders.recoveryCodesLeftByUserId.load(userId)]);
  return { enabledAt: credential?.confirmedAt ?? null, recoveryCodesRemaining: credential ? remaining : 0 };
}
