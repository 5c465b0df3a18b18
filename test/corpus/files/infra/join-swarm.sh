#!/bin/sh
# Adds this host to the production swarm.
set -eu
docker swarm join \
  --token «docker-swarm-token:SWMTKN-1-{{lower:50}}-{{lower:25}}» \
  10.20.0.11:2377
# After a manager restart:
# echo «docker-swarm-token:SWMKEY-1-{{alnum:43}}» | docker swarm unlock
