// Load client for bench/realtime/run.sh: stock socket.io-client v4 sockets, websocket transport.
//   node load.js hold   URL SECRET COUNT ACCOUNT_BASE   opens COUNT sockets, 20 agents per account from ACCOUNT_BASE
//   node load.js listen URL SECRET COUNT ACCOUNT [FILE]  opens COUNT sockets of one agent in ACCOUNT, measures the
//                                                        latency of message:new (now - sentAt), writes it to FILE
// Every agent's connect is announced to its account (agent:presence), so listen uses one agent for all its
// sockets: the broadcasts are then measured alone, not behind a storm of presence events.
// Tokens are minted here (HS256 with the server's JWT_SECRET), like the server's own access tokens.
'use strict';
const crypto = require('crypto');
const { io } = require('socket.io-client');

const [mode, url, secret, countArg, accountArg, latencyFile] = process.argv.slice(2);
const count = Number(countArg);
const account = Number(accountArg);
const CONCURRENT_HANDSHAKES = 100;

const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');
function token(userId, accountId) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    iss: 'hummdesk', aud: 'agent', sub: String(userId), acc: accountId, role: 'agent', iat: now, exp: now + 3600,
  })}`;
  return `${body}.${crypto.createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const out = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const now = () => performance.timeOrigin + performance.now();
let connected = 0;
let failed = 0;
let disconnects = 0;
const reasons = {};
const latencies = [];
const perEventLast = new Map();

function open(i) {
  return new Promise((resolve) => {
    const accountId = mode === 'hold' ? account + Math.floor(i / 20) : account;
    const userId = mode === 'hold' ? 100000 + i : 1;
    const socket = io(url, {
      auth: { token: token(userId, accountId), account_id: accountId },
      transports: ['websocket'],
      reconnection: false,
      timeout: 60000,
    });
    socket.once('connect', () => {
      connected++;
      // Presence heartbeats every 10 s, as the web app sends them (spread out so they do not come in bursts).
      setTimeout(() => setInterval(() => socket.emit('agent:heartbeat', {}), 10000), Math.random() * 10000);
      resolve();
    });
    socket.once('connect_error', (err) => { failed++; out({ connectError: err.message }); resolve(); });
    socket.on('disconnect', (reason) => {
      disconnects++;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    });
    if (mode === 'listen') {
      socket.on('message:new', (data) => {
        if (data.warmup) return;
        const latency = now() - data.sentAt;
        latencies.push(latency);
        perEventLast.set(data.n, Math.max(perEventLast.get(data.n) ?? 0, latency));
      });
      socket.on('bench:end', () => { ended++; if (ended === connected) summary(); });
    }
  });
}
let ended = 0;

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
}

function summary() {
  const all = [...latencies].sort((a, b) => a - b);
  if (latencyFile) require('fs').writeFileSync(latencyFile, all.map((x) => x.toFixed(3)).join('\n') + '\n');
  const last = [...perEventLast.values()].sort((a, b) => a - b);
  const r = (x) => (x === null ? null : Math.round(x * 100) / 100);
  out({
    summary: true, sockets: connected, events: perEventLast.size, deliveries: all.length,
    deliveryMs: { p50: r(percentile(all, 50)), p95: r(percentile(all, 95)), p99: r(percentile(all, 99)), max: r(all[all.length - 1]) },
    lastSocketPerEventMs: { p50: r(percentile(last, 50)), p99: r(percentile(last, 99)), max: r(last[last.length - 1]) },
  });
  process.exit(0);
}

(async () => {
  const started = Date.now();
  let next = 0;
  const progress = setInterval(() => out({ connected, failed, disconnects, reasons, seconds: (Date.now() - started) / 1000 }), 5000);
  const workers = Array.from({ length: CONCURRENT_HANDSHAKES }, async () => {
    while (next < count) await open(next++);
  });
  await Promise.all(workers);
  out({ ready: true, connected, failed, disconnects, seconds: (Date.now() - started) / 1000 });
  if (mode === 'listen') clearInterval(progress);
})();
