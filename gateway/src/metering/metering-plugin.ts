import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { QuotaExceededError } from '@mosaic/kit';
import type { GatewayContext } from '../context';
import type { ApiMeter } from './api-meter';

/**
 * Every operation whose verified token names an organisation (`org_id`) is one API call of that
 * organisation — queries and mutations over HTTP and graphql-ws alike (subscriptions are not
 * counted yet). Over the plan's monthly limit it is refused before anything executes:
 * QUOTA_EXCEEDED naming the plan and the limit, HTTP 429 with Retry-After until the month ends.
 */
export function meteringPlugin(meter: ApiMeter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const organizationId = contextValue.viewer?.tenant?.id;
      if (!organizationId) return;
      return {
        async didResolveOperation({ operation }) {
          if (!operation || operation.operation === 'subscription') return;
          const admission = await meter.admit(organizationId);
          if (admission.allowed) return;
          const { plan, period, resetsAt } = admission;
          const retryAfter = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
          const error = new QuotaExceededError(
            `This organization's ${plan.planName} plan allows ${plan.maxApiCallsPerMonth} API calls per month and ${period} has used them all. Upgrade the plan, or wait until ${resetsAt.toISOString()}.`,
            { quota: 'apiCallsPerMonth', limit: plan.maxApiCallsPerMonth, plan: plan.plan },
          );
          Object.assign(error.extensions, { period, resetsAt: resetsAt.toISOString(), http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } });
          throw error;
        },
      };
    },
  };
}
