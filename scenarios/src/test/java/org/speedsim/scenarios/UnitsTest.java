package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void dataSizes() {
        assertEquals(262_144, Units.bytes("256KiB"));
        assertEquals(1L << 30, Units.bytes("1GiB"));
        assertEquals(16L << 20, Units.bytes("16MiB"));
        assertEquals(16_000_000, Units.bytes("16MB"));
        assertEquals(1_000, Units.bytes("1KB"));
        assertEquals(1_536, Units.bytes("1.5KiB"));
        assertEquals(7, Units.bytes("7B"));
        assertEquals(7, Units.bytes("7 B"));
        assertEquals(0, Units.bytes("0"));
        assertEquals(-3 * 1024, Units.bytes("-3KiB"));
        assertEquals(1_099_511_627_776L, Units.bytes("1TiB"));
    }

    @Test
    void bandwidths() {
        assertEquals(1_000_000, Units.bytesPerSecond("8Mbit/s"));
        assertEquals(125, Units.bytesPerSecond("1kbit/s"));
        assertEquals(125_000_000, Units.bytesPerSecond("1Gbit/s"));
        assertEquals(0.125, Units.bytesPerSecond("1bit/s"));
        assertEquals(512 * 1024, Units.bytesPerSecond("512KiB/s"));
        assertEquals(2 << 20, Units.bytesPerSecond("2MiB/s"));
        assertEquals(3_000, Units.bytesPerSecond("3KB/s"));
        assertEquals(5_000_000, Units.bytesPerSecond("5MB/s"));
        assertEquals(2_500_000, Units.bytesPerSecond("20 Mbit/s"));
    }

    @Test
    void durations() {
        assertEquals(90_000_000, Units.micros("90s"));
        assertEquals(1_800_000_000L, Units.micros("30min"));
        assertEquals(7_200_000_000L, Units.micros("2h"));
        assertEquals(86_400_000_000L, Units.micros("1d"));
        assertEquals(1_500, Units.micros("1.5ms"));
        assertEquals(3, Units.micros("3us"));
        assertEquals(3, Units.micros("3µs"));
        assertEquals(-180_000_000, Units.micros("-3min"));
        assertEquals(100_000, Units.micros("1e-1s"));
    }

    @Test
    void rates() {
        assertEquals(2.0 / 60, Units.perSecond("2/min"), 1e-15);
        assertEquals(0.5, Units.perSecond("0.5/s"));
        assertEquals(30.0 / 3600, Units.perSecond("30/h"), 1e-15);
        assertEquals(1.0 / 86_400, Units.perSecond("1/d"), 1e-18);
        assertEquals(1000, Units.perSecond("1/ms"));
    }

    @Test
    void releaseRatesPerDayAndWeek() {
        assertEquals(4.0 / 86_400, Units.perSecond("4/day"), 1e-18);
        assertEquals(Units.perSecond("4/d"), Units.perSecond("4/day"));
        assertEquals(20.0 / 604_800, Units.perSecond("20/week"), 1e-18);
        assertEquals(Units.perSecond("1/day"), Units.perSecond("7/week"), 1e-18);
        Units.UnitException e = assertThrows(Units.UnitException.class, () -> Units.perSecond("4/days"));
        assertTrue(e.getMessage().contains("/day, /week"), e.getMessage());
    }

    @Test
    void tokensAreExact() {
        assertEquals(250_000, Units.microBtt("0.25BTT"));
        assertEquals(1_000_000, Units.microBtt("1BTT"));
        assertEquals(5_000, Units.microBtt("5mBTT"));
        assertEquals(3, Units.microBtt("3uBTT"));
        assertEquals(3, Units.microBtt("3µBTT"));
        assertEquals(123_456_789_012_345_678L, Units.microBtt("123456789012.345678BTT"));
        Units.UnitException e = assertThrows(Units.UnitException.class, () -> Units.microBtt("0.0000001BTT"));
        assertTrue(e.getMessage().contains("not a whole number of micro-BTT"), e.getMessage());
        assertThrows(Units.UnitException.class, () -> Units.microBtt("0.5uBTT"));
    }

    @Test
    void errorsSayWhatIsAccepted() {
        Units.UnitException e = assertThrows(Units.UnitException.class, () -> Units.bytesPerSecond("8Mbps"));
        assertTrue(e.getMessage().contains("unknown unit 'Mbps'"), e.getMessage());
        assertTrue(e.getMessage().contains("Mbit/s") && e.getMessage().contains("KiB/s"), e.getMessage());
        e = assertThrows(Units.UnitException.class, () -> Units.micros("90"));
        assertTrue(e.getMessage().contains("needs a unit") && e.getMessage().contains("min"), e.getMessage());
        e = assertThrows(Units.UnitException.class, () -> Units.micros("soon"));
        assertTrue(e.getMessage().contains("not a duration"), e.getMessage());
        assertThrows(Units.UnitException.class, () -> Units.micros(""));
        assertThrows(Units.UnitException.class, () -> Units.micros(null));
        assertThrows(Units.UnitException.class, () -> Units.micros("1.5us"));
        assertThrows(Units.UnitException.class, () -> Units.micros("1e30d"));
        assertThrows(Units.UnitException.class, () -> Units.micros("300000000d"));
        assertThrows(Units.UnitException.class, () -> Units.bytes("1.5"));
        assertThrows(Units.UnitException.class, () -> Units.bytes("3 KiB KiB"));
        assertThrows(Units.UnitException.class, () -> Units.bytes("0x10B"));
        assertThrows(Units.UnitException.class, () -> Units.bytes("3kib"));
    }

    @Test
    void signsAreCheckedWhereTheFormatSaysSo() {
        YNode.Origin o = YNode.Origin.of("t");
        Spec.ScalarSpec positive = ScenarioModel.positive(Spec.ScalarType.DURATION, "a duration");
        Spec.ScalarSpec nonNegative = ScenarioModel.nonNegative(Spec.ScalarType.DURATION, "a time");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> positive.convert(new YNode.Scalar(o, YNode.Scalar.Type.STRING, "-3min")));
        assertEquals("-3min must be positive", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> positive.convert(new YNode.Scalar(o, YNode.Scalar.Type.INT, "0")));
        assertEquals("0 must be positive", e.getMessage());
        assertEquals(0L, nonNegative.convert(new YNode.Scalar(o, YNode.Scalar.Type.INT, "0")));
        e = assertThrows(IllegalArgumentException.class,
                () -> nonNegative.convert(new YNode.Scalar(o, YNode.Scalar.Type.STRING, "-1us")));
        assertEquals("-1us must not be negative", e.getMessage());
        assertEquals(180_000_000L, positive.convert(new YNode.Scalar(o, YNode.Scalar.Type.STRING, "3min")));
        e = assertThrows(IllegalArgumentException.class,
                () -> positive.convert(new YNode.Scalar(o, YNode.Scalar.Type.INT, "90")));
        assertTrue(e.getMessage().startsWith("90 needs a unit; accepted: us"), e.getMessage());
    }

    @Test
    void formattedDurationsParseBackExactly() {
        SplittableRandom rng = new SplittableRandom(5);
        long[] scales = {1, 1_000, 1_000_000, 60_000_000L, 3_600_000_000L, 86_400_000_000L};
        for (int i = 0; i < 2_000; i++) {
            long v = rng.nextLong(0, 10_000) * scales[rng.nextInt(scales.length)];
            assertEquals(v, Units.micros(Units.formatMicros(v)), () -> Units.formatMicros(v));
        }
        assertEquals("2h", Units.formatMicros(7_200_000_000L));
        assertEquals("90s", Units.formatMicros(90_000_000));
        assertEquals("0us", Units.formatMicros(0));
    }

    @Test
    void randomDecimalsScaleExactly() {
        // brute force against exact integer arithmetic: n.dddddd BTT is n * 10^6 + dddddd micro-BTT
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            long whole = rng.nextLong(0, 1_000_000_000L);
            int frac = rng.nextInt(1_000_000);
            String text = whole + "." + String.format("%06d", frac) + "BTT";
            assertEquals(whole * 1_000_000 + frac, Units.microBtt(text), text);
            long kib = rng.nextLong(0, 1L << 40);
            assertEquals(kib * 1024, Units.bytes(kib + "KiB"));
        }
    }

    @Test
    void pricesAreExactNanoBttPerKiB() {
        assertEquals(200, Units.nanoBttPerKiB("200nBTT/KiB"));
        assertEquals(200, Units.nanoBttPerKiB("0.2uBTT/KiB"));
        assertEquals(200, Units.nanoBttPerKiB("0.2µBTT/KiB"));
        assertEquals(200, Units.nanoBttPerKiB("0.0002mBTT/KiB"));
        assertEquals(200, Units.nanoBttPerKiB("0.0000002BTT/KiB"));
        assertEquals(200, Units.nanoBttPerKiB("200 nBTT/KiB"));
        assertEquals(0, Units.nanoBttPerKiB("0"));
        Units.UnitException e = assertThrows(Units.UnitException.class, () -> Units.nanoBttPerKiB("0.5nBTT/KiB"));
        assertTrue(e.getMessage().contains("not a whole number of nano-BTT per KiB"), e.getMessage());
        e = assertThrows(Units.UnitException.class, () -> Units.nanoBttPerKiB("200nBTT/MiB"));
        assertTrue(e.getMessage().contains("accepted: nBTT/KiB, uBTT/KiB"), e.getMessage());
        assertThrows(Units.UnitException.class, () -> Units.nanoBttPerKiB("200"));
        assertThrows(Units.UnitException.class, () -> Units.nanoBttPerKiB("200BTT"));
        // brute force: n.ddd uBTT/KiB is n * 1000 + ddd nano-BTT per KiB, and the same in mBTT with three more digits
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            long whole = rng.nextLong(0, 1_000_000_000L);
            int frac = rng.nextInt(1_000);
            long nano = whole * 1_000 + frac;
            assertEquals(nano, Units.nanoBttPerKiB(whole + "." + String.format("%03d", frac) + "uBTT/KiB"));
            assertEquals(nano, Units.nanoBttPerKiB(nano / 1_000_000 + "." + String.format("%06d", nano % 1_000_000)
                    + "mBTT/KiB"));
        }
    }
}
