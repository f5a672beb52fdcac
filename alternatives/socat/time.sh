# Run by socat (SYSTEM:sh time.sh) for each datagram; stdout = the reply datagram, stdin =
# the datagram received.  date(1) in time.ctime()'s format: %e pads the day with a space,
# as ctime does; the manifest sets LC_ALL=C for English day and month names.  printf %s
# writes it without a newline, in one write (one datagram).  Then stdin is read to its end
# (socat closes it after relaying its one datagram): socat writes the datagram it received
# into this script's stdin, and if the script had already exited that write would fail
# with EPIPE and socat would exit with an error, under load before relaying the reply.
printf '%s' "$(date '+%a %b %e %H:%M:%S %Y')"
exec cat >/dev/null
