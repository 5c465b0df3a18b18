#!/usr/bin/env bash
set -euo pipefail
VERSION=${1:?usage: release.sh VERSION}

# GitLab mirror
GITLAB_TOKEN="«gitlab-token:glpat-{{alnum:20}}»"
curl --fail --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \
  "https://gitlab.acme.cn/api/v4/projects/42/repository/tags?tag_name=v$VERSION&ref=main" -X POST

# ACR temporary login (token from `aliyun cr GetAuthorizationToken`)
docker login --username=cr_temp_user --password=«alibaba-acr-password,docker-login-password,cli-password:{{b64:180}}» registry.cn-hangzhou.aliyuncs.com

npm publish --registry https://registry.npmjs.org/
git tag -a "v$VERSION" -m "release $VERSION"
git push origin "v$VERSION"
