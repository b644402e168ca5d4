package org.clinicflow.followup.notification;

import java.util.concurrent.locks.ReentrantLock;

/**
 * What each poll of Notify shares: one at a time per instance (a poll still running when the next is due lets it
 * pass), and told when the service stops, so that it ends after the item in hand rather than hold up the stop.
 * Polls are scheduled at a fixed rate, on threads of their own: a fixed delay would run on the scheduler's one thread
 * and hold up the dispatcher while Notify is slow.
 */
final class NotifyPolls {

    private final ReentrantLock polling = new ReentrantLock();
    private volatile boolean stopping;

    void runOnce(Runnable poll) {
        if (!polling.tryLock()) {
            return;
        }
        try {
            poll.run();
        } finally {
            polling.unlock();
        }
    }

    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }
}
