#!/bin/sh
# smoke test after deploy
curl -fsS -u admin:«http-basic-auth:{{password}}» https://nexus.corp.internal/service/rest/v1/status
curl -fsS -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.corp.internal/service/rest/v1/status
curl -fsS -H "Authorization: Basic ${BASIC_TOKEN}" https://api.corp.internal/health
curl -fsS https://api.corp.internal/health | jq .status
