package dev.loanwatch.tagging.rest;

import io.quarkus.security.identity.SecurityIdentity;

/** The person acting, for the audit trail: the JWT's user name (upn, preferred_username or sub). */
final class Actors {
    private Actors() {
    }

    static String of(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }
}
