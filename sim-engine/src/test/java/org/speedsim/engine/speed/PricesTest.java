package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class PricesTest {

    @Test
    void pieceCostIsTheFlooredProductOverTheFullRange() {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
        BigInteger divisor = BigInteger.valueOf(1024L * 1000L);
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        for (int i = 0; i < 100_000; i++) {
            long price = r.nextLong(Long.MAX_VALUE) >> r.nextInt(63);
            long bytes = r.nextLong(Long.MAX_VALUE) >> r.nextInt(63);
            BigInteger exact = BigInteger.valueOf(price).multiply(BigInteger.valueOf(bytes)).divide(divisor);
            long expected = exact.compareTo(max) > 0 ? Long.MAX_VALUE : exact.longValueExact();
            assertEquals(expected, Prices.pieceCost(price, bytes), price + " * " + bytes);
        }
    }

    @Test
    void knownCosts() {
        // 1 micro-BTT per KiB (1000 nano) for a 256 KiB piece costs 256 micro-BTT
        assertEquals(256, Prices.pieceCost(1000, 256 * 1024));
        // 999 nano-BTT per KiB for one KiB rounds down to 0 micro-BTT
        assertEquals(0, Prices.pieceCost(999, 1024));
        assertEquals(1, Prices.pieceCost(1000, 1024));
        assertEquals(0, Prices.ceilKiB(0));
        assertEquals(1, Prices.ceilKiB(1));
        assertEquals(1, Prices.ceilKiB(1024));
        assertEquals(2, Prices.ceilKiB(1025));
        assertThrows(IllegalArgumentException.class, () -> Prices.mulDiv(1, 1, 0));
    }

    /** A negative price or size is refused in the caller's terms, not as an operand of the arithmetic. */
    @Test
    void aNegativePriceOrSizeIsRefusedByName() {
        assertEquals("price must be >= 0: -1",
                assertThrows(IllegalArgumentException.class, () -> Prices.pieceCost(-1, 1)).getMessage());
        assertEquals("bytes must be >= 0: -5",
                assertThrows(IllegalArgumentException.class, () -> Prices.pieceCost(1, -5)).getMessage());
        assertEquals("bytes must be >= 0: -2",
                assertThrows(IllegalArgumentException.class, () -> Prices.ceilKiB(-2)).getMessage());
    }
}
