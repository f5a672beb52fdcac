#!/bin/sh
# tls.client: tls_client.sh HOST PORT CAFILE SERVER_HOSTNAME TIMEOUT
# openssl s_client: the request from stdin, the response to stdout, exit status non-zero on
# any error.  The name check is -verify_ip for an IP address, -verify_hostname otherwise.
case $4 in
    *:*) check="-verify_ip $4 -noservername" ;;                      # IPv6
    *[!0-9.]*) check="-verify_hostname $4 -servername $4" ;;         # a DNS name
    *) check="-verify_ip $4 -noservername" ;;                        # IPv4
esac
exec timeout "$5" openssl s_client -connect "$1:$2" -CAfile "$3" -no-CApath -no-CAstore \
    $check -verify_return_error -quiet -nocommands
