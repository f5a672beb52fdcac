#!/usr/bin/env bash
# Known-bad tcp.client (command form, bash): no timeout at all.
#
# Bug: the student's bash client opens /dev/tcp, writes the request and cats the answer,
# but never bounds the wait (no timeout(1), and the TIMEOUT argument is not even taken):
# a server that accepts and stays silent keeps it in `cat` forever.
# Seed idiom: 000 "Timeouts" ("most socket operations block indefinitely"), missed.
#
# Must fail: tcp.client/timeout only (hangs until the harness stops it).  Refused still
# fails as it should: bash's /dev/tcp connect error ends the script with a non-zero status.
# usage: fetch.sh HOST PORT   (request on stdin, response on stdout)
exec 3<>"/dev/tcp/$1/$2"
cat >&3
cat <&3
