// UDP server on Node.js's dgram module: node udp_server.js echo|time HOST PORT
// One udp4 socket bound to (HOST, PORT); each 'message' (dgram emits empty datagrams too, and
// libuv reads up to 64 KiB, so 65,507-byte ones arrive whole) is answered with one send() on
// the same socket, i.e. from the server's address, to the sender's address (rinfo).
//  - echo: the same bytes back.
//  - time: the local time formatted as Python's time.ctime() ("Thu Nov  5 09:03:07 2026":
//    English names, day of month padded with a space), ASCII.  Node has no ctime(); this
//    one line of formatting is the only logic here.
'use strict';
const dgram = require('node:dgram');

const [mode, host, port] = process.argv.slice(2);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n) => String(n).padStart(2, '0');

function ctime(d = new Date()) {
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`;
}

const socket = dgram.createSocket('udp4');
socket.on('error', (err) => console.error(`udp_server: ${err.message}`)); // keep serving
socket.on('message', (msg, rinfo) => {
  const reply = mode === 'echo' ? msg : Buffer.from(ctime(), 'ascii');
  socket.send(reply, rinfo.port, rinfo.address, (err) => {
    if (err) console.error(`udp_server: send to ${rinfo.address}:${rinfo.port}: ${err.message}`);
  });
});
socket.bind(Number(port), host);
