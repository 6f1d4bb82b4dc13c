import { NotFoundError } from '@mosaic/kit';
import type { AuthorizedAppResolvers } from '../resolvers.generated';

export const AuthorizedApp: AuthorizedAppResolvers = {
  client: async (app, _args, ctx) => {
    const client = await ctx.loaders.oauthClientById.load(app.clientId);
    if (!client) throw new NotFoundError('OAuthClient', app.clientId);
    return { id: client.id, name: client.name };
  },
};
