// Preloaded with NODE_OPTIONS=--require: every way Node reaches the network throws.
'use strict';
const fail = (what) =>
  function () {
    throw new Error(`network access attempted (${what})`);
  };
const net = require('node:net');
for (const k of ['connect', 'createConnection', 'createServer']) net[k] = fail(`net.${k}`);
net.Socket.prototype.connect = fail('net.Socket.connect');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[k] = fail(`dns.${k}`);
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[k] = fail(`dns.promises.${k}`);
for (const m of ['node:http', 'node:https', 'node:http2', 'node:tls', 'node:dgram']) {
  const mod = require(m);
  for (const k of ['request', 'get', 'connect', 'createSocket', 'createServer'])
    if (typeof mod[k] === 'function') mod[k] = fail(`${m}.${k}`);
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = fail('fetch');
