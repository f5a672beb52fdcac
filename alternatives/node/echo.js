// Echo server on Node.js's net module: node echo.js HOST PORT
// One process, one event loop (libuv): every connection is a net.Socket piped into itself.
// allowHalfOpen: when the client half-closes, the readable side ends, pipe() finishes
// writing what it holds and then end()s the socket (FIN), instead of Node closing at once.
// pipe() applies backpressure: a client that never reads only pauses its own socket.
'use strict';
const net = require('node:net');

const [host, port] = process.argv.slice(2);
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('error', () => socket.destroy()); // ECONNRESET etc.: drop that client only
  socket.pipe(socket);
});
server.listen({ host, port: Number(port) }); // libuv sets SO_REUSEADDR on listening sockets
