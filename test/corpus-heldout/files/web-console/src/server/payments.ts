import Stripe from 'stripe';

// overseas store only
export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '«stripe-secret-key:sk_live_{{alnum:99}}»', {
  apiVersion: '2024-04-10',
});

export const testStripe = new Stripe('sk_test_{{alnum:99}}', { apiVersion: '2024-04-10' });
export const publishable = 'pk_live_{{alnum:99}}';

export const slackAlerts = '«slack-token:https://hooks.slack.com/services/T{{upper:8}}/B{{upper:10}}/{{alnum:24}}»';
