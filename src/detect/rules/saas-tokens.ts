import type { Rule } from '../types';
import { assignment, standalone } from '../patterns';

/**
 * Credentials of services the same teams keep beside their cloud keys: each known by a marker its
 * issuer puts in every one (a prefix, Azure's `Q~`), or by a secret-like name in a file that
 * holds the service's own id (a WeChat AppID, a Twilio Account SID).
 */

/** Not glued to a character a token of these alphabets holds. */
const NOT_TOKEN_BEFORE = '(?<![A-Za-z0-9_~.+/-])';
const NOT_TOKEN_AFTER = '(?![A-Za-z0-9_~.+/=-])';

export const azureAdClientSecret: Rule = {
  id: 'azure-ad-client-secret',
  name: 'Azure AD (Entra ID) client secret',
  provider: 'Microsoft Azure',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description:
    'Microsoft Entra ID (Azure AD) application client secret, as `az ad sp create-for-rbac` prints it: three characters, a digit and `Q~`, then 31-34 more',
  detectors: [
    {
      keywords: ['q~'],
      pattern: new RegExp(`${NOT_TOKEN_BEFORE}(?<secret>[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})${NOT_TOKEN_AFTER}`, 'g'),
    },
  ],
  shape: { minClasses: 3, minEntropy: 4 },
  examples: {
    positive: ['  "password": "{{alnum:3}}8Q~{{alnum:34}}",', 'AZURE_CLIENT_SECRET={{alnum:3}}8Q~{{alnum:31}}'],
    negative: ['AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AZURE_CLIENT_SECRET={{alnum:3}}8Q~{{alnum:20}}'],
  },
};

export const sendgridApiKey: Rule = {
  id: 'sendgrid-api-key',
  name: 'SendGrid API key',
  provider: 'Twilio SendGrid',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'SendGrid API key: SG., 22 characters, a dot and 43 more',
  detectors: [{ keywords: ['sg.'], pattern: standalone('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}') }],
  shape: { minClasses: 3, minEntropy: 4 },
  examples: {
    positive: ['SENDGRID_API_KEY=SG.{{alnum:22}}.{{alnum:43}}', "sgMail.setApiKey('SG.{{alnum:22}}.{{alnum:43}}');"],
    negative: ['SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'const text = msg.subject;'],
  },
};

/** Service tokens with a fixed prefix; each a rule of its own, so a finding says what to revoke where. */
interface Prefixed {
  id: string;
  name: string;
  provider: string;
  description: string;
  keywords: string[];
  body: string;
  positive: string[];
  negative: string[];
  hex?: boolean;
  /** A token of one case and digits: no class count (27 random upper-case characters have no digit once in 6,000). */
  oneCase?: boolean;
}

function prefixed(p: Prefixed): Rule {
  return {
    id: p.id,
    name: p.name,
    provider: p.provider,
    severity: 'high',
    kind: 'key',
    advice: 'token',
    description: p.description,
    detectors: [{ keywords: p.keywords, pattern: standalone(p.body) }],
    shape: p.hex ? { minEntropy: 2.8 } : p.oneCase ? { minEntropy: 3 } : { minClasses: 2, minEntropy: 3.5 },
    examples: { positive: p.positive, negative: p.negative },
  };
}

export const shopifyToken = prefixed({
  id: 'shopify-token',
  name: 'Shopify access token',
  provider: 'Shopify',
  description: 'Shopify Admin API access token, custom app token or shared secret (shpat_, shpca_, shppa_, shpss_ and 32 hex digits)',
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  body: 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}',
  hex: true,
  positive: ['SHOPIFY_ACCESS_TOKEN=shpat_{{hex:32}}', "accessToken: 'shpss_{{hex:32}}',"],
  negative: ['SHOPIFY_ACCESS_TOKEN=shpat_{{rep:0:32}}', 'SHOPIFY_ACCESS_TOKEN=shpat_${TOKEN}'],
});

export const pulumiAccessToken = prefixed({
  id: 'pulumi-access-token',
  name: 'Pulumi access token',
  provider: 'Pulumi',
  description: 'Pulumi Cloud access token (pul- and 40 hex digits), as `pulumi login` keeps it in ~/.pulumi/credentials.json',
  keywords: ['pul-'],
  body: 'pul-[a-f0-9]{40}',
  hex: true,
  positive: ['PULUMI_ACCESS_TOKEN=pul-{{hex:40}}', '"accessTokens": {\n  "https://api.pulumi.com": "pul-{{hex:40}}"\n}'],
  negative: ['PULUMI_ACCESS_TOKEN=pul-{{rep:0:40}}', 'PULUMI_ACCESS_TOKEN=pul-${TOKEN}', 'const pul-{{hex:39}} = 1'],
});

export const dockerSwarmToken: Rule = {
  id: 'docker-swarm-token',
  name: 'Docker Swarm join token or unlock key',
  provider: 'Docker',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description:
    'Docker Swarm join token (SWMTKN-1-, the root CA digest and the secret: anyone holding it joins the swarm as a worker or a manager) and autolock unlock key (SWMKEY-1-)',
  detectors: [
    {
      keywords: ['swmtkn-1-', 'swmkey-1-'],
      pattern: new RegExp(
        `${NOT_TOKEN_BEFORE}(?<secret>SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}|SWMKEY-1-[A-Za-z0-9+/]{43})${NOT_TOKEN_AFTER}`,
        'g',
      ),
    },
  ],
  shape: { minEntropy: 3.2 },
  examples: {
    positive: ['docker swarm join --token SWMTKN-1-{{lower:50}}-{{lower:25}} 10.0.0.2:2377', 'SWARM_UNLOCK_KEY=SWMKEY-1-{{alnum:43}}'],
    negative: [
      'docker swarm join --token SWMTKN-1-${JOIN_TOKEN} 10.0.0.2:2377',
      'docker swarm join --token SWMTKN-1-{{rep:x:50}}-{{rep:x:25}} manager:2377',
    ],
  },
};

export const linearApiKey = prefixed({
  id: 'linear-api-key',
  name: 'Linear API key',
  provider: 'Linear',
  description: 'Linear personal API key (lin_api_ and 40 letters and digits)',
  keywords: ['lin_api_'],
  body: 'lin_api_[A-Za-z0-9]{40}',
  positive: ['LINEAR_API_KEY=lin_api_{{alnum:40}}'],
  negative: ['LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
});

export const postmanApiKey = prefixed({
  id: 'postman-api-key',
  name: 'Postman API key',
  provider: 'Postman',
  description: 'Postman API key (PMAK-, 24 hex digits, a dash, 34 hex digits)',
  keywords: ['pmak-'],
  body: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}',
  hex: true,
  positive: ['POSTMAN_API_KEY=PMAK-{{hex:24}}-{{hex:34}}'],
  negative: ['POSTMAN_API_KEY=PMAK-{{rep:0:24}}-{{rep:0:34}}'],
});

export const grafanaToken = prefixed({
  id: 'grafana-token',
  name: 'Grafana token',
  provider: 'Grafana',
  description: 'Grafana service account token (glsa_) or Grafana Cloud access policy token (glc_)',
  keywords: ['glsa_', 'glc_'],
  body: '(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})',
  positive: ['GRAFANA_TOKEN=glsa_{{alnum:32}}_{{hex:8}}', 'GRAFANA_CLOUD_TOKEN=glc_{{alnum:80}}=='],
  negative: ['GRAFANA_TOKEN=glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_00000000', 'const glc_handler = require("./glc");'],
});

export const databricksToken = prefixed({
  id: 'databricks-token',
  name: 'Databricks personal access token',
  provider: 'Databricks',
  description: 'Databricks personal access token (dapi and 32 hex digits)',
  keywords: ['dapi'],
  body: 'dapi[a-f0-9]{32}(?:-[0-9])?',
  hex: true,
  positive: ['DATABRICKS_TOKEN=dapi{{hex:32}}', 'token = "dapi{{hex:32}}-2"'],
  negative: ['DATABRICKS_TOKEN=dapi{{rep:0:32}}', 'const dapiVersion = "dapi-2";'],
});

export const dopplerToken = prefixed({
  id: 'doppler-token',
  name: 'Doppler token',
  provider: 'Doppler',
  description: 'Doppler personal, service, CLI or SCIM token (dp.pt., dp.st., dp.ct., dp.scim. and 40-44 characters)',
  keywords: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.scim.', 'dp.audit.', 'dp.sa.'],
  body: 'dp\\.(?:pt|st|ct|scim|audit|sa)\\.(?:[a-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,44}',
  positive: ['DOPPLER_TOKEN=dp.pt.{{alnum:43}}', 'DOPPLER_TOKEN="dp.st.prd.{{alnum:40}}"'],
  negative: ['DOPPLER_TOKEN=dp.st.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
});

export const herokuApiKey = prefixed({
  id: 'heroku-api-key',
  name: 'Heroku API key',
  provider: 'Heroku',
  description: 'Heroku platform API key of the current format (HRKU-AA and 58 characters)',
  keywords: ['hrku-'],
  body: 'HRKU-AA[A-Za-z0-9_-]{58}',
  positive: ['HEROKU_API_KEY=HRKU-AA{{alnum:58}}'],
  negative: ['HEROKU_API_KEY=HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
});

export const atlassianApiToken = prefixed({
  id: 'atlassian-api-token',
  name: 'Atlassian API token',
  provider: 'Atlassian',
  description: 'Atlassian (Jira, Confluence, Bitbucket) API token (ATATT3 and 186 characters)',
  keywords: ['atatt3'],
  body: 'ATATT3[A-Za-z0-9_=-]{186}',
  positive: ['JIRA_API_TOKEN=ATATT3{{alnum:186}}'],
  negative: ['JIRA_API_TOKEN=ATATT3{{rep:x:186}}'],
});

export const newRelicKey = prefixed({
  id: 'new-relic-key',
  name: 'New Relic key',
  provider: 'New Relic',
  description: 'New Relic user API key (NRAK-) or ingest licence key (NRII-, NRJS-)',
  keywords: ['nrak-', 'nrii-', 'nrjs-'],
  body: '(?:NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19})',
  oneCase: true,
  positive: ['NEW_RELIC_API_KEY=NRAK-{{upper:27}}', 'license_key: NRII-{{alnum:32}}'],
  negative: ['NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX'],
});

export const sentryToken = prefixed({
  id: 'sentry-token',
  name: 'Sentry auth token',
  provider: 'Sentry',
  description: 'Sentry user auth token (sntryu_ and 64 hex digits) or organization token (sntrys_eyJ…)',
  keywords: ['sntryu_', 'sntrys_'],
  body: '(?:sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=_-]{80,600})',
  positive: ['SENTRY_AUTH_TOKEN=sntryu_{{hex:64}}', 'SENTRY_AUTH_TOKEN=sntrys_eyJ{{alnum:120}}_{{alnum:43}}'],
  negative: ['SENTRY_AUTH_TOKEN=sntryu_{{rep:0:64}}'],
});

export const discordWebhook: Rule = {
  id: 'discord-webhook',
  name: 'Discord webhook URL',
  provider: 'Discord',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'Discord webhook URL: anyone who has it can post to the channel (id and 68-character token)',
  detectors: [
    {
      keywords: ['/api/webhooks/'],
      pattern: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/(?<secret>[A-Za-z0-9_-]{60,68})(?![A-Za-z0-9_-])/g,
    },
  ],
  shape: { minClasses: 2, minEntropy: 4 },
  examples: {
    positive: ['DISCORD_WEBHOOK=https://discord.com/api/webhooks/{{digits:19}}/{{alnum:68}}'],
    negative: ['DISCORD_WEBHOOK=https://discord.com/api/webhooks/{{digits:19}}/${TOKEN}'],
  },
};

/** A WeChat AppID (`wx` and 16 hex digits), what every official account and mini program config holds. */
const WECHAT_APPID = /(?<![A-Za-z0-9])wx[0-9a-f]{16}(?![A-Za-z0-9])/;

export const wechatAppSecret: Rule = {
  id: 'wechat-app-secret',
  name: 'WeChat AppSecret',
  provider: 'Tencent WeChat',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description:
    'WeChat official account or mini program AppSecret: 32 hex digits under a secret name, in a file that holds a WeChat AppID (wx and 16 hex digits)',
  detectors: [
    {
      keywords: ['secret'],
      fileContext: WECHAT_APPID,
      candidate: 'secret.{0,40}[0-9a-f]{32}',
      pattern: assignment('(?<![A-Za-z0-9])(?:[A-Za-z0-9]{0,20}[_.-]?)?(?:[Aa]pp_?[Ss]ecret|APP_?SECRET|[Ss]ecret|SECRET)', '[0-9a-f]{32}'),
    },
  ],
  shape: { minEntropy: 2.8 },
  examples: {
    positive: ['APP_SECRET = "{{hex:32}}"  # APPID wx{{hex:16}}', "wx.init({ appId: 'wx{{hex:16}}', secret: '{{hex:32}}' });"],
    negative: [
      "wx.init({ appId: 'wx{{hex:16}}', secret: process.env.WX_SECRET });",
      'app_secret = "{{hex:32}}"',
      "wx.init({ appId: 'wx{{hex:16}}', secret: '{{rep:0:32}}' });",
    ],
  },
};

/** A Twilio Account SID (`AC` and 32 hex digits). */
const TWILIO_ACCOUNT_SID = /(?<![A-Za-z0-9])AC[0-9a-f]{32}(?![A-Za-z0-9])/;

export const twilioAuthToken: Rule = {
  id: 'twilio-auth-token',
  name: 'Twilio auth token',
  provider: 'Twilio',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description:
    'Twilio auth token: 32 hex digits under an auth-token name, in a file that holds a Twilio Account SID (AC and 32 hex digits)',
  detectors: [
    {
      keywords: [],
      fileContext: TWILIO_ACCOUNT_SID,
      candidate: 'auth.?token.{0,40}[0-9a-f]{32}',
      pattern: assignment('(?<![A-Za-z0-9])(?:[A-Za-z0-9]{0,20}[_.-]?)?(?:[Aa]uth_?[Tt]oken|AUTH_?TOKEN|auth-token)', '[0-9a-f]{32}'),
    },
  ],
  shape: { minEntropy: 2.8 },
  examples: {
    positive: ["client = Client('AC{{hex:32}}', auth_token='{{hex:32}}')", 'TWILIO_AUTH_TOKEN={{hex:32}}  # account AC{{hex:32}}'],
    negative: ["client = Client('AC{{hex:32}}', auth_token=os.environ['TWILIO_AUTH_TOKEN'])", 'AUTH_TOKEN={{hex:32}}'],
  },
};
