package org.speedsim.engine.swarm.internal;

import java.util.Arrays;

/**
 * For every peer, a set of direction ids (the unchoked directions it uploads on, or those it downloads on) with
 * constant-time add and remove, so that a peer's few unchoked directions are found without visiting all its
 * connections; each member carries the peer at the direction's other end. A direction belongs to at most one
 * peer's set. Iteration order depends only on the sequence of adds and removes (a removal moves the last member
 * into the gap), never on memory addresses.
 */
final class DirSets {

    private int[][] members;
    private int[][] others;
    private int[] size;
    private int[] pos = new int[128];

    DirSets(int peers) {
        members = new int[peers][];
        others = new int[peers][];
        size = new int[peers];
    }

    /** Makes room for peers up to {@code peers - 1}. */
    void grow(int peers) {
        if (peers > size.length) {
            members = Arrays.copyOf(members, peers);
            others = Arrays.copyOf(others, peers);
            size = Arrays.copyOf(size, peers);
        }
    }

    /** Drops the storage of a peer whose set is empty for good (a departed peer of a hosted swarm). */
    void release(int peer) {
        if (size[peer] != 0) {
            throw new IllegalStateException("peer " + peer + " still has " + size[peer] + " directions");
        }
        members[peer] = null;
        others[peer] = null;
    }

    int size(int peer) {
        return size[peer];
    }

    int get(int peer, int i) {
        return members[peer][i];
    }

    /** The peer at the other end of the i-th member. */
    int other(int peer, int i) {
        return others[peer][i];
    }

    void add(int peer, int d, int other) {
        int[] m = members[peer];
        int n = size[peer];
        if (m == null) {
            m = members[peer] = new int[8];
            others[peer] = new int[8];
        } else if (n == m.length) {
            m = members[peer] = Arrays.copyOf(m, n * 2);
            others[peer] = Arrays.copyOf(others[peer], n * 2);
        }
        if (d >= pos.length) {
            pos = Arrays.copyOf(pos, Math.max(d + 1, pos.length * 2));
        }
        m[n] = d;
        others[peer][n] = other;
        pos[d] = n;
        size[peer] = n + 1;
    }

    void remove(int peer, int d) {
        int[] m = members[peer];
        int i = pos[d];
        if (i >= size[peer] || m[i] != d) {
            throw new IllegalStateException("direction " + d + " is not in peer " + peer + "'s set");
        }
        int n = --size[peer];
        int last = m[n];
        m[i] = last;
        others[peer][i] = others[peer][n];
        pos[last] = i;
    }

    boolean contains(int peer, int d) {
        int[] m = members[peer];
        return m != null && d < pos.length && pos[d] < size[peer] && m[pos[d]] == d;
    }
}
