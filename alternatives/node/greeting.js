// Greeting server on Node.js's net module: node greeting.js HOST PORT
// Sends f'Hello {addr}' as Python formats the (host, port) tuple, then closes.
'use strict';
const net = require('node:net');

const [host, port] = process.argv.slice(2);
const server = net.createServer((socket) => {
  socket.on('error', () => socket.destroy());
  socket.end(`Hello ('${socket.remoteAddress}', ${socket.remotePort})`);
});
server.listen({ host, port: Number(port) });
