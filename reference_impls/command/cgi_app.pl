#!/usr/bin/perl
# cgi.script in Perl 5, core modules only (JSON::PP, Encode): the course's CGI script.
#
# Run once per request by the server (RFC 3875): the request is in the environment, its
# body on stdin.  GET and POST get a JSON object with the method, the path, the query and
# form fields, the cookies and the client's address; any other method gets a 405.
#
# - Exactly CONTENT_LENGTH bytes are read (sysread in a loop: a pipe gives what it has).
#   The server need not close stdin, and what follows the body is not the script's, so
#   neither <STDIN> nor a buffered read, which would wait for EOF or read ahead.
# - Query and form are decoded as Python's urllib.parse.parse_qs does: '+' is a space,
#   %XX a byte, the bytes UTF-8; every value of a repeated name kept, in order.
# - Everything is decoded to characters before JSON::PP encodes it, which writes UTF-8:
#   encoding raw bytes would double-encode every non-ASCII character.
use strict;
use warnings;
use Encode qw(decode);
use JSON::PP;

binmode STDIN;
binmode STDOUT;

# A meta-variable as characters ("" if absent): its bytes as UTF-8, U+FFFD for bad bytes.
sub env_text {
    my ($name) = @_;
    return decode('UTF-8', $ENV{$name} // '');
}

sub read_body {
    my $length = $ENV{CONTENT_LENGTH} // '';
    $length = ($length =~ /^\s*(\d+)\s*$/) ? $1 : 0;
    my $body = '';
    while (length($body) < $length) {
        my $got = sysread(STDIN, $body, $length - length($body), length($body));
        last unless $got;    # EOF (0) or error (undef): the client sent less than it said
    }
    return $body;
}

sub url_decode {
    my ($bytes) = @_;
    $bytes =~ tr/+/ /;
    $bytes =~ s/%([0-9A-Fa-f]{2})/chr(hex($1))/ge;
    return decode('UTF-8', $bytes);
}

# "a=1&a=2&b=" as { a => ["1", "2"], b => [""] }; a name without "=" has the value "".
sub parse_qs {
    my ($bytes) = @_;
    my %fields;
    for my $pair (split /&/, $bytes) {
        next if $pair eq '';
        my ($name, $value) = split /=/, $pair, 2;
        push @{ $fields{ url_decode($name) } }, url_decode($value // '');
    }
    return \%fields;
}

# HTTP_COOKIE "a=1; b=2" as { a => "1", b => "2" }; a pair without "=" is skipped.
sub parse_cookies {
    my ($header) = @_;
    my %cookies;
    for my $pair (split /;/, $header) {
        my ($name, $value) = split /=/, $pair, 2;
        next unless defined $value;
        s/^\s+|\s+$//g for $name, $value;
        $cookies{$name} = $value if length $name;
    }
    return \%cookies;
}

sub respond {
    my ($headers, $body) = @_;
    print join('', map {"$_\r\n"} @$headers, 'Content-Length: ' . length($body)), "\r\n", $body;
}

my $body   = read_body();    # first, whatever the method: the server may be writing it
my $method = env_text('REQUEST_METHOD');
if ($method ne 'GET' && $method ne 'POST') {
    respond(['Status: 405 Method Not Allowed', 'Allow: GET, POST',
             'Content-Type: text/plain; charset=utf-8'], "Method Not Allowed\n");
    exit 0;
}
my ($media_type) = split /;/, lc($ENV{CONTENT_TYPE} // '');
$media_type =~ s/^\s+|\s+$//g if defined $media_type;
my $is_form = defined $media_type && $media_type eq 'application/x-www-form-urlencoded';

my %result = (
    method      => $method,
    path        => env_text('PATH_INFO'),
    query       => parse_qs($ENV{QUERY_STRING} // ''),
    form        => $is_form ? parse_qs($body) : {},
    cookies     => parse_cookies(env_text('HTTP_COOKIE')),
    remote_addr => env_text('REMOTE_ADDR'),
);
respond(['Content-Type: application/json'], JSON::PP->new->utf8->canonical->encode(\%result));
exit 0;
