import { encodeId } from '@mosaic/kit';
import { isCurrentSession } from '../domain/session-list';
import type { SessionResolvers } from '../resolvers.generated';

const SECOND_FACTORS = new Set(['otp', 'mfa']);

export const Session: SessionResolvers = {
  id: (session) => encodeId('Session', session.id),
  current: (session, _args, ctx) => isCurrentSession(ctx, session),
  secondFactorAt: (session) => (session.amr.some((method) => SECOND_FACTORS.has(method)) ? session.authTime : null),
};
