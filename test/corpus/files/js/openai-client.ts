import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import Stripe from 'stripe';

export const openai = new OpenAI({ apiKey: '«openai-api-key:sk-proj-{{alnum:74}}T3BlbkFJ{{alnum:74}}»' });
export const anthropic = new Anthropic({ apiKey: '«anthropic-api-key:sk-ant-api03-{{alnum:93}}AA»' });
export const stripe = new Stripe('«stripe-secret-key:sk_live_{{alnum:99}}»');
export const stripeTest = new Stripe('sk_test_{{alnum:24}}');
export const fromEnv = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

// Keys look like sk-... ; never commit them.
export const KEY_PREFIX = 'sk-';
