import { Octokit } from '@octokit/rest';

// release bot; the fine-grained token only has contents:write on acme/web-console
const octokit = new Octokit({ auth: '«github-token:github_pat_{{alnum:22}}_{{alnum:59}}»' });
const fromEnv = new Octokit({ auth: process.env.GITHUB_TOKEN });

export async function tagRelease(version: string, sha: string) {
  await octokit.git.createRef({ owner: 'acme', repo: 'web-console', ref: `refs/tags/v${version}`, sha });
}

export const FIXTURE_SHA = '{{hex:40}}';
export const FIXTURE_TOKEN = 'ghp_' + 'x'.repeat(36);
export { fromEnv };
