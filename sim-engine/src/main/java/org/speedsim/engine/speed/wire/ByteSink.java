package org.speedsim.engine.speed.wire;

/**
 * Where encoders write bytes. The same encoding code writes to a {@link Counting} sink (to measure a message without
 * building it) and to an {@link ArraySink}, so a measured size always equals the written size.
 */
abstract class ByteSink {

    abstract void put(int b);

    void put(byte[] bytes) {
        for (byte b : bytes) {
            put(b);
        }
    }

    /** Writes the ASCII decimal form of {@code v} (with a leading '-' when negative). */
    final void putDecimal(long v) {
        if (v < 0) {
            put('-');
        } else {
            v = -v;
        }
        // v is now <= 0; work with negatives so that Long.MIN_VALUE needs no special case.
        long div = -1;
        while (v / 10 <= div) {
            div *= 10;
        }
        for (; div != 0; div /= 10) {
            put('0' + (int) (v / div));
            v %= div;
        }
    }

    /** Counts bytes without storing them. */
    static final class Counting extends ByteSink {
        int count;

        @Override
        void put(int b) {
            count++;
        }

        @Override
        void put(byte[] bytes) {
            count += bytes.length;
        }
    }

    /** Writes into a growable array. */
    static final class ArraySink extends ByteSink {
        byte[] buf;
        int size;

        ArraySink(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        @Override
        void put(int b) {
            if (size == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) b;
        }

        byte[] toByteArray() {
            return size == buf.length ? buf : java.util.Arrays.copyOf(buf, size);
        }
    }
}
