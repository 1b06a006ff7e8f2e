vcl 4.1;
# Varnish 7 (Debian's `varnish`) in front of Rapporteur's app servers.
#
# What is kept: what the app marks `public` (anonymous readers' pages, 404s, the sitemap, search,
# feeds, files), for its `s-maxage` (an hour by default). The app bans everything but static
# files whenever published content changes (rapporteur/reports/frontend_cache.py), so a launch,
# a publish or a correction is visible at once; the TTL is only a safety net.
# What is never kept: the admin, signed-in staff (a session cookie), anything but GET/HEAD,
# and whatever the app marks `private` or answers with a cookie. Previews live under /admin/.
#
# Edit the backend (several app servers: one backend each, and a round-robin director from
# `import directors;`) and the `purgers` ACL (the app servers' addresses) for your deployment.

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    # Its health decides how long stale copies may stand in (see `req.grace` below).
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may PURGE and BAN: the app servers, and nobody else. Varnish sees the peer's address,
# so a TLS proxy in front of Varnish on the same machine must refuse these methods itself
# (deploy/nginx/rapporteur.conf does).
acl purgers {
    "127.0.0.1";
    "::1";
}

# The reader's one optional cookie: their answer to the cookie notice (RAPPORTEUR_COOKIE_NOTICE_COOKIE).
# Django's session cookie (SESSION_COOKIE_NAME) marks staff.

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Only the app servers may purge"));
        }
        if (req.method == "BAN") {
            # Everything but static files, whose names change with their content. Tested on the
            # stored object's own headers (set below), so the ban lurker clears them in the background.
            ban("obj.http.x-url !~ ^/static/");
            return (synth(200, "Banned"));
        }
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);  # forms (sign-in, the cookie-notice answer, a page's password) go through untouched
    }
    if (req.url ~ "^/admin(/|$|\?)") {
        return (pass);  # the admin, sign-in and previews: never from the cache
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);  # signed-in staff see the site with their tools, never a shared copy
    }

    # Readers: every cookie but the cookie-notice answer is dropped (trackers' cookies would
    # otherwise split the cache per reader), and that one is normalised to a single value, so
    # each page is kept twice at most: with the notice, and without it.
    if (req.http.Cookie ~ "(^|;\s*)rapporteur_cookie_notice=") {
        set req.http.Cookie = "rapporteur_cookie_notice=accepted";
    } else {
        unset req.http.Cookie;
    }

    # Grace: a copy past its TTL is served while a fresh one is fetched — for 10 s normally
    # (a launch-day spike never waits on an expired page), for hours if the app is down.
    # Content changes do not depend on it: they ban, and a banned copy is gone, not stale.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # One reader's answer to the cookie notice is never served to another: the answer is part
    # of the key (the app also says `Vary: Cookie`, which the normalised header satisfies).
    if (req.http.Cookie) {
        hash_data("cookie-notice-answered");
    }
    return (lookup);
}

sub vcl_backend_response {
    # For lurker-friendly bans (see vcl_recv).
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    # Varnish takes the TTL from s-maxage, else max-age. The built-in rules that run after this
    # refuse to keep answers that set a cookie or say private, no-store or no-cache.
    set beresp.grace = 6h;
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
