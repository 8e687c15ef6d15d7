package org.speedsim.engine.swarm.internal;

import java.util.Arrays;

/**
 * The pieces one peer has begun but not verified: for each, the bytes already received from transfers that stopped
 * (choke, departure) and how many transfers of it are in flight now (more than one only in end game). A small list
 * searched linearly: a peer has few pieces in progress at once.
 *
 * <p>Invariant: an entry exists while its piece has in-flight transfers or stored bytes; bytes stay below the
 * piece size.
 */
final class PartialPieces {

    private int[] piece = new int[8];
    private long[] bytes = new long[8];
    private int[] inflight = new int[8];
    private int size;

    int size() {
        return size;
    }

    int find(int wanted) {
        for (int i = 0; i < size; i++) {
            if (piece[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the entry of {@code wanted}, creating it empty if needed. */
    int entry(int wanted) {
        int i = find(wanted);
        if (i >= 0) {
            return i;
        }
        if (size == piece.length) {
            piece = Arrays.copyOf(piece, size * 2);
            bytes = Arrays.copyOf(bytes, size * 2);
            inflight = Arrays.copyOf(inflight, size * 2);
        }
        piece[size] = wanted;
        bytes[size] = 0;
        inflight[size] = 0;
        return size++;
    }

    long bytes(int i) {
        return bytes[i];
    }

    void setBytes(int i, long b) {
        bytes[i] = b;
    }

    int inflight(int i) {
        return inflight[i];
    }

    void addInflight(int i, int delta) {
        inflight[i] += delta;
    }

    /** Drops entry i if it holds nothing any more; returns whether it was dropped. */
    boolean dropIfEmpty(int i) {
        if (inflight[i] == 0 && bytes[i] == 0) {
            remove(i);
            return true;
        }
        return false;
    }

    void remove(int i) {
        size--;
        piece[i] = piece[size];
        bytes[i] = bytes[size];
        inflight[i] = inflight[size];
    }
}
