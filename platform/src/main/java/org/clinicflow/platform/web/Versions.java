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

    /** Throws 428 when {@code ifMatch} is absent, 412 when it names another version than {@code current}. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionException(428, "If-Match is required: send the ETag of the version you edit");
        }
        var tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (!tag.equals("*") && !tag.equals(etag(current))) {
            throw new PreconditionException(412, "The resource has changed since you read it; read it again");
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
