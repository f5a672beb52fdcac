#!/bin/sh
# Serve the directory $3 on $1:$2 with nginx: write a configuration into a fresh temporary
# directory (pid file and temp paths there too) and exec nginx in the foreground.
set -eu
host=$1 port=$2 root=$3

case $root in
    *'$'*|*'{'*|*'}'*)
        # nginx expands $variables in "root" and has no escape for "$"
        echo "serve.sh: cannot put a document root containing \$, { or } in nginx.conf: $root" >&2
        exit 2 ;;
esac
case $host in
    *:*) listen="[$host]:$port" ;;   # IPv6 literal
    *) listen="$host:$port" ;;
esac
# nginx strings: backslash and double quote are the only characters to escape
qroot=$(printf '%s' "$root" | sed 's/[\\"]/\\&/g')

dir=$(mktemp -d "${TMPDIR:-/tmp}/nginx-static.XXXXXX")
qdir=$(printf '%s' "$dir" | sed 's/[\\"]/\\&/g')

# As root the master starts its workers as "user" (default nobody), which cannot read a
# document root in a 0700 directory of the user who started it: run them as that user.
user_line=
if [ "$(id -u)" = 0 ]; then
    user_line="user $(id -un) $(id -gn);"
fi

cat > "$dir/nginx.conf" <<CONF
$user_line
worker_processes auto;
pid "$qdir/nginx.pid";
error_log stderr;

events {
    worker_connections 768;
}

http {
    # as Debian's /etc/nginx/nginx.conf
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;

    access_log off;

    client_body_temp_path "$qdir/client_body";
    proxy_temp_path "$qdir/proxy";
    fastcgi_temp_path "$qdir/fastcgi";
    uwsgi_temp_path "$qdir/uwsgi";
    scgi_temp_path "$qdir/scgi";

    server {
        listen $listen;
        root "$qroot";
        index index.html;
        autoindex off;
    }
}
CONF

# Not exec: this shell stays to remove the temporary directory.  The suite's SIGTERM goes
# to the whole process group; the server exits, then the traps run (dash defers a trap
# until its foreground child has ended).
trap 'exit 143' TERM INT
trap 'rm -rf "$dir"' EXIT
/usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;'
