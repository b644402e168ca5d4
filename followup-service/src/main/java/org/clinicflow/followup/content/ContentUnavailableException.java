package org.clinicflow.followup.content;

/** Neither content-service nor the cache could supply the content; the message waits and is tried again. */
public class ContentUnavailableException extends RuntimeException {

    ContentUnavailableException(String slug, Throwable cause) {
        super("Content of treatment " + slug + " is not available", cause);
    }
}
