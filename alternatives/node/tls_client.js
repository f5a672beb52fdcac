// TLS client on Node.js's tls module: node tls_client.js HOST PORT CAFILE SERVER_HOSTNAME TIMEOUT
// Sends stdin (the request), writes every byte the server sends until it closes to stdout,
// exits 0; any error (a refused connection, a certificate that fails verification, no EOF
// within TIMEOUT seconds) exits 1.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');

const [host, port, cafile, serverHostname, timeout] = process.argv.slice(2);
const fail = (why) => {
  process.stderr.write(`tls_client.js: ${why}\n`);
  process.exit(1);
};
setTimeout(() => fail(`no EOF within ${timeout} s`), Number(timeout) * 1000).unref();

const socket = tls.connect({
  host,
  port: Number(port),
  ca: fs.readFileSync(cafile), // trust this CA only (instead of Node's bundled roots)
  // SNI only for a name: RFC 6066 forbids an address there (Node warns, DEP0123).
  servername: net.isIP(serverHostname) ? undefined : serverHostname,
  // The certificate must match server_hostname (a name, or an address against its IP SANs),
  // not the host connected to.
  checkServerIdentity: (_host, cert) => tls.checkServerIdentity(serverHostname, cert),
});
socket.on('error', (err) => fail(err.message)); // rejectUnauthorized (default true) errors here
socket.on('secureConnect', () => process.stdin.pipe(socket, { end: false }));
socket.pipe(process.stdout);
socket.on('end', () => process.exit(0));
