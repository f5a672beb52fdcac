// UDP client with retries on Node.js's dgram module:
//   node udp_client.js HOST PORT TIMEOUT RETRIES   (payload on stdin, reply on stdout)
// The udp4 socket is connect()ed to (HOST, PORT), so the kernel drops datagrams from any
// other address.  The payload goes out as one datagram; each try waits TIMEOUT seconds for
// the reply; after RETRIES unanswered tries (or an ICMP error: nobody at that port) it exits 1.
'use strict';
const dgram = require('node:dgram');

const [host, port, timeout, retries] = process.argv.slice(2);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const payload = Buffer.concat(chunks);
  const socket = dgram.createSocket('udp4');
  let tries = 0;
  let timer = null;
  const fail = (why) => {
    process.stderr.write(`udp_client: ${why}\n`);
    process.exit(1);
  };
  const attempt = () => {
    if (tries >= Number(retries)) fail(`no reply after ${tries} tries of ${timeout} s`);
    tries += 1;
    socket.send(payload, (err) => { if (err) fail(`send: ${err.message}`); });
    timer = setTimeout(attempt, Number(timeout) * 1000);
  };
  socket.on('error', (err) => fail(err.message));
  socket.on('message', (msg) => {
    clearTimeout(timer);
    process.stdout.write(msg, () => process.exit(0));
  });
  socket.connect(Number(port), host, attempt);
});
