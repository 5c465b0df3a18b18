import type { Rule } from '../types';
import { alibabaAccessKeyId } from './alibaba-access-key-id';
import { alibabaAccessKeySecret } from './alibaba-access-key-secret';
import { alibabaAcrPassword } from './alibaba-acr';
import { alibabaApiGatewayAppCode } from './alibaba-appcode';
import { alibabaDashscopeApiKey } from './alibaba-dashscope';
import { alibabaStsAccessKeyId, alibabaStsAccessKeySecret, alibabaStsSecurityToken } from './alibaba-sts';
import { anthropicApiKey } from './anthropic';
import { awsAccessKeyId, awsSecretAccessKey } from './aws';
import { azureStorageAccountKey } from './azure-storage';
import { baiduCloudAccessKey } from './baidu-cloud';
import { cliPassword } from './cli-password';
import { connectionStringPassword } from './connection-string-password';
import { dingtalkRobotSecret, dingtalkRobotToken } from './dingtalk-robot';
import { dockerLoginPassword } from './docker-login-password';
import { gcpApiKey, gcpHmacKey, gcpServiceAccountKey, googleOauthCredential } from './gcp';
import { githubToken } from './github-token';
import { httpBasicAuth } from './http-basic-auth';
import { gitlabToken } from './gitlab-token';
import { huaweiCloudAccessKey } from './huawei-cloud';
import { feishuWebhook, wecomWebhook } from './im-webhooks';
import { jdcloudAccessKey } from './jdcloud';
import { netrcPassword } from './netrc-password';
import { filezillaPassword } from './filezilla-password';
import { dnsTsigKey, wifiPsk } from './network-keys';
import { jenkinsSecret } from './jenkins-secret';
import { npmToken } from './npm-token';
import { npmrcAuth } from './npmrc-auth';
import { openaiApiKey } from './openai';
import { infraPassword } from './infra-password';
import { genericSecret } from './generic-secret';
import { passwordAssignment } from './password-assignment';
import { privateKey } from './private-key';
import { s3cfgSecretKey } from './s3cfg-secret-key';
import {
  digitaloceanToken,
  dockerHubToken,
  huggingfaceToken,
  kubernetesToken,
  cratesIoToken,
  pypiToken,
  rubygemsApiKey,
  terraformCloudToken,
  telegramBotToken,
  vaultToken,
} from './service-tokens';
import {
  atlassianApiToken,
  azureAdClientSecret,
  databricksToken,
  discordWebhook,
  dockerSwarmToken,
  dopplerToken,
  grafanaToken,
  herokuApiKey,
  linearApiKey,
  newRelicKey,
  postmanApiKey,
  pulumiAccessToken,
  sendgridApiKey,
  sentryToken,
  shopifyToken,
  twilioAuthToken,
  wechatAppSecret,
} from './saas-tokens';
import { slackToken } from './slack';
import { stripeSecretKey } from './stripe';
import { tencentCloudSecretId, tencentCloudSecretKey } from './tencent-cloud';
import { volcengineAccessKey } from './volcengine';

/**
 * The catalogue. A new rule is one file in this folder and one line here. Order matters only
 * when two rules report the same secret at the same place: the earlier one is kept, so rules
 * that recognise a key by its own shape come before rules that recognise it by its name, and
 * the generic password rules come last.
 */
export const RULES: readonly Rule[] = [
  // Alibaba Cloud
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  alibabaStsAccessKeyId,
  alibabaStsAccessKeySecret,
  alibabaStsSecurityToken,
  alibabaDashscopeApiKey,
  alibabaApiGatewayAppCode,
  alibabaAcrPassword,
  dingtalkRobotToken,
  dingtalkRobotSecret,
  // Other clouds and services, by their own shape
  tencentCloudSecretId,
  awsAccessKeyId,
  baiduCloudAccessKey,
  volcengineAccessKey,
  jdcloudAccessKey,
  githubToken,
  npmToken,
  gitlabToken,
  slackToken,
  stripeSecretKey,
  openaiApiKey,
  anthropicApiKey,
  vaultToken,
  huggingfaceToken,
  dockerHubToken,
  digitaloceanToken,
  pypiToken,
  telegramBotToken,
  kubernetesToken,
  terraformCloudToken,
  rubygemsApiKey,
  cratesIoToken,
  gcpApiKey,
  googleOauthCredential,
  gcpServiceAccountKey,
  gcpHmacKey,
  privateKey,
  dnsTsigKey,
  wifiPsk,
  jenkinsSecret,
  feishuWebhook,
  wecomWebhook,
  azureAdClientSecret,
  sendgridApiKey,
  shopifyToken,
  linearApiKey,
  postmanApiKey,
  grafanaToken,
  databricksToken,
  dopplerToken,
  herokuApiKey,
  atlassianApiToken,
  newRelicKey,
  sentryToken,
  discordWebhook,
  pulumiAccessToken,
  dockerSwarmToken,
  // By name or file context
  tencentCloudSecretKey,
  wechatAppSecret,
  twilioAuthToken,
  // Huawei before AWS: both know `secret_access_key`, and Huawei's only fires in a Huawei Cloud file.
  huaweiCloudAccessKey,
  awsSecretAccessKey,
  azureStorageAccountKey,
  s3cfgSecretKey,
  // A 30-character value under a generic secret name, outside Alibaba files.
  genericSecret,
  // Account passwords (账密)
  connectionStringPassword,
  npmrcAuth,
  dockerLoginPassword,
  cliPassword,
  httpBasicAuth,
  netrcPassword,
  filezillaPassword,
  infraPassword,
  passwordAssignment,
];
