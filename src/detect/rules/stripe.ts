import type { Rule } from '../types';
import { standalone } from '../patterns';

export const stripeSecretKey: Rule = {
  id: 'stripe-secret-key',
  name: 'Stripe live secret key',
  provider: 'Stripe',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'Stripe live secret or restricted key (sk_live_…, rk_live_…); test-mode keys are not flagged',
  detectors: [{ keywords: ['sk_live_', 'rk_live_'], pattern: standalone('[sr]k_live_[A-Za-z0-9]{20,247}') }],
  shape: { stripPrefix: 'sk_live_', minClasses: 2, minEntropy: 3.2 },
  examples: {
    positive: ['STRIPE_SECRET_KEY=sk_live_{{alnum:24}}', 'Stripe.apiKey = "rk_live_{{alnum:99}}";'],
    negative: ['STRIPE_SECRET_KEY=sk_test_{{alnum:24}}', 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
