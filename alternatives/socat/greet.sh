# Run by socat (EXEC:sh greet.sh) for each accepted client, stdout = the connection.
# socat exports the client's address as SOCAT_PEERADDR / SOCAT_PEERPORT.
printf "Hello ('%s', %s)" "$SOCAT_PEERADDR" "$SOCAT_PEERPORT"
