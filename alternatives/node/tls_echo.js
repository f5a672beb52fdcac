// TLS echo server on Node.js's tls module: node tls_echo.js HOST PORT CERTFILE KEYFILE [CAFILE]
// echo.js over TLS: tls.createServer() hands over each connection once its handshake is done
// (a handshake in progress holds no one up: one event loop), and every socket is piped into
// itself.  allowHalfOpen stays false here (echo.js sets it): when the client's EOF arrives,
// Node end()s the socket itself, after the writes pipe() has already queued, so the echo is
// still complete.  With allowHalfOpen a client that sent a ClientHello and then its FIN kept
// its socket open until the handshake timeout (120 s): the server never closed it.
// CAFILE given (not empty): requestCert + rejectUnauthorized, trusting that CA only.
'use strict';
const fs = require('node:fs');
const tls = require('node:tls');

const [host, port, certfile, keyfile, cafile] = process.argv.slice(2);
const options = {
  cert: fs.readFileSync(certfile),
  key: fs.readFileSync(keyfile),
  allowHalfOpen: false,
};
if (cafile) {
  options.ca = fs.readFileSync(cafile);
  options.requestCert = true;
  options.rejectUnauthorized = true;
}
const server = tls.createServer(options, (socket) => {
  socket.on('error', () => socket.destroy()); // ECONNRESET etc.: drop that client only
  socket.pipe(socket);
});
// A failed handshake (plaintext, an aborted or refused client) destroys that socket only;
// the listener keeps no error handler of its own for it: 'tlsClientError' is informational.
server.on('tlsClientError', () => {});
server.listen({ host, port: Number(port) });
