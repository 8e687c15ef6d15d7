package org.speedsim.engine.speed.auction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BidRankingTest {

    @Test
    void topMatchesSortingEveryEligibleBidder() {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        int[] order = new int[16];
        for (int rep = 0; rep < 10_000; rep++) {
            int n = r.nextInt(16);
            long[] bids = new long[n];
            for (int i = 0; i < n; i++) {
                bids[i] = r.nextLong(r.nextBoolean() ? 4 : 1000);
            }
            int k = r.nextInt(n + 2);
            long reserve = r.nextInt(3) == 0 ? r.nextLong(4) : 0;
            int[] expected = IntStream.range(0, n).filter(i -> bids[i] >= reserve).boxed()
                    .sorted(Comparator.<Integer>comparingLong(i -> -bids[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            int m = BidRanking.top(bids, n, k, reserve, order);
            assertArrayEquals(expected, Arrays.copyOf(order, m), Arrays.toString(bids) + " k=" + k);
            long losing = IntStream.range(0, n).filter(i -> Arrays.stream(expected).noneMatch(w -> w == i))
                    .mapToLong(i -> bids[i]).max().orElse(-1);
            assertEquals(losing, BidRanking.highestLosing(bids, n, k, reserve, order, m));
        }
    }

    @Test
    void optimisticSlotGoesToTheLongestWaitAndBidsOnlyBreakTies() {
        long never = Long.MIN_VALUE;
        assertEquals(2, BidRanking.optimisticPick(new long[] {50, 40, 30}, new long[] {900, 800, 0}, 3));
        assertEquals(1, BidRanking.optimisticPick(new long[] {never, never, 5}, new long[] {10, 20, 99}, 3));
        assertEquals(0, BidRanking.optimisticPick(new long[] {never, never}, new long[] {20, 20}, 2));
        assertEquals(-1, BidRanking.optimisticPick(new long[0], new long[0], 0));
    }
}
