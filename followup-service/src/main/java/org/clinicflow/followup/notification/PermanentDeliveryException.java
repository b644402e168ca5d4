package org.clinicflow.followup.notification;

/** The provider refused this message for good (for example an invalid number): try the other channel instead. */
class PermanentDeliveryException extends RuntimeException {

    PermanentDeliveryException(String message) {
        super(message);
    }
}
