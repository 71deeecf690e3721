package com.hummdesk.routing;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The in-process half of the account lock. Decisions of one account on this node queue here, in arrival order and
 * without holding a pooled connection; only the one at the front takes a connection and the advisory lock, which
 * still orders it against other nodes. Without this, a burst of decisions for one account would hold every pooled
 * connection while waiting for the advisory lock. Striped: accounts sharing a stripe merely take turns.
 */
final class AccountLocks {
    private final ReentrantLock[] stripes;

    AccountLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock(true);
        }
    }

    <T> T underLock(long accountId, Supplier<T> work) {
        var lock = stripes[Math.floorMod(Long.hashCode(accountId), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
