package org.speedsim.engine.world;

import java.util.Arrays;

/**
 * The completed torrents each user keeps on disk, whether it is online or not: what a returning user can seed
 * again. One sorted array of torrent ids per user, absent until its first completion, so an idle user costs one
 * reference.
 */
public final class Library {

    private static final int[] EMPTY = new int[0];

    private final int[][] torrents;
    private final int[] counts;

    public Library(int users) {
        torrents = new int[users][];
        counts = new int[users];
    }

    /** Adds a completed torrent; returns false if the user already had it. */
    public boolean add(int user, int torrent) {
        int[] held = torrents[user] == null ? EMPTY : torrents[user];
        int n = counts[user];
        int at = Arrays.binarySearch(held, 0, n, torrent);
        if (at >= 0) {
            return false;
        }
        int insert = -at - 1;
        if (n == held.length) {
            held = Arrays.copyOf(held, Math.max(4, n * 2));
            torrents[user] = held;
        }
        System.arraycopy(held, insert, held, insert + 1, n - insert);
        held[insert] = torrent;
        counts[user] = n + 1;
        return true;
    }

    public boolean contains(int user, int torrent) {
        int n = counts[user];
        return n > 0 && Arrays.binarySearch(torrents[user], 0, n, torrent) >= 0;
    }

    public int count(int user) {
        return counts[user];
    }

    /** The user's torrents in ascending id order (a copy). */
    public int[] torrents(int user) {
        return counts[user] == 0 ? EMPTY : Arrays.copyOf(torrents[user], counts[user]);
    }
}
