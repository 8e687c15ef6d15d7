package org.speedsim.engine.ledger;

import java.util.Arrays;

/**
 * Spendable balances of dense account ids in micro-BTT, in a growable array. Funds reserved for queued transactions
 * and escrow locked in channels are not part of a balance. Invariant: no balance is ever negative (every debit
 * checks first).
 */
final class Balances {

    private long[] balance = new long[64];
    private int accounts;

    int accounts() {
        return accounts;
    }

    /** Makes accounts 0..id exist (new ones at zero). */
    void grow(int id) {
        if (id >= balance.length) {
            balance = Arrays.copyOf(balance, Math.max(balance.length * 2, id + 1));
        }
        accounts = Math.max(accounts, id + 1);
    }

    long get(int id) {
        return id < accounts ? balance[id] : 0;
    }

    void credit(int id, long amount) {
        balance[id] = Math.addExact(balance[id], amount);
    }

    /** Debits when the balance covers the amount; returns whether it did. */
    boolean debit(int id, long amount) {
        if (balance[id] < amount) {
            return false;
        }
        balance[id] -= amount;
        return true;
    }
}
