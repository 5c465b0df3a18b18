import type { Rule } from '../types';
import { standalone } from '../patterns';

/**
 * Tokens of services the same teams keep next to their cloud keys, each known by a prefix its
 * issuer puts on every token (so the shape alone says what it is, with no name around it).
 */
export const vaultToken: Rule = {
  id: 'vault-token',
  name: 'HashiCorp Vault token',
  provider: 'HashiCorp',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'HashiCorp Vault service or batch token (hvs., hvb.)',
  detectors: [{ keywords: ['hvs.', 'hvb.'], pattern: standalone('hv[sb]\\.[A-Za-z0-9_-]{24,200}') }],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: ['VAULT_TOKEN=hvs.{{alnum:24}}', 'export VAULT_TOKEN="hvb.{{alnum:90}}"'],
    negative: ['VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx', 'VAULT_TOKEN=hvs.${TOKEN}'],
  },
};

export const huggingfaceToken: Rule = {
  id: 'huggingface-token',
  name: 'Hugging Face access token',
  provider: 'Hugging Face',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'Hugging Face user access token (hf_ and 34 letters)',
  detectors: [{ keywords: ['hf_'], pattern: standalone('hf_[A-Za-z0-9]{34}') }],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: ['HF_TOKEN=hf_{{alnum:34}}', 'login(token="hf_{{alnum:34}}")'],
    negative: ['HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'from huggingface_hub import hf_hub_download'],
  },
};

export const dockerHubToken: Rule = {
  id: 'docker-hub-token',
  name: 'Docker Hub access token',
  provider: 'Docker',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'Docker Hub personal or organization access token (dckr_pat_, dckr_oat_)',
  detectors: [{ keywords: ['dckr_pat_', 'dckr_oat_'], pattern: standalone('dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,40}') }],
  shape: { minClasses: 2, minEntropy: 3.2 },
  examples: {
    positive: ['echo dckr_pat_{{alnum:27}} | docker login -u ci --password-stdin', 'DOCKERHUB_TOKEN: dckr_oat_{{alnum:32}}'],
    negative: ['DOCKERHUB_TOKEN: dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx', 'DOCKERHUB_TOKEN: dckr_pat_${{ secrets.TOKEN }}'],
  },
};

export const digitaloceanToken: Rule = {
  id: 'digitalocean-token',
  name: 'DigitalOcean token',
  provider: 'DigitalOcean',
  severity: 'critical',
  kind: 'key',
  advice: 'cloud',
  description: 'DigitalOcean personal access, OAuth or refresh token (dop_v1_, doo_v1_, dor_v1_ and 64 hex digits)',
  detectors: [{ keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'], pattern: standalone('do[opr]_v1_[0-9a-f]{64}') }],
  shape: { minEntropy: 3 },
  examples: {
    positive: ['DIGITALOCEAN_TOKEN=dop_v1_{{hex:64}}', 'token = "dor_v1_{{hex:64}}"'],
    negative: ['DIGITALOCEAN_TOKEN=dop_v1_{{rep:0:64}}', 'DIGITALOCEAN_TOKEN=dop_v1_${TOKEN}'],
  },
};

export const pypiToken: Rule = {
  id: 'pypi-token',
  name: 'PyPI API token',
  provider: 'PyPI',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'PyPI (or TestPyPI) API token: a macaroon starting pypi-AgEIcHlwaS5vcmc / pypi-AgENdGVzdC5weXBpLm9yZw',
  detectors: [
    {
      keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
      pattern: standalone('pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,300}'),
    },
  ],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: ['password = pypi-AgEIcHlwaS5vcmc{{alnum:70}}', 'TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{{alnum:60}}'],
    negative: ['password = pypi-AgEIcHlwaS5vcmc', 'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc${TOKEN}'],
  },
};

export const telegramBotToken: Rule = {
  id: 'telegram-bot-token',
  name: 'Telegram bot token',
  provider: 'Telegram',
  severity: 'high',
  kind: 'key',
  advice: 'token',
  description: 'Telegram bot token from BotFather (bot id, a colon, AA and 33 characters)',
  detectors: [{ keywords: [':aa'], pattern: /(?<![A-Za-z0-9_:-])(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g }],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: ['TELEGRAM_BOT_TOKEN={{digits:10}}:AA{{alnum:33}}', 'bot = Bot(token="{{digits:9}}:AA{{alnum:33}}")'],
    negative: ['TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'TELEGRAM_BOT_TOKEN=${BOT_TOKEN}', 'time 12:AA'],
  },
};

/** A kubeconfig (`kind: Config`), where `token:` under a user is that user's bearer token. */
const KUBECONFIG = /^kind:\s{0,4}["']?Config["']?\s{0,4}$/;

export const kubernetesToken: Rule = {
  id: 'kubernetes-token',
  name: 'Kubernetes access token',
  provider: 'Kubernetes',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description:
    "A Kubernetes user's bearer token: `token:` in a kubeconfig (kind: Config), `kubectl config set-credentials … --token=…`, and a kubeadm bootstrap token (`kubeadm join … --token abcdef.0123456789abcdef`)",
  detectors: [
    {
      keywords: [],
      fileContext: KUBECONFIG,
      candidate: 'token:.{0,4}[a-z0-9._~+/-]{20}',
      pattern: /^\s{2,16}token:\s{0,4}["']?(?<secret>[A-Za-z0-9._~+/-]{20,4096}={0,2})["']?\s{0,4}$/g,
    },
    {
      keywords: ['set-credentials'],
      pattern: /set-credentials\s.{0,200}?--token[= ]["']?(?<secret>[A-Za-z0-9._~+/-]{20,4096}={0,2})(?![A-Za-z0-9._~+/=-])/g,
    },
    { keywords: ['kubeadm'], pattern: /\s--token[= ]["']?(?<secret>[a-z0-9]{6}\.[a-z0-9]{16})(?![A-Za-z0-9])/g },
  ],
  // (A kubeadm token is lower case and digits; one in 1,300 has no digit.)
  shape: { minClasses: 2, minEntropy: 3.2, rejectIdentifiers: true, classWaiver: { minLength: 23, minEntropy: 3 } },
  examples: {
    positive: [
      'apiVersion: v1\nkind: Config\nusers:\n- name: deployer\n  user:\n    token: {{jwt}}',
      'kubectl config set-credentials ci --token={{jwt}}',
      'kubeadm join 10.0.0.10:6443 --token {{lower:6}}.{{lower:16}} --discovery-token-ca-cert-hash sha256:{{hex:64}}',
    ],
    negative: [
      'apiVersion: v1\nkind: Config\nusers:\n- name: deployer\n  user:\n    token: ${K8S_TOKEN}',
      'kind: Pod\nspec:\n  containers:\n  - name: app\n    env:\n      token: {{jwt}}',
      'kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef',
      'kubectl config set-credentials ci --token=$(cat /var/run/secrets/kubernetes.io/serviceaccount/token)',
    ],
  },
};

export const terraformCloudToken: Rule = {
  id: 'terraform-cloud-token',
  name: 'Terraform Cloud / HCP Terraform API token',
  provider: 'HashiCorp',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description:
    'Terraform Cloud (HCP Terraform) or Terraform Enterprise API token (….atlasv1.…), as `terraform login` writes it to credentials.tfrc.json',
  detectors: [{ keywords: ['.atlasv1.'], pattern: standalone('[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_-]{60,80}') }],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: [
      '{"credentials": {"app.terraform.io": {"token": "{{alnum:14}}.atlasv1.{{alnum:67}}"}}}',
      'TF_TOKEN_app_terraform_io={{alnum:14}}.atlasv1.{{alnum:67}}',
    ],
    negative: [
      '"token": "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'TF_TOKEN_app_terraform_io=${TF_API_TOKEN}',
    ],
  },
};

export const rubygemsApiKey: Rule = {
  id: 'rubygems-api-key',
  name: 'RubyGems API key',
  provider: 'RubyGems',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'RubyGems.org API key (rubygems_ and 48 hex digits), as `gem signin` writes it to ~/.gem/credentials',
  detectors: [{ keywords: ['rubygems_'], pattern: standalone('rubygems_[0-9a-f]{48}') }],
  shape: { minEntropy: 3.2 },
  examples: {
    positive: ['---\n:rubygems_api_key: rubygems_{{hex:48}}', 'GEM_HOST_API_KEY=rubygems_{{hex:48}}'],
    negative: [':rubygems_api_key: rubygems_000000000000000000000000000000000000000000000000', 'GEM_HOST_API_KEY=${RUBYGEMS_API_KEY}'],
  },
};

export const cratesIoToken: Rule = {
  id: 'crates-io-token',
  name: 'crates.io API token',
  provider: 'crates.io',
  severity: 'critical',
  kind: 'key',
  advice: 'token',
  description: 'crates.io API token (cio and 32 letters and digits), as `cargo login` writes it to ~/.cargo/credentials.toml',
  detectors: [{ keywords: ['cio'], pattern: standalone('cio[A-Za-z0-9]{32}') }],
  shape: { minClasses: 2, minEntropy: 3.5 },
  examples: {
    positive: ['[registry]\ntoken = "cio{{alnum:32}}"', 'CARGO_REGISTRY_TOKEN=cio{{alnum:32}}'],
    negative: [
      'token = "cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'const graciousnessOfTheAssociatedPrecious = 1;',
      'CARGO_REGISTRY_TOKEN=${{ secrets.CARGO_TOKEN }}',
    ],
  },
};
