package org.speedsim.engine.speed.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class BencodeTest {

    private final Bencode bencode = new Bencode(BencodeLimits.DEFAULT);

    private static final RandomGeneratorFactory<RandomGenerator> RNG = RandomGeneratorFactory.of("L64X128MixRandom");

    static RandomGenerator rng(long seed) {
        return RNG.create(seed);
    }

    static BValue randomValue(RandomGenerator r, int depth) {
        int kind = depth >= 4 ? r.nextInt(2) : r.nextInt(4);
        switch (kind) {
            case 0:
                return new BValue.BInt(switch (r.nextInt(4)) {
                    case 0 -> r.nextLong();
                    case 1 -> r.nextInt(-20, 20);
                    case 2 -> r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
                    default -> r.nextInt(1_000_000);
                });
            case 1: {
                byte[] b = new byte[r.nextInt(12)];
                r.nextBytes(b);
                return new BValue.BBytes(b);
            }
            case 2: {
                List<BValue> items = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    items.add(randomValue(r, depth + 1));
                }
                return new BValue.BList(items);
            }
            default: {
                TreeMap<String, BValue> m = new TreeMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    byte[] k = new byte[r.nextInt(6)];
                    r.nextBytes(k);
                    m.put(new String(k, StandardCharsets.ISO_8859_1), randomValue(r, depth + 1));
                }
                return new BValue.BDict(m);
            }
        }
    }

    @Test
    void randomValuesRoundTripAndLengthsAgree() {
        for (long seed = 0; seed < 5_000; seed++) {
            BValue v = randomValue(rng(seed), 1);
            byte[] enc = Bencode.encode(v);
            assertEquals(enc.length, Bencode.encodedLength(v));
            DecodeResult<BValue> back = bencode.decode(enc);
            assertEquals(new DecodeResult.Ok<>(v), back, "seed " + seed);
        }
    }

    @Test
    void knownEncodings() {
        assertEquals("i0e", ascii(Bencode.encode(new BValue.BInt(0))));
        assertEquals("i-42e", ascii(Bencode.encode(new BValue.BInt(-42))));
        assertEquals("i-9223372036854775808e", ascii(Bencode.encode(new BValue.BInt(Long.MIN_VALUE))));
        assertEquals("i9223372036854775807e", ascii(Bencode.encode(new BValue.BInt(Long.MAX_VALUE))));
        TreeMap<String, BValue> m = new TreeMap<>();
        m.put("spam", new BValue.BList(List.of(BValue.BBytes.utf8("a"), BValue.BBytes.utf8("b"))));
        m.put("cow", BValue.BBytes.utf8("moo"));
        assertEquals("d3:cow3:moo4:spaml1:a1:bee", ascii(Bencode.encode(new BValue.BDict(m))));
        assertEquals("0:", ascii(Bencode.encode(new BValue.BBytes(new byte[0]))));
    }

    @Test
    void decimalWriterMatchesLongToString() {
        RandomGenerator r = rng(7);
        for (int i = 0; i < 20_000; i++) {
            long v = switch (i % 3) {
                case 0 -> r.nextLong();
                case 1 -> r.nextLong() >> r.nextInt(64);
                default -> i - 10_000;
            };
            ByteSink.ArraySink s = new ByteSink.ArraySink(4);
            s.putDecimal(v);
            assertEquals(Long.toString(v), ascii(s.toByteArray()));
        }
    }

    @Test
    void rejectsNonCanonicalAndHostileInput() {
        String[] bad = {
            "", "i", "ie", "i-e", "i01e", "i-0e", "i--1e", "i1", "i9223372036854775808e",
            "i-9223372036854775809e", "i99999999999999999999e", "01:a", "-1:a", "2:a", "3", ":", "x",
            "l", "li1e", "d", "d1:a", "d1:ai1e", "di1ei2ee", "d1:bi1e1:ai2ee", "d1:ai1e1:ai2ee",
            "i1ei2e", "le ", "1:ab", "d1:ale1:b", "i+1e", "i 1e", "l01:ae",
        };
        for (String s : bad) {
            DecodeResult<BValue> r = bencode.decode(s.getBytes(StandardCharsets.ISO_8859_1));
            assertInstanceOf(DecodeResult.Malformed.class, r, "accepted \"" + s + "\"");
        }
    }

    @Test
    void enforcesLimits() {
        Bencode small = new Bencode(new BencodeLimits(64, 5, 3));
        assertInstanceOf(DecodeResult.Ok.class, small.decode(bytes("5:abcde")));
        assertInstanceOf(DecodeResult.Malformed.class, small.decode(bytes("6:abcdef")));
        assertInstanceOf(DecodeResult.Ok.class, small.decode(bytes("lllee" + "e")));
        assertInstanceOf(DecodeResult.Malformed.class, small.decode(bytes("lllleeee")));
        assertInstanceOf(DecodeResult.Malformed.class, small.decode(new byte[65]));
        // a declared length far beyond the input must not allocate or throw
        assertInstanceOf(DecodeResult.Malformed.class, bencode.decode(bytes("2147483647:a")));
        assertInstanceOf(DecodeResult.Malformed.class, bencode.decode(bytes("99999999999999999999:a")));
        // deep nesting is refused before it can exhaust the stack
        assertInstanceOf(DecodeResult.Malformed.class, bencode.decode(bytes("l".repeat(10_000) + "e".repeat(10_000))));
    }

    @Test
    void acceptedInputIsCanonical() {
        // every accepted byte string re-encodes to itself: there is exactly one encoding per value
        RandomGenerator r = rng(11);
        byte[] alphabet = bytes("0123456789ilde:-a");
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[1 + r.nextInt(10)];
            for (int j = 0; j < b.length; j++) {
                b[j] = alphabet[r.nextInt(alphabet.length)];
            }
            if (bencode.decode(b) instanceof DecodeResult.Ok<BValue> ok) {
                accepted++;
                assertArrayEquals(b, Bencode.encode(ok.value()), ascii(b));
            }
        }
        assertEquals(true, accepted > 500, "too few random strings accepted: " + accepted);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
