#!/usr/bin/env bash
# Post the build result to chat and to the artifact store.
set -euo pipefail

SLACK_WORKFLOW_URL="https://hooks.slack.com/workflows/«slack-token:T{{upper:10}}/A{{upper:10}}/{{digits:18}}/{{alnum:24}}»"
SLACK_BOT_TOKEN="«slack-token:xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}»"
# placeholders from the setup guide
EXAMPLE_TOKEN="xoxb-12345-abcd234"
CONFIG_TOKEN="xoxe.xoxp-1-RANDOMSTRINGHERE"
GITHUB_TOKEN="«github-token:ghs_{{digits:7}}_{{jwt}}»"

curl -sS -X POST "https://artifacts.corp.internal/upload" \
  -H "Content-Type: application/octet-stream" \
  --data-binary @build.tgz \
  -u ci-bot:«http-basic-auth:{{password}}»

curl -sS --user 'release:«http-basic-auth:{{password}}»' https://nexus.corp.internal/service/rest/v1/status
curl -sS -H "Authorization: Basic {{jwt}}" https://legacy.corp.internal/ping
curl -sS --user "$NEXUS_USER:$NEXUS_PASS" https://nexus.corp.internal/
MONGO_URL="mongodb://mongodb:mongodb@localhost:27017/test"
