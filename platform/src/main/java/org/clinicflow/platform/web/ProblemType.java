package org.clinicflow.platform.web;

import java.net.URI;

/**
 * The kinds of problem a service answers with, each the {@code type} of its problem details (RFC 9457), so that a
 * client can act on the kind without parsing the words. Each is described in {@code docs/problems.md}.
 */
public enum ProblemType {

    /** The request's shape is wrong: a missing or mistyped field, a value out of range (400). */
    INVALID_REQUEST("invalid-request"),
    /** The body is not JSON at all (400). */
    MALFORMED_JSON("malformed-json"),
    /** The request is well-formed but breaks a rule of the clinic about one of its fields (422). */
    RULE_BROKEN("rule-broken"),
    /** Nothing the caller may see is there (404), whether it does not exist or is someone else's. */
    NOT_FOUND("not-found"),
    /** The request collides with the current state, such as a slot already taken (409). */
    CONFLICT("conflict"),
    /** The database refused the change; the problem's {@code rule} names the constraint (409 or 422). */
    DATABASE_RULE("database-rule"),
    /** The record changed since the caller read it, or the version to change was not named (412, 428). */
    STALE_VERSION("stale-version"),
    /** A database lock was lost to another change; the same request again normally succeeds (409). */
    TRY_AGAIN("try-again"),
    /** No usable access token: sign in first (401). */
    SIGN_IN_NEEDED("sign-in-needed"),
    /** The caller's role may not do this, or a browser session's change came without its CSRF token (403). */
    FORBIDDEN("forbidden"),
    /** Answered by the gateway: the body is over its size limit (413). */
    TOO_LARGE("too-large"),
    /** Answered by the gateway: too many requests from one address or user; {@code Retry-After} says when (429). */
    TOO_MANY_REQUESTS("too-many-requests"),
    /** Answered by the gateway: the part of the system behind this route is down; the rest still works (503). */
    UNAVAILABLE("unavailable"),
    /** The service failed in a way it did not foresee; nothing was changed (500). Its log has the cause. */
    INTERNAL("internal"),
    /** Anything else the framework refuses (a method or media type not supported): named by its status alone. */
    OTHER("other");

    /** Where the kinds are documented; example.org-style, as a deployment has no public site of its own yet. */
    public static final String BASE = "https://clinicflow.example/problems/";

    private final URI uri;

    ProblemType(String name) {
        this.uri = URI.create(BASE + name);
    }

    public URI uri() {
        return uri;
    }
}
