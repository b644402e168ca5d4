package org.clinicflow.followup.notification;

/**
 * SCHEDULED until due; SENDING while one dispatcher holds its claim; HELD while quiet hours keep an SMS back; SENT once
 * a channel accepted it; FAILED when no consented channel could take it (the clinic's worklist shows these);
 * CANCELLED when what it was about no longer holds (a cancelled or moved appointment).
 */
public enum NotificationStatus {
    SCHEDULED, SENDING, HELD, SENT, FAILED, CANCELLED
}
