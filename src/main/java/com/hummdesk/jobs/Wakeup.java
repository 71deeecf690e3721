package com.hummdesk.jobs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the dispatcher sleeps on when there is nothing to claim: a signal (a notification arrived, a handler was
 * registered) or a deadline (a retry this worker scheduled falls due), whichever comes first, else the poll
 * interval. A signal given while nobody waits is kept, so none is lost between a claim and the next wait.
 */
final class Wakeup {
    private final Semaphore signal = new Semaphore(0);
    private final AtomicLong deadline = new AtomicLong(Long.MAX_VALUE);

    void signal() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Wake no later than {@code delay} from now. */
    void within(Duration delay) {
        long at = System.nanoTime() + delay.toNanos();
        deadline.accumulateAndGet(at, Math::min);
    }

    void await(Duration max) throws InterruptedException {
        long now = System.nanoTime();
        long until = deadline.get();
        long timeout = Math.max(0, Math.min(max.toNanos(), until - now));
        signal.tryAcquire(timeout, TimeUnit.NANOSECONDS);
        signal.drainPermits();
        if (System.nanoTime() - until >= 0) {
            deadline.compareAndSet(until, Long.MAX_VALUE);
        }
    }
}
