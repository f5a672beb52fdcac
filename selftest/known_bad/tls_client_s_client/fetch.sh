#!/usr/bin/env bash
# Known-bad tls.client (command form, bash + openssl s_client): verification that only warns.
#
# Bug: s_client verifies the certificate (-CAfile, -verify_hostname / -verify_ip) and
# prints "verify error:num=..." on stderr, but without -verify_return_error it carries on
# with the handshake anyway: the request goes out over a connection it knows is bad, and the
# script exits 0 with the response.  (-quiet implies -ign_eof: it reads until the server
# closes; timeout(1) bounds the whole run.)
# Seed idiom: 004 "Working with SSL" (a client that verifies with ca_certs), done with the
# openssl command line the way a student tries TLS by hand.
#
# Must fail: every reject-invalid-certificate and reject-broken-chain case.  The happy
# paths, SNI (-servername) and the handshake timeout (timeout(1) exits 124) pass.
# usage: fetch.sh HOST PORT CAFILE SERVER_HOSTNAME TIMEOUT   (request on stdin)
host=$1 port=$2 cafile=$3 name=$4 seconds=$5
if [[ $name =~ ^[0-9.]+$ ]]; then
    check=(-verify_ip "$name")
else
    check=(-servername "$name" -verify_hostname "$name")
fi
exec timeout "$seconds" openssl s_client -connect "$host:$port" -CAfile "$cafile" \
    "${check[@]}" -quiet
