package org.speedsim.engine.speed.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The wire format at its exact limits: buffer bounds and sub-ranges, each limit at and one past its value, integers at
 * the ends of the long range, the BEP 10 id and name bounds, and the value types' own contracts.
 */
class WireEdgesTest {

    private static final int LOCAL_ID = 3;

    private final SpeedCodec codec = new SpeedCodec();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static DecodeResult<BValue> ok(BValue v) {
        return new DecodeResult.Ok<>(v);
    }

    @Test
    void decodingASubRangeOfABufferAndItsBounds() {
        Bencode b = new Bencode(BencodeLimits.DEFAULT);
        byte[] buf = ascii("xxi42eyy");
        assertEquals(ok(new BValue.BInt(42)), b.decode(buf, 2, 4));
        assertEquals(ok(new BValue.BInt(4)), b.decode(ascii("i4e"), 0, 3));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(buf, 2, 5)); // trailing 'y'
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(buf, 2, 3)); // cut before 'e'
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(buf, -1, 3));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(buf, 0, -1));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(buf, 6, 3));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(null, 0, 0));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(null));
        assertEquals(new DecodeResult.Malformed<BValue>("trailing bytes after value", 6), b.decode(buf, 2, 5));
        assertEquals(BencodeLimits.DEFAULT, b.limits());
    }

    @Test
    void everyLimitHoldsAtItsValueAndRefusesOnePast() {
        Bencode b = new Bencode(new BencodeLimits(9, 4, 2));
        assertEquals(ok(new BValue.BBytes(ascii("abcd"))), b.decode(ascii("4:abcd")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("5:abcde")));
        assertEquals(ok(new BValue.BList(List.of(new BValue.BList(List.of())))), b.decode(ascii("llee")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("llleee")));
        // exactly 9 bytes is accepted, 10 refused
        assertEquals(ok(new BValue.BInt(1234567)), b.decode(ascii("i1234567e")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("i12345678e")));
        assertThrows(IllegalArgumentException.class, () -> new BencodeLimits(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BencodeLimits(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BencodeLimits(1, 1, 0));
        new BencodeLimits(1, 0, 1);
    }

    @Test
    void integersAtTheEndsOfTheLongRange() {
        Bencode b = new Bencode(BencodeLimits.DEFAULT);
        assertEquals(ok(new BValue.BInt(Long.MAX_VALUE)), b.decode(ascii("i9223372036854775807e")));
        assertEquals(ok(new BValue.BInt(Long.MIN_VALUE)), b.decode(ascii("i-9223372036854775808e")));
        assertEquals(ok(new BValue.BInt(-7)), b.decode(ascii("i-7e")));
        assertEquals(ok(new BValue.BInt(0)), b.decode(ascii("i0e")));
        assertEquals(ok(new BValue.BInt(9)), b.decode(ascii("i9e")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("i9223372036854775808e")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("i-9223372036854775809e")));
        assertArrayEquals(ascii("i-9223372036854775808e"), Bencode.encode(new BValue.BInt(Long.MIN_VALUE)));
        assertArrayEquals(ascii("i9223372036854775807e"), Bencode.encode(new BValue.BInt(Long.MAX_VALUE)));
        assertArrayEquals(ascii("i-10e"), Bencode.encode(new BValue.BInt(-10)));
        assertArrayEquals(ascii("i10e"), Bencode.encode(new BValue.BInt(10)));
        assertArrayEquals(ascii("i0e"), Bencode.encode(new BValue.BInt(0)));
        assertEquals(4, Bencode.encodedLength(new BValue.BInt(10)));
        // a long byte string grows the output buffer past its first size
        byte[] big = new byte[5_000];
        java.util.Arrays.fill(big, (byte) 'z');
        byte[] enc = Bencode.encode(new BValue.BList(List.of(new BValue.BBytes(big), new BValue.BInt(1))));
        assertEquals(2 + 5 + 5_000 + 3, enc.length);
        assertEquals(ok(new BValue.BList(List.of(new BValue.BBytes(big), new BValue.BInt(1)))),
                new Bencode(new BencodeLimits(10_000, 5_000, 4)).decode(enc));
    }

    @Test
    void dictionariesNeedByteStringKeysInStrictOrderAndAreValues() {
        Bencode b = new Bencode(BencodeLimits.DEFAULT);
        TreeMap<String, BValue> m = new TreeMap<>();
        m.put("a", new BValue.BInt(1));
        m.put("b", new BValue.BInt(2));
        assertEquals(ok(new BValue.BDict(m)), b.decode(ascii("d1:ai1e1:bi2ee")));
        assertEquals(new DecodeResult.Malformed<BValue>("dictionary keys not strictly increasing", 7),
                b.decode(ascii("d1:bi1e1:ai2ee")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("d1:ai1e1:ai2ee")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("d:e")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("d/:ae")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("d1:ai1e")));
        assertInstanceOf(DecodeResult.Malformed.class, b.decode(ascii("d1:a")));
        assertThrows(IllegalArgumentException.class,
                () -> new BValue.BDict(new TreeMap<>(java.util.Comparator.reverseOrder())));
        TreeMap<String, BValue> wide = new TreeMap<>();
        wide.put("\u0100", new BValue.BInt(1));
        assertThrows(IllegalArgumentException.class, () -> new BValue.BDict(wide));
        TreeMap<String, BValue> latin = new TreeMap<>();
        latin.put("\u00ff", new BValue.BInt(1));
        assertEquals(new BValue.BInt(1), new BValue.BDict(latin).get("\u00ff"));
        assertThrows(NullPointerException.class, () -> new BValue.BDict(null));
    }

    @Test
    void byteStringsAreImmutableValues() {
        byte[] raw = ascii("hey");
        BValue.BBytes s = new BValue.BBytes(raw);
        raw[0] = 'x';
        assertEquals("hey", s.asUtf8());
        s.bytes()[0] = 'x';
        assertEquals("hey", s.asUtf8());
        assertEquals(3, s.length());
        assertEquals(s, BValue.BBytes.utf8("hey"));
        assertEquals(s.hashCode(), BValue.BBytes.utf8("hey").hashCode());
        assertNotEquals(s, BValue.BBytes.utf8("hez"));
        assertNotEquals(s, (Object) "hey");
        assertTrue(s.toString().contains("hey"), s.toString());
    }

    @Test
    void framesAtTheBoundsOfTheirHeaderAndIds() {
        assertInstanceOf(DecodeResult.Malformed.class, codec.decode(new byte[5], 0, 5, LOCAL_ID));
        byte[] bid = codec.encode(new SpeedMessage.Bid(5), LOCAL_ID);
        byte[] padded = new byte[bid.length + 4];
        System.arraycopy(bid, 0, padded, 2, bid.length);
        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.Bid(5)),
                codec.decode(padded, 2, bid.length, LOCAL_ID));
        assertInstanceOf(DecodeResult.Malformed.class, codec.decode(padded, 5, bid.length, LOCAL_ID));
        assertInstanceOf(DecodeResult.Malformed.class, codec.decode(padded, -1, 4, LOCAL_ID));
        assertInstanceOf(DecodeResult.Malformed.class, codec.decode(padded, 0, -1, LOCAL_ID));
        // a length prefix with its top byte set is a (huge) length, not a negative one
        byte[] huge = bid.clone();
        huge[0] = (byte) 0x80;
        assertInstanceOf(DecodeResult.Malformed.class, codec.decode(huge, LOCAL_ID));
        for (int i = 0; i < 4; i++) {
            byte[] longer = bid.clone();
            longer[i] ^= 1;
            assertInstanceOf(DecodeResult.Malformed.class, codec.decode(longer, LOCAL_ID), "prefix byte " + i);
        }
        // ids 1 and 255 are valid; 256 is not
        for (int id : new int[] {1, 255}) {
            byte[] f = codec.encode(new SpeedMessage.BidResponse(7), id);
            assertEquals(id, f[5] & 0xff);
            assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.BidResponse(7)), codec.decode(f, id));
        }
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new SpeedMessage.Bid(1), 256));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new SpeedMessage.Bid(1), -1));
    }

    @Test
    void handshakesAtTheBoundsOfTheirIdAndClientName() {
        String longest = "n".repeat(SpeedCodec.MAX_CLIENT_BYTES);
        SpeedMessage.ExtendedHandshake h = new SpeedMessage.ExtendedHandshake(255, longest);
        assertEquals(new DecodeResult.Ok<SpeedMessage>(h), codec.decode(codec.encode(h, 9), 9));
        assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new SpeedMessage.ExtendedHandshake(1, longest + "n"), 9));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMessage.ExtendedHandshake(256, ""));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMessage.ExtendedHandshake(-1, ""));
        assertThrows(NullPointerException.class, () -> new SpeedMessage.ExtendedHandshake(1, null));
        new SpeedMessage.ExtendedHandshake(0, "");
        assertFalse(new SpeedMessage.ExtendedHandshake(0, "x").supportsSpeed());
        assertTrue(new SpeedMessage.ExtendedHandshake(1, "x").supportsSpeed());
        // a handshake is always sent under extended id 0, whatever id the caller names
        assertEquals(0, codec.encode(h, 9)[5]);
        assertEquals(SpeedCodec.encodedSize(h), codec.encode(h, 9).length);

        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.ExtendedHandshake(0, "")),
                codec.decode(SpeedCodecTest.frame(0, ascii("d1:mdee")), 1));
        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.ExtendedHandshake(0, "x")),
                codec.decode(SpeedCodecTest.frame(0, ascii("d1:mde1:v1:xe")), 1));
        String[] bad = {"de", "d1:mi1ee", "d1:md8:bt_speedi-1eee", "d1:md8:bt_speedi256eee",
            "d1:md8:bt_speed1:1ee", "d1:mde1:vi1ee", "d1:mde1:v257:" + "n".repeat(257) + "e"};
        for (String p : bad) {
            assertInstanceOf(DecodeResult.Malformed.class, codec.decode(SpeedCodecTest.frame(0, ascii(p)), 1), p);
        }
        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.ExtendedHandshake(255, "n".repeat(256))),
                codec.decode(SpeedCodecTest.frame(0, ascii("d1:md8:bt_speedi255ee1:v256:" + "n".repeat(256)
                        + "e")), 1));
    }

    @Test
    void paymentsAtTheBoundsOfTheirFields() {
        byte[] sig = new byte[SpeedCodec.MAX_SIGNATURE_BYTES];
        SpeedMessage.Payment p = new SpeedMessage.Payment(0, 0, 0, sig);
        assertEquals(new DecodeResult.Ok<SpeedMessage>(p), codec.decode(codec.encode(p, LOCAL_ID), LOCAL_ID));
        assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new SpeedMessage.Payment(0, 0, 0, new byte[513]), LOCAL_ID));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMessage.Payment(-1, 0, 0, sig));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMessage.Payment(0, -1, 0, sig));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMessage.Payment(0, 0, -1, sig));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMessage.BidResponse(-1));
        String[] bad = {
            "d6:amounti-1e7:channeli1e8:msg_typei2e3:seqi1e3:sig0:e",
            "d6:amounti1e7:channeli-1e8:msg_typei2e3:seqi1e3:sig0:e",
            "d6:amounti1e7:channeli1e8:msg_typei2e3:seqi-1e3:sig0:e",
            "d7:channeli1e8:msg_typei2e3:seqi1e3:sig0:e",
            "d6:amounti1e7:channeli1e8:msg_typei2e3:seqi1e3:sig513:" + "s".repeat(513) + "e",
            "d8:msg_typei-1e5:pricei1ee",
            "d8:msg_typei3e5:pricei1ee",
        };
        for (String payload : bad) {
            assertInstanceOf(DecodeResult.Malformed.class,
                    codec.decode(SpeedCodecTest.frame(LOCAL_ID, ascii(payload)), LOCAL_ID), payload);
        }
        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.Payment(0, 0, 0, new byte[0])),
                codec.decode(SpeedCodecTest.frame(LOCAL_ID,
                        ascii("d6:amounti0e7:channeli0e8:msg_typei2e3:seqi0e3:sig0:e")), LOCAL_ID));
        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.BidResponse(0)),
                codec.decode(SpeedCodecTest.frame(LOCAL_ID, ascii("d8:msg_typei1e5:pricei0ee")), LOCAL_ID));
    }

    @Test
    void sizesCountEveryDecimalDigit() {
        for (long v : new long[] {0, 9, 10, 99, 100, 999_999_999, 1_000_000_000, Long.MAX_VALUE}) {
            SpeedMessage.Bid bid = new SpeedMessage.Bid(v);
            assertEquals(codec.encode(bid, LOCAL_ID).length, SpeedCodec.bidSize(v), "bid " + v);
            SpeedMessage.Payment p = new SpeedMessage.Payment(v, v, v, new byte[(int) (v % 70)]);
            assertEquals(codec.encode(p, LOCAL_ID).length, SpeedCodec.encodedSize(p), "payment " + v);
        }
    }

    @Test
    void paymentsAreValuesOverTheirSignatureBytes() {
        byte[] sig = {1, 2, 3};
        SpeedMessage.Payment p = new SpeedMessage.Payment(1, 2, 3, sig);
        sig[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, p.signature());
        p.signature()[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, p.signature());
        assertEquals(3, p.signatureLength());
        SpeedMessage.Payment same = new SpeedMessage.Payment(1, 2, 3, new byte[] {1, 2, 3});
        assertEquals(p, same);
        assertEquals(p.hashCode(), same.hashCode());
        assertNotEquals(p, new SpeedMessage.Payment(1, 2, 3, new byte[] {1, 2, 4}));
        assertNotEquals(p, new SpeedMessage.Payment(0, 2, 3, new byte[] {1, 2, 3}));
        assertNotEquals(p, new SpeedMessage.Payment(1, 0, 3, new byte[] {1, 2, 3}));
        assertNotEquals(p, new SpeedMessage.Payment(1, 2, 0, new byte[] {1, 2, 3}));
        assertNotEquals(p, (Object) "payment");
        assertEquals("Payment[channelId=1, sequence=2, cumulativeMicroBtt=3, signature=010203]", p.toString());
        assertTrue(new DecodeResult.Ok<>(1).isOk());
        assertFalse(new DecodeResult.Malformed<Integer>("x", 0).isOk());
    }

    private static <T> DecodeResult<T> malformed(String reason, int offset) {
        return new DecodeResult.Malformed<>(reason, offset);
    }

    @Test
    void everyRefusalNamesItsReasonAndWhereItWasFound() {
        Bencode b = new Bencode(BencodeLimits.DEFAULT);
        Object[][] cases = {
            {"", "unexpected end of input", 0},
            {"x", "unexpected byte 120", 0},
            {"\u00ff", "unexpected byte 255", 0},
            {"-1:a", "unexpected byte 45", 0},
            {"l", "unterminated list", 1},
            {"li1e", "unterminated list", 4},
            {"lx", "unexpected byte 120", 1},
            {"d", "unterminated dictionary", 1},
            {"di1ee", "dictionary key is not a byte string", 1},
            {"d1:ai1e", "unterminated dictionary", 7},
            {"d1:a", "unexpected end of input", 4},
            {"d2:a", "byte string runs past end of input", 3},
            {"5:ab", "byte string runs past end of input", 2},
            {"ie", "expected digits", 1},
            {"i1", "expected 'e'", 2},
            {"1", "expected ':'", 1},
            {"i01e", "leading zero", 1},
            {"i-0e", "negative zero", 2},
            {"i9223372036854775808e", "integer overflows 64 bits", 21},
            {"i99999999999999999999e", "integer overflows 64 bits", 19},
            {"i1ei2e", "trailing bytes after value", 3},
        };
        for (Object[] c : cases) {
            String in = (String) c[0];
            assertEquals(malformed((String) c[1], (Integer) c[2]), b.decode(ascii(in)), in);
        }
        Bencode small = new Bencode(new BencodeLimits(9, 4, 2));
        assertEquals(malformed("byte string longer than 4", 2), small.decode(ascii("5:abcde")));
        assertEquals(malformed("nesting deeper than 2", 2), small.decode(ascii("llleee")));
        Bencode shallow = new Bencode(new BencodeLimits(64, 4, 2));
        assertEquals(malformed("nesting deeper than 2", 8), shallow.decode(ascii("d1:ad1:adeee")));
        assertEquals(ok(new BValue.BDict(new TreeMap<>(java.util.Map.of("a", new BValue.BDict(new TreeMap<>()))))),
                shallow.decode(ascii("d1:adee")));
        assertEquals(malformed("value longer than 9 bytes", 0), small.decode(new byte[10]));
        assertEquals(malformed("bad buffer bounds", -1), b.decode(new byte[3], 2, 2));
        assertEquals(malformed("null buffer", -1), b.decode(null));
        // keys may be empty or start with any digit
        assertEquals(ok(new BValue.BDict(new TreeMap<>(java.util.Map.of("", new BValue.BInt(1))))),
                b.decode(ascii("d0:i1ee")));
        assertEquals(ok(new BValue.BDict(new TreeMap<>(java.util.Map.of("123456789", new BValue.BInt(1))))),
                b.decode(ascii("d9:123456789i1ee")));
    }

    @Test
    void frameRefusalsPointIntoTheBufferTheyCameIn() {
        int off = 2;
        Object[][] frames = {
            {SpeedCodecTest.frame(LOCAL_ID, new byte[0]), LOCAL_ID, "payload: unexpected end of input", off + 6},
            {SpeedCodecTest.frame(LOCAL_ID, ascii("li0ee")), LOCAL_ID, "payload is not a dictionary", off + 6},
            {SpeedCodecTest.frame(LOCAL_ID, ascii("d8:msg_typei0ee")), LOCAL_ID + 1,
                "unknown extended message id 3", off + 5},
            {SpeedCodecTest.frame(LOCAL_ID, ascii("d5:pricei1ee")), LOCAL_ID, "\"msg_type\" missing or negative", -1},
            {SpeedCodecTest.frame(LOCAL_ID, ascii("d8:msg_typei3ee")), LOCAL_ID, "unknown msg_type 3", -1},
        };
        for (Object[] f : frames) {
            byte[] frame = (byte[]) f[0];
            byte[] buf = new byte[frame.length + 2 * off];
            System.arraycopy(frame, 0, buf, off, frame.length);
            assertEquals(malformed((String) f[2], (Integer) f[3]), codec.decode(buf, off, frame.length, (Integer) f[1]),
                    (String) f[2]);
        }
        byte[] notExtended = SpeedCodecTest.frame(LOCAL_ID, ascii("de"));
        notExtended[4] = 7;
        byte[] buf = new byte[notExtended.length + off];
        System.arraycopy(notExtended, 0, buf, off, notExtended.length);
        assertEquals(malformed("not an extended message (id 7)", off + 4),
                codec.decode(buf, off, notExtended.length, LOCAL_ID));
        assertEquals(malformed("frame shorter than its header", off), codec.decode(new byte[8], off, 5, LOCAL_ID));
        byte[] wrongLength = SpeedCodecTest.frame(LOCAL_ID, ascii("de"));
        wrongLength[3]++;
        assertEquals(malformed("length prefix 5 does not match frame of 8 bytes", 0),
                codec.decode(wrongLength, LOCAL_ID));
    }

    @Test
    void bufferBoundsAreCheckedBeforeAnyByteIsRead() {
        byte[] bid = codec.encode(new SpeedMessage.Bid(5), LOCAL_ID);
        byte[] padded = new byte[bid.length + 4];
        System.arraycopy(bid, 0, padded, 2, bid.length);
        assertEquals(malformed("bad buffer bounds", -1), codec.decode(padded, 5, bid.length, LOCAL_ID));
        assertEquals(malformed("bad buffer bounds", -1), codec.decode(padded, -1, 4, LOCAL_ID));
        assertEquals(malformed("bad buffer bounds", -1), codec.decode(padded, 0, -1, LOCAL_ID));
        assertEquals(malformed("bad buffer bounds", -1), codec.decode(null, 0, 0, LOCAL_ID));
        assertEquals(malformed("null frame", -1), codec.decode(null, LOCAL_ID));
        assertEquals(malformed("frame shorter than its header", 3), codec.decode(new byte[10], 3, 0, LOCAL_ID));
        // a frame that ends exactly at the end of the buffer is in bounds
        byte[] atEnd = new byte[bid.length + 3];
        System.arraycopy(bid, 0, atEnd, 3, bid.length);
        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.Bid(5)),
                codec.decode(atEnd, 3, bid.length, LOCAL_ID));
    }

    @Test
    void aHandshakeMayNameSpeedIdZeroToSayItDoesNotSupportIt() {
        assertEquals(new DecodeResult.Ok<SpeedMessage>(new SpeedMessage.ExtendedHandshake(0, "")),
                codec.decode(SpeedCodecTest.frame(0, ascii("d1:md8:bt_speedi0eee")), 1));
    }
}
