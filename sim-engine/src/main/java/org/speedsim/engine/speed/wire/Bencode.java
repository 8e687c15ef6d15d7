package org.speedsim.engine.speed.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strict bencode (BEP 3): integers {@code i<decimal>e} without leading zeros or {@code -0}, byte strings
 * {@code <length>:<bytes>}, lists {@code l...e} and dictionaries {@code d...e} whose keys are byte strings in
 * strictly increasing raw byte order. Decoding enforces {@link BencodeLimits} and never throws: every input yields
 * either a value or a {@link DecodeResult.Malformed} reason.
 *
 * <p>Invariant: {@code decode(encode(v))} equals {@code v}, and every accepted input is the unique canonical encoding
 * of its value, so {@code encode(decode(bytes)) == bytes}.
 */
public final class Bencode {

    private final BencodeLimits limits;

    public Bencode(BencodeLimits limits) {
        this.limits = limits;
    }

    public BencodeLimits limits() {
        return limits;
    }

    /** Decodes exactly one value spanning {@code bytes[off, off + len)}. */
    public DecodeResult<BValue> decode(byte[] bytes, int off, int len) {
        if (bytes == null || off < 0 || len < 0 || off > bytes.length - len) {
            return new DecodeResult.Malformed<>("bad buffer bounds", -1);
        }
        if (len > limits.maxTotalBytes()) {
            return new DecodeResult.Malformed<>("value longer than " + limits.maxTotalBytes() + " bytes", off);
        }
        Parser p = new Parser(bytes, off, off + len, limits);
        BValue v = p.value(1);
        if (v == null) {
            return new DecodeResult.Malformed<>(p.error, p.errorAt);
        }
        if (p.pos != p.end) {
            return new DecodeResult.Malformed<>("trailing bytes after value", p.pos);
        }
        return new DecodeResult.Ok<>(v);
    }

    public DecodeResult<BValue> decode(byte[] bytes) {
        return bytes == null ? new DecodeResult.Malformed<>("null buffer", -1) : decode(bytes, 0, bytes.length);
    }

    /** The canonical encoding of {@code v}. */
    public static byte[] encode(BValue v) {
        ByteSink.ArraySink sink = new ByteSink.ArraySink(encodedLength(v));
        write(v, sink);
        return sink.toByteArray();
    }

    /** Length in bytes of the canonical encoding of {@code v}. */
    public static int encodedLength(BValue v) {
        ByteSink.Counting c = new ByteSink.Counting();
        write(v, c);
        return c.count;
    }

    static void write(BValue v, ByteSink out) {
        if (v instanceof BValue.BInt i) {
            writeInt(i.value(), out);
        } else if (v instanceof BValue.BBytes b) {
            writeBytes(b.bytes(), out);
        } else if (v instanceof BValue.BList l) {
            out.put('l');
            for (BValue item : l.items()) {
                write(item, out);
            }
            out.put('e');
        } else {
            out.put('d');
            for (Map.Entry<String, BValue> e : ((BValue.BDict) v).entries().entrySet()) {
                writeBytes(e.getKey().getBytes(StandardCharsets.ISO_8859_1), out);
                write(e.getValue(), out);
            }
            out.put('e');
        }
    }

    static void writeInt(long v, ByteSink out) {
        out.put('i');
        out.putDecimal(v);
        out.put('e');
    }

    static void writeBytes(byte[] b, ByteSink out) {
        out.putDecimal(b.length);
        out.put(':');
        out.put(b);
    }

    /** Writes a key that is known to be ASCII. */
    static void writeKey(String asciiKey, ByteSink out) {
        out.putDecimal(asciiKey.length());
        out.put(':');
        for (int i = 0; i < asciiKey.length(); i++) {
            out.put(asciiKey.charAt(i));
        }
    }

    /** Recursive-descent parser; returns null and records the first error instead of throwing. */
    private static final class Parser {
        final byte[] buf;
        final int end;
        final BencodeLimits limits;
        int pos;
        String error;
        int errorAt;

        Parser(byte[] buf, int start, int end, BencodeLimits limits) {
            this.buf = buf;
            this.pos = start;
            this.end = end;
            this.limits = limits;
        }

        <T> T fail(String reason) {
            if (error == null) {
                error = reason;
                errorAt = pos;
            }
            return null;
        }

        BValue value(int depth) {
            if (pos >= end) {
                return fail("unexpected end of input");
            }
            int c = buf[pos];
            if (c == 'i') {
                pos++;
                Long v = integer('e', true);
                return v == null ? null : new BValue.BInt(v);
            }
            if (c >= '0' && c <= '9') {
                byte[] b = byteString();
                return b == null ? null : new BValue.BBytes(b);
            }
            if (c == 'l' || c == 'd') {
                if (depth > limits.maxDepth()) {
                    return fail("nesting deeper than " + limits.maxDepth());
                }
                pos++;
                return c == 'l' ? list(depth) : dict(depth);
            }
            return fail("unexpected byte " + (c & 0xff));
        }

        BValue list(int depth) {
            List<BValue> items = new ArrayList<>();
            while (true) {
                if (pos >= end) {
                    return fail("unterminated list");
                }
                if (buf[pos] == 'e') {
                    pos++;
                    return new BValue.BList(items);
                }
                BValue item = value(depth + 1);
                if (item == null) {
                    return null;
                }
                items.add(item);
            }
        }

        BValue dict(int depth) {
            TreeMap<String, BValue> entries = new TreeMap<>();
            String previous = null;
            while (true) {
                if (pos >= end) {
                    return fail("unterminated dictionary");
                }
                if (buf[pos] == 'e') {
                    pos++;
                    return new BValue.BDict(entries);
                }
                if (buf[pos] < '0' || buf[pos] > '9') {
                    return fail("dictionary key is not a byte string");
                }
                int keyAt = pos;
                byte[] k = byteString();
                if (k == null) {
                    return null;
                }
                String key = new String(k, StandardCharsets.ISO_8859_1);
                if (previous != null && previous.compareTo(key) >= 0) {
                    pos = keyAt;
                    return fail("dictionary keys not strictly increasing");
                }
                previous = key;
                BValue v = value(depth + 1);
                if (v == null) {
                    return null;
                }
                entries.put(key, v);
            }
        }

        byte[] byteString() {
            Long len = integer(':', false);
            if (len == null) {
                return null;
            }
            if (len > limits.maxStringBytes()) {
                return fail("byte string longer than " + limits.maxStringBytes());
            }
            if (len > end - pos) {
                return fail("byte string runs past end of input");
            }
            int n = (int) (long) len;
            byte[] b = new byte[n];
            System.arraycopy(buf, pos, b, 0, n);
            pos += n;
            return b;
        }

        /** Parses a canonical decimal up to {@code terminator}, consuming it. */
        Long integer(char terminator, boolean allowNegative) {
            boolean negative = false;
            if (pos < end && buf[pos] == '-') {
                if (!allowNegative) {
                    return fail("negative length");
                }
                negative = true;
                pos++;
            }
            int first = pos;
            long acc = 0; // accumulated as a negative number so Long.MIN_VALUE fits
            while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
                int d = buf[pos] - '0';
                if (acc < (Long.MIN_VALUE + d) / 10) {
                    return fail("integer overflows 64 bits");
                }
                acc = acc * 10 - d;
                pos++;
            }
            int digits = pos - first;
            if (digits == 0) {
                return fail("expected digits");
            }
            if (digits > 1 && buf[first] == '0') {
                pos = first;
                return fail("leading zero");
            }
            if (negative && acc == 0) {
                pos = first;
                return fail("negative zero");
            }
            if (pos >= end || buf[pos] != terminator) {
                return fail("expected '" + terminator + "'");
            }
            pos++;
            if (negative) {
                return acc;
            }
            if (acc == Long.MIN_VALUE) {
                return fail("integer overflows 64 bits");
            }
            return -acc;
        }
    }
}
