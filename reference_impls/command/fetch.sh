#!/usr/bin/env bash
# tcp.client in bash: fetch.sh HOST PORT TIMEOUT
# Sends stdin (the request) to HOST:PORT, writes everything the server sends until EOF to
# stdout.  Exits non-zero on any error: refused (bash's /dev/tcp fails), or no EOF within
# TIMEOUT seconds (timeout(1) exits 124).
set -u
exec timeout "$3" bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 3
    cat >&3 || exit 4
    cat <&3 || exit 5
' "$1" "$2"
