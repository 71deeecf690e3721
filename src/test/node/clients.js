// Real socket.io clients for the Java integration tests (com.hummdesk.realtime.NodeClients).
// Reads one JSON command per line on stdin, writes one JSON observation per line on stdout.
//   {"cmd":"connect","id":"a","url":"http://localhost:5000","auth":{...},"options":{...}}   auth omitted = no auth
//   {"cmd":"emit","id":"a","event":"agent:typing","data":{...},"ack":true,"seq":1}
//   {"cmd":"close","id":"a"}
//   {"cmd":"raw","id":"r","url":"ws://.../socket.io/?EIO=4&transport=websocket","send":["40"]}   a bare websocket
//   {"cmd":"rawSend","id":"r","data":"42[...]"}
//   {"cmd":"state"}   -> {"type":"state","sockets":{"a":{"connected":true,"transport":"websocket"}}}
'use strict';
const { io } = require('socket.io-client');
const WebSocket = require('ws');
const readline = require('readline');

const sockets = new Map();
const raws = new Map();
const out = (line) => process.stdout.write(JSON.stringify({ at: Date.now(), ...line }) + '\n');

function connect({ id, url, auth, options }) {
  const opts = { reconnectionDelay: 200, reconnectionDelayMax: 1000, ...(options || {}) };
  if (auth !== undefined) opts.auth = auth;
  const socket = io(url, opts);
  sockets.set(id, socket);
  socket.on('connect', () => out({ id, type: 'connect', transport: socket.io.engine.transport.name }));
  socket.on('connect_error', (err) => out({ id, type: 'connect_error', message: err.message, data: err.data ?? null }));
  socket.on('disconnect', (reason) => out({ id, type: 'disconnect', reason }));
  socket.onAny((event, ...args) => out({ id, type: 'event', event, args }));
  socket.io.on('reconnect', (attempt) => out({ id, type: 'reconnect', attempt }));
  socket.io.on('open', () => {
    out({ id, type: 'open', transport: socket.io.engine.transport.name });
    socket.io.engine.on('upgrade', (transport) => out({ id, type: 'upgrade', transport: transport.name }));
  });
}

function emit({ id, event, data, ack, seq }) {
  const socket = sockets.get(id);
  if (!ack) {
    socket.emit(event, data);
    return;
  }
  socket.timeout(5000).emit(event, data, (err, response) => {
    out({ id, type: 'ack', seq, error: err ? err.message : null, data: response ?? null });
  });
}

function raw({ id, url, send }) {
  const ws = new WebSocket(url, { perMessageDeflate: true });
  raws.set(id, ws);
  ws.on('open', () => out({ id, type: 'raw-open', extensions: Object.keys(ws.extensions || {}) }));
  ws.on('message', (data) => {
    const text = data.toString();
    out({ id, type: 'raw', data: text });
    if (text.startsWith('0')) (send || []).forEach((frame) => ws.send(frame));
    if (text === '2') ws.send('3'); // answer engine.io pings so the server keeps us
  });
  ws.on('close', (code) => out({ id, type: 'raw-close', code }));
  ws.on('error', (err) => out({ id, type: 'raw-error', message: err.message }));
}

const commands = {
  connect,
  emit,
  raw,
  close: ({ id }) => { sockets.get(id)?.close(); raws.get(id)?.close(); },
  rawSend: ({ id, data }) => raws.get(id).send(data),
  state: () => {
    const state = {};
    for (const [id, s] of sockets) state[id] = { connected: s.connected, transport: s.io.engine?.transport?.name ?? null };
    out({ type: 'state', sockets: state });
  },
  exit: () => process.exit(0),
};

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  try {
    const command = JSON.parse(line);
    commands[command.cmd](command);
  } catch (err) {
    out({ type: 'harness-error', message: String(err && err.stack || err), line });
  }
}).on('close', () => process.exit(0));

out({ type: 'ready' });
