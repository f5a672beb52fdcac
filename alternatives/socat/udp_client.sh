# udp.client glue: sh udp_client.sh HOST PORT TIMEOUT RETRIES (payload on stdin, reply on
# stdout).  socat does the network work; this loop only counts tries.  Each try is one
# "socat -t TIMEOUT - UDP:HOST:PORT": it sends the payload as one datagram from a connect()ed
# UDP socket (the kernel drops datagrams from other addresses), copies what comes back to
# the reply file and exits TIMEOUT seconds after stdin's EOF.  A non-empty reply ends the
# loop (socat cannot tell an empty reply from none: it ignores empty datagrams).
set -u
host=$1 port=$2 timeout=$3 retries=$4
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT
trap 'exit 143' TERM INT HUP
cat > "$dir/payload" || exit 2
tries=0
while [ "$tries" -lt "$retries" ]; do
  tries=$((tries + 1))
  # -b 65536: a datagram is read (and sent) in one block of up to 64 KiB, never cut short.
  socat -b 65536 -t "$timeout" - "UDP:$host:$port" < "$dir/payload" > "$dir/reply" || exit 1
  if [ -s "$dir/reply" ]; then
    cat "$dir/reply"
    exit 0
  fi
done
echo "udp_client.sh: no reply after $tries tries of $timeout s" >&2
exit 1
