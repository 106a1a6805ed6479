// The hub scenario's JS clients: N connections of @microsoft/signalr under Node, in one process, each reporting every
// change it sees to the harness on stdout. Under Node 20 the client's WebSocket is the `ws` package, which offers
// permessage-deflate by default, as browsers do; the extensions the server accepted are reported per connection.
//
// node hub-clients.mjs CONFIG.json   where CONFIG is
//   { "url": ".../hubs/calls", "kind": "app" | "bare", "cookies": ["<Cookie header>", ...] | null, "clients": N,
//     "flipped": { "<callId>": "<raw id of the participant whose mute flips>" } }
// stdout, one line each:
//   clock <ns>                              process.hrtime (CLOCK_MONOTONIC, as .NET's Stopwatch on Linux), at start
//   ready <client> <extensions | ->         a connection is up; the negotiated Sec-WebSocket-Extensions
//   a <client> <callId> <0|1> <ns>          the flipped participant's mute as a push showed it, and when it arrived
//   error <text>
// Closing stdin stops every connection and ends the process.
import { readFileSync } from "node:fs";
import * as signalR from "@microsoft/signalr";
import WebSocket from "ws";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const flipped = new Map(Object.entries(config.flipped));

// Lines are written once per turn of the event loop: one write for the many arrivals of a burst.
let pending = [];
function emit(line) {
  if (pending.length === 0) setImmediate(flush);
  pending.push(line);
}
function flush() {
  const text = pending.join("\n") + "\n";
  pending = [];
  process.stdout.write(text);
}

// ws's own WebSocket, recording the server's answer to the extensions offer (its default offer:
// "permessage-deflate; client_max_window_bits", the same as Chromium's).
function recordingWebSocket(onExtensions) {
  return class extends WebSocket {
    constructor(url, protocols, options) {
      super(url, protocols, options);
      this.on("upgrade", response => onExtensions(response.headers["sec-websocket-extensions"] ?? "-"));
    }
  };
}

function report(client, callId, participants, rawIdOf, at) {
  const rawId = flipped.get(callId);
  if (rawId === undefined) return;
  const user = participants.find(p => rawIdOf(p) === rawId);
  if (user) emit(`a ${client} ${callId} ${user.isMuted ? 1 : 0} ${at}`);
}

const connections = [];
let stopping = false;
async function connect(client) {
  let extensions = "-";
  const headers = config.cookies ? { Cookie: config.cookies[client] } : {};
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(config.url, {
      transport: signalR.HttpTransportType.WebSockets,
      headers,
      WebSocket: recordingWebSocket(e => { extensions = e; }),
    })
    .configureLogging(signalR.LogLevel.Error)
    .build();
  if (config.kind === "app") {
    connection.on("snapshot", s => { if (process.env.HUB_CLIENTS_DEBUG && client === 0) emit("error debug snapshot " + JSON.stringify(s).slice(0, 300)); });
    connection.on("figures", () => {});
    connection.on("changed", batch => {
      const at = process.hrtime.bigint();
      if (process.env.HUB_CLIENTS_DEBUG && client === 0) emit("error debug " + JSON.stringify(batch).slice(0, 600));
      for (const call of batch.changed) report(client, call.callId, call.participants, p => p.identifier.rawId, at);
    });
  } else {
    connection.on("event", roster => {
      const at = process.hrtime.bigint();
      report(client, roster.callId, roster.participants, p => p.rawId, at);
    });
  }
  connection.onclose(error => stopping || emit(`error client ${client} closed${error ? ": " + String(error.message ?? error).replace(/\s+/g, " ") : ""}`));
  await connection.start();
  connections.push(connection);
  emit(`ready ${client} ${extensions.replace(/\s+/g, "")}`);
}

emit(`clock ${process.hrtime.bigint()}`);
try {
  for (let i = 0; i < config.clients; i++) await connect(i);
} catch (e) {
  emit(`error ${String(e?.message ?? e).replace(/\s+/g, " ")}`);
  flush();
  process.exit(1);
}

process.stdin.resume();
process.stdin.on("end", async () => {
  stopping = true;
  for (const connection of connections) {
    await connection.stop().catch(() => {});
  }
  flush();
  process.exit(0);
});
