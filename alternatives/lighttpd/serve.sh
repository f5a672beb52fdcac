#!/bin/sh
# Serve the directory $3 on $1:$2 with lighttpd: write a configuration into a fresh
# temporary directory (upload dir there too) and exec lighttpd in the foreground (-D).
set -eu
host=$1 port=$2 root=$3

# lighttpd strings: a double quote is escaped with a backslash (nothing else is special)
q() { printf '%s' "$1" | sed 's/"/\\"/g'; }

case $host in
    *:*) bind="[$host]" ;;   # an IPv6 literal: lighttpd would resolve a bare one as IPv4
    *) bind=$host ;;
esac

dir=$(mktemp -d "${TMPDIR:-/tmp}/lighttpd-static.XXXXXX")

cat > "$dir/lighttpd.conf" <<CONF
server.modules = ( "mod_indexfile", "mod_staticfile" )

server.document-root = "$(q "$root")"
server.bind          = "$(q "$bind")"
server.port          = $port
server.upload-dirs   = ( "$(q "$dir")" )
# no server.errorlog: errors go to stderr; no mod_accesslog: no access log

# Debian's default request parsing (/etc/lighttpd/lighttpd.conf): strict headers and
# host, URL normalisation, control characters rejected, %2F decoded, dot segments removed
server.http-parseopts = (
  "header-strict"            => "enable",
  "host-strict"              => "enable",
  "host-normalize"           => "enable",
  "url-normalize-unreserved" => "enable",
  "url-normalize-required"   => "enable",
  "url-ctrls-reject"         => "enable",
  "url-path-2f-decode"       => "enable",
  "url-path-dotseg-remove"   => "enable",
)

index-file.names     = ( "index.html" )
# no directory listings: mod_dirlisting is not loaded (lighttpd loads it only when
# dir-listing.activate is enabled)

# Debian's MIME table, generated from /etc/mime.types as Debian's lighttpd.conf does
include_shell "/usr/share/lighttpd/create-mime.conf.pl"
CONF

# Not exec: this shell stays to remove the temporary directory.  The suite's SIGTERM goes
# to the whole process group; the server exits, then the traps run (dash defers a trap
# until its foreground child has ended).
trap 'exit 143' TERM INT
trap 'rm -rf "$dir"' EXIT
/usr/sbin/lighttpd -D -f "$dir/lighttpd.conf"
