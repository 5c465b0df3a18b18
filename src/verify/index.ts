/** The verify library, bundled apart (dist/verify.js) and loaded only when a live check runs. */
export { credentialFromText, targetsFromFindings } from './credentials';
export { ENDPOINT_ENV, OFFICIAL, resolveEndpoints, type Endpoints } from './endpoint';
export type { Credential, Identity, Outcome, Provider, Target, VerifyResult, VerifyStatus } from './types';
export { hostsFor, verifyTargets } from './verify';
export { renderVerifyJson, renderVerifyText, verifyResultsJson } from '../report/verify-text';
export { verifyMessages } from '../report/messages/verify-messages';
