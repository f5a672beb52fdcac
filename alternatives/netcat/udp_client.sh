# udp.client glue: sh udp_client.sh HOST PORT TIMEOUT RETRIES (payload on stdin, reply on
# stdout).  nc does the network work; this loop only counts tries.  Each try is
# "timeout TIMEOUT nc -u HOST PORT": nc sends the payload from a connect()ed UDP socket (the
# kernel drops datagrams from other addresses) and copies replies to the reply file until
# timeout(1) stops it.  (nc's own -w takes whole seconds only: a 0.4 s try would last 1 s.)
# A non-empty reply ends the loop.
set -u
host=$1 port=$2 timeout=$3 retries=$4
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT
trap 'exit 143' TERM INT HUP
cat > "$dir/payload" || exit 2
tries=0
while [ "$tries" -lt "$retries" ]; do
  tries=$((tries + 1))
  timeout "$timeout" nc -u "$host" "$port" < "$dir/payload" > "$dir/reply"
  status=$?
  if [ -s "$dir/reply" ]; then
    cat "$dir/reply"
    exit 0
  fi
  [ "$status" -eq 124 ] || exit 1   # nc failed on its own (refused, bad address)
done
echo "udp_client.sh: no reply after $tries tries of $timeout s" >&2
exit 1
