package org.clinicflow.followup.notification;

import java.util.Optional;

/**
 * What Notify says became of a text after it accepted it. PENDING until it says more; the three failures are Notify's
 * own: the number cannot take texts (permanent), the phone stayed off or full (temporary), or Notify's own trouble
 * (technical). Email over SMTP has no receipt, so its delivery is never known.
 */
public enum Delivery {
    PENDING, DELIVERED, PERMANENT_FAILURE, TEMPORARY_FAILURE, TECHNICAL_FAILURE;

    /**
     * @return the delivery for one of Notify's statuses; empty for one that is not final ({@code created},
     *         {@code sending}, {@code pending}, and {@code sent}, which abroad may be all Notify ever says)
     */
    static Optional<Delivery> ofNotifyStatus(String status) {
        return switch (status) {
            case "delivered" -> Optional.of(DELIVERED);
            case "permanent-failure" -> Optional.of(PERMANENT_FAILURE);
            case "temporary-failure" -> Optional.of(TEMPORARY_FAILURE);
            case "technical-failure" -> Optional.of(TECHNICAL_FAILURE);
            default -> Optional.empty();
        };
    }
}
