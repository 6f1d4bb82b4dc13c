import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors, type InteractionResults } from 'oidc-provider';
import { AppError, scopesForRoles, type Db, type FieldCipher, type Logger, type ScopeCatalog } from '@mosaic/kit';
import { findUsersByIds } from '../data/users-repo';
import { normalizeEmail } from '../domain/credentials';
import { checkPassword } from '../domain/login';
import { passChallenge, startChallenge } from '../domain/two-factor/challenge';
import { findTotpCredential } from '../data/two-factor-repo';
import { browserClient } from './client-address';
import { BadFormError, csrfTokenFor, csrfValid, readForm, sendPage } from './forms';
import { codePage, consentPage, errorPage, loginPage } from './pages';
import { mayAuthorize } from './organization-apps';
import { describeScope, GRAPH_RESOURCE, isOidcScope } from './scopes';

export interface InteractionDeps {
  provider: Provider;
  db: Db;
  now: () => Date;
  fieldCipher: FieldCipher;
  /** First signs CSRF tokens; all are accepted (rotation). */
  formKeys: readonly string[];
  /** Proxies in front of accounts' public pages (OAUTH_TRUST_PROXY_HOPS). */
  trustedProxyHops: number;
  scopeCatalog: ScopeCatalog;
  log: Logger;
}

const ROUTE = /^\/interaction\/([\w-]{1,64})(?:\/(login|code|consent|abort))?$/;

/**
 * The login and consent steps of the authorization code flow, at `/interaction/<uid>`: email +
 * password (with the same per-account, per-network limits as the login mutation), then the TOTP
 * code when two-factor is on, then consent to the scopes. All answers are HTML; oidc-provider
 * redirects back to the app once the interaction is finished.
 */
export function interactionHandler(deps: InteractionDeps) {
  const { provider } = deps;

  async function show(req: IncomingMessage, res: ServerResponse, uid: string, error?: { status: number; message: string; email?: string }) {
    const details = await provider.interactionDetails(req, res);
    const csrf = csrfTokenFor(deps.formKeys[0]!, uid);
    const client = await provider.Client.find(String(details.params.client_id));
    const clientName = client?.clientName ?? 'an app';
    if (details.prompt.name === 'login') {
      return sendPage(res, error?.status ?? 200, loginPage({ uid, csrf, clientName, ...(error ? { error: error.message } : {}), ...(error?.email ? { email: error.email } : {}) }));
    }
    const accountId = details.session?.accountId;
    const [user] = accountId ? await findUsersByIds(deps.db, [accountId]) : [];
    if (!user) return sendPage(res, 400, errorPage('Sign in again', 'This sign-in has expired. Go back to the app and start again.'));
    if (!(await mayAuthorize(deps.db, client ?? undefined, user.id))) return notAMember(res);
    const { granted, withheld } = consentScopes(deps.scopeCatalog, details.prompt.details, user.roles);
    return sendPage(res, 200, consentPage({ uid, csrf, clientName, userName: user.displayName, granted: granted.map((scope) => ({ scope, description: describeScope(deps.scopeCatalog, scope) })), withheld }));
  }

  async function login(req: IncomingMessage, res: ServerResponse, uid: string, form: URLSearchParams) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') return show(req, res, uid);
    const email = (form.get('email') ?? '').slice(0, 254);
    const password = (form.get('password') ?? '').slice(0, 1024);
    if (!email || !password) return show(req, res, uid, { status: 400, message: 'Enter your email and password.', email });
    const ctx = { db: deps.db, now: deps.now, client: browserClient(req, deps.trustedProxyHops) };
    let user;
    try {
      user = await checkPassword(ctx, normalizeEmail(email), password);
    } catch (error) {
      if (error instanceof AppError) return show(req, res, uid, { status: error.code === 'RATE_LIMITED' ? 429 : 401, message: error.message, email });
      throw error;
    }
    const credential = await findTotpCredential(deps.db, user.id);
    if (credential?.confirmedAt) {
      const { challenge } = await startChallenge(ctx, user, 'pwd');
      return sendPage(res, 200, codePage({ uid, csrf: csrfTokenFor(deps.formKeys[0]!, uid), challenge }));
    }
    await finishLogin(req, res, user.id, ['pwd']);
  }

  async function code(req: IncomingMessage, res: ServerResponse, uid: string, form: URLSearchParams) {
    const challenge = (form.get('challenge') ?? '').slice(0, 256);
    try {
      const { user, amr } = await passChallenge({ db: deps.db, now: deps.now, fieldCipher: deps.fieldCipher }, challenge, (form.get('code') ?? '').slice(0, 64));
      await finishLogin(req, res, user.id, amr);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return sendPage(res, error.code === 'RATE_LIMITED' ? 429 : 401, codePage({ uid, csrf: csrfTokenFor(deps.formKeys[0]!, uid), challenge, error: error.message }));
    }
  }

  async function finishLogin(req: IncomingMessage, res: ServerResponse, accountId: string, amr: string[]) {
    const result: InteractionResults = { login: { accountId, amr, ts: Math.floor(deps.now().getTime() / 1000), remember: false } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  async function consent(req: IncomingMessage, res: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.session?.accountId;
    if (details.prompt.name !== 'consent' || !accountId) return show(req, res, uid);
    const [user] = await findUsersByIds(deps.db, [accountId]);
    if (!user) return sendPage(res, 400, errorPage('Sign in again', 'Your account no longer exists.'));
    if (!(await mayAuthorize(deps.db, (await provider.Client.find(String(details.params.client_id))) ?? undefined, user.id))) return notAMember(res);
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) return sendPage(res, 400, errorPage('Sign in again', 'This authorization has expired. Go back to the app and start again.'));
    const prompt = details.prompt.details as PromptDetails;
    // Scopes the user cannot grant are recorded as rejected, so the app gets the rest, not a loop.
    const { granted } = consentScopes(deps.scopeCatalog, prompt, user.roles);
    const split = (scopes: readonly string[] = []) => [scopes.filter((s) => granted.includes(s)).join(' '), scopes.filter((s) => !granted.includes(s)).join(' ')] as const;
    const [oidcGranted, oidcRejected] = split(prompt.missingOIDCScope);
    const [apiGranted, apiRejected] = split(prompt.missingResourceScopes?.[GRAPH_RESOURCE]);
    if (oidcGranted) grant.addOIDCScope(oidcGranted);
    if (oidcRejected) grant.rejectOIDCScope(oidcRejected);
    if (prompt.missingOIDCClaims) grant.addOIDCClaims(prompt.missingOIDCClaims);
    if (apiGranted) grant.addResourceScope(GRAPH_RESOURCE, apiGranted);
    if (apiRejected) grant.rejectResourceScope(GRAPH_RESOURCE, apiRejected);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
  }

  /** An organisation's app, and the user is not its member: nothing to consent to. */
  function notAMember(res: ServerResponse) {
    return sendPage(res, 403, errorPage('Not your organization', "This app belongs to an organization you are not a member of. Ask one of its admins to invite you, or go back to the app."));
  }

  async function abort(req: IncomingMessage, res: ServerResponse) {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user did not allow access.' }, { mergeWithLastSubmission: false });
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const match = ROUTE.exec((req.url ?? '/').split('?', 1)[0]!);
    if (!match) return sendPage(res, 404, errorPage('Not found', 'There is no such page.'));
    const [, uid, step] = match as unknown as [string, string, string | undefined];
    try {
      if (!step) {
        if (req.method !== 'GET') return sendPage(res, 405, errorPage('Not allowed', 'Use the form on this page.'));
        return await show(req, res, uid);
      }
      if (req.method !== 'POST') return sendPage(res, 405, errorPage('Not allowed', 'Use the form on this page.'));
      const form = await readForm(req);
      if (!csrfValid(deps.formKeys, uid, form.get('csrf'), req)) return sendPage(res, 403, errorPage('Request refused', 'This form was not sent from this page. Go back to the app and start again.'));
      if (step === 'login') return await login(req, res, uid, form);
      if (step === 'code') return await code(req, res, uid, form);
      if (step === 'consent') return await consent(req, res, uid);
      return await abort(req, res);
    } catch (error) {
      if (error instanceof errors.SessionNotFound || error instanceof errors.InvalidRequest) {
        return sendPage(res, 400, errorPage('Sign in again', 'This sign-in has expired or was already used. Go back to the app and start again.'));
      }
      if (error instanceof BadFormError) return sendPage(res, 400, errorPage('Bad request', error.message));
      deps.log.error({ err: error }, 'authorization interaction failed');
      return sendPage(res, 500, errorPage('Something went wrong', 'Try again; if it keeps happening, contact support.'));
    }
  };
}

interface PromptDetails {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

/**
 * Requested scopes the user can grant and those they cannot: OpenID Connect scopes always, API
 * scopes only if the user holds them (an app never gets more than its user has).
 */
function consentScopes(catalog: ScopeCatalog, details: unknown, roles: readonly string[]): { granted: string[]; withheld: string[] } {
  const prompt = details as PromptDetails;
  const held = new Set(scopesForRoles(catalog, roles));
  const requested = [...new Set([...(prompt.missingOIDCScope ?? []), ...(prompt.missingResourceScopes?.[GRAPH_RESOURCE] ?? [])])];
  const grantable = (scope: string) => isOidcScope(scope) || held.has(scope);
  return { granted: requested.filter(grantable), withheld: requested.filter((scope) => !grantable(scope)) };
}
