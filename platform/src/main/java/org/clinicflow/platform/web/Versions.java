package org.clinicflow.platform.web;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version, and an edit must name the version it was based on
 * in {@code If-Match}. A missing If-Match is refused (428) rather than allowed to overwrite someone else's change.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 428, for a service whose ETags say more than a number and which parses {@code If-Match} itself. */
    public static PreconditionException missing() {
        return new PreconditionException(428, "If-Match is required: send the ETag of the version you edit");
    }

    /** 412, likewise: the caller edits a state that is no longer current. */
    public static PreconditionException stale() {
        return new PreconditionException(412, "The resource has changed since you read it; read it again");
    }

    /** Throws 428 when {@code ifMatch} is absent, 412 when it names another version than {@code current}. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw missing();
        }
        var tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (!tag.equals("*") && !tag.equals(etag(current))) {
            throw stale();
        }
    }

    /** 412 or 428, see {@link #requireMatch(String, long)}. */
    public static class PreconditionException extends RuntimeException {

        private final int status;

        PreconditionException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
