package org.speedsim.engine.speed.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bencoded value: an integer, a byte string, a list or a dictionary. Dictionary keys are byte strings held as
 * ISO-8859-1 {@code String}s (one char per byte), so their natural {@code String} order is the raw byte order that
 * bencode requires.
 *
 * <p>Invariant: values are immutable; a {@link BDict} is always sorted by key.
 */
public sealed interface BValue permits BValue.BInt, BValue.BBytes, BValue.BList, BValue.BDict {

    /** A bencoded integer. */
    record BInt(long value) implements BValue {
    }

    /** A bencoded byte string; the array is copied in and never exposed. */
    record BBytes(byte[] bytes) implements BValue {
        public BBytes {
            bytes = bytes.clone();
        }

        public static BBytes utf8(String s) {
            return new BBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        public String asUtf8() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BBytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "BBytes[" + new String(bytes, StandardCharsets.ISO_8859_1) + "]";
        }
    }

    /** A bencoded list. */
    record BList(List<BValue> items) implements BValue {
        public BList {
            items = List.copyOf(items);
        }
    }

    /** A bencoded dictionary with keys in raw byte order (ISO-8859-1 strings). */
    record BDict(SortedMap<String, BValue> entries) implements BValue {
        public BDict {
            Objects.requireNonNull(entries, "entries");
            if (entries.comparator() != null) {
                throw new IllegalArgumentException("keys must use natural (byte) order");
            }
            for (String key : entries.keySet()) {
                for (int i = 0; i < key.length(); i++) {
                    if (key.charAt(i) > 0xff) {
                        throw new IllegalArgumentException("key is not a byte string (ISO-8859-1): " + key);
                    }
                }
            }
            entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        public BValue get(String key) {
            return entries.get(key);
        }
    }
}
