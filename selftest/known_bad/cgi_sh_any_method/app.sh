#!/bin/sh
# Known-bad cgi.script in POSIX sh: every method gets the 200 JSON answer, none a 405.
#
# Bug: the student wrote the script for GET and POST and never looked at REQUEST_METHOD:
# a PUT, a DELETE or an OPTIONS gets the same 200 JSON as a GET, instead of
# "Status: 405 Method Not Allowed".  A client (or a test) cannot tell that the method is
# not supported.
# Seed: 000 'Classic CGI Interface' (the script answers whatever comes), written as the
# shell script CGI programs often are.
# Must fail: every other-methods case.  Everything else passes.

# BUG: no check of REQUEST_METHOD: PUT, DELETE ... are answered like GET

length=${CONTENT_LENGTH:-0}
case $length in
'' | *[!0-9]*) length=0 ;;
esac

body() {
    # exactly CONTENT_LENGTH bytes: the server need not close stdin after them
    if [ "$length" -gt 0 ]; then
        head -c "$length"
    fi
}

printf 'Content-Type: application/json\r\n\r\n'

# The body's fields are awk's records (RS="&"); the rest comes from the environment.
body | LC_ALL=C awk '
function join(s, sep, rep,    n, parts, i, out) {
    n = split(s, parts, sep)
    out = parts[1]
    for (i = 2; i <= n; i++)
        out = out rep parts[i]
    return out
}
function esc(s) {
    return join(join(s, "\\", "\\\\"), "\"", "\\\"")
}
function str(s) {
    return "\"" esc(s) "\""
}
function byte(c) {
    if (c == 34) return "\\\""
    if (c == 92) return "\\\\"
    if (c < 32 || c == 127) return sprintf("\\u%04x", c)
    return sprintf("%c", c)
}
# "+" is a space, %XX a byte: the value as a JSON string (UTF-8 bytes kept as they are)
function decode(s,    n, parts, i, seg, out) {
    gsub(/\+/, " ", s)
    n = split(s, parts, "%")
    out = esc(parts[1])
    for (i = 2; i <= n; i++) {
        seg = parts[i]
        if (length(seg) >= 2 && (substr(seg, 1, 1) in hex) && (substr(seg, 2, 1) in hex))
            out = out byte(hex[substr(seg, 1, 1)] * 16 + hex[substr(seg, 2, 1)]) esc(substr(seg, 3))
        else
            out = out "%" esc(seg)
    }
    return "\"" out "\""
}
function add(kind, pair,    eq, name, value) {
    eq = index(pair, "=")
    if (eq == 0)
        return
    name = decode(substr(pair, 1, eq - 1))
    value = decode(substr(pair, eq + 1))
    if ((kind, name) in values) {
        values[kind, name] = values[kind, name] ", " value
    } else {
        count[kind]++
        names[kind, count[kind]] = name
        values[kind, name] = value
    }
}
function object(kind,    i, out) {
    out = ""
    for (i = 1; i <= count[kind]; i++)
        out = out (i > 1 ? ", " : "") names[kind, i] ": [" values[kind, names[kind, i]] "]"
    return "{" out "}"
}
function trim(s) {
    sub(/^[ \t]+/, "", s)
    sub(/[ \t]+$/, "", s)
    return s
}
function cookies(header,    n, parts, i, p, eq, out) {
    out = ""
    n = split(header, parts, ";")
    for (i = 1; i <= n; i++) {
        p = trim(parts[i])
        eq = index(p, "=")
        if (eq < 2)
            continue
        out = out (out == "" ? "" : ", ") str(trim(substr(p, 1, eq - 1))) ": " str(trim(substr(p, eq + 1)))
    }
    return "{" out "}"
}
BEGIN {
    RS = "&"
    for (i = 0; i < 10; i++)
        hex[i ""] = i
    for (i = 0; i < 6; i++) {
        hex[substr("abcdef", i + 1, 1)] = 10 + i
        hex[substr("ABCDEF", i + 1, 1)] = 10 + i
    }
    type = tolower(ENVIRON["CONTENT_TYPE"])
    sub(/;.*/, "", type)
    is_form = trim(type) == "application/x-www-form-urlencoded"
    count["query"] = count["form"] = 0
}
is_form {
    add("form", $0)
}
END {
    n = split(ENVIRON["QUERY_STRING"], pairs, "&")
    for (i = 1; i <= n; i++)
        add("query", pairs[i])
    printf "{\"method\": %s, \"path\": %s, \"query\": %s, \"form\": %s, ", str(ENVIRON["REQUEST_METHOD"]), str(ENVIRON["PATH_INFO"]), object("query"), object("form")
    printf "\"cookies\": %s, \"remote_addr\": %s}\n", cookies(ENVIRON["HTTP_COOKIE"]), str(ENVIRON["REMOTE_ADDR"])
}
'
