package org.speedsim.engine.speed.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpeedCodecTest {

    private static final int LOCAL_ID = 3;
    private static final Pattern NUMBERS = Pattern.compile("[0-9]+");

    private final SpeedCodec codec = new SpeedCodec();

    static SpeedMessage randomMessage(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> new SpeedMessage.ExtendedHandshake(r.nextInt(256),
                    r.nextBoolean() ? "speedsim 0.1" : "µTorrent/3.6 ☃".repeat(r.nextInt(4)));
            case 1 -> new SpeedMessage.Bid(randomAmount(r));
            case 2 -> new SpeedMessage.BidResponse(randomAmount(r));
            default -> {
                byte[] sig = new byte[r.nextBoolean() ? 64 : r.nextInt(100)];
                r.nextBytes(sig);
                yield new SpeedMessage.Payment(randomAmount(r), randomAmount(r), randomAmount(r), sig);
            }
        };
    }

    static long randomAmount(RandomGenerator r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.nextLong(Long.MAX_VALUE);
            case 1 -> r.nextInt(1000);
            default -> r.nextBoolean() ? 0 : Long.MAX_VALUE;
        };
    }

    @Test
    void everyMessageRoundTripsAndItsSizeIsItsLength() {
        for (long seed = 0; seed < 20_000; seed++) {
            SpeedMessage m = randomMessage(BencodeTest.rng(seed));
            byte[] frame = codec.encode(m, LOCAL_ID);
            assertEquals(frame.length, SpeedCodec.encodedSize(m), m.toString());
            assertEquals(new DecodeResult.Ok<>(m), codec.decode(frame, LOCAL_ID), m.toString());
        }
    }

    @Test
    void framesFollowBep10() {
        byte[] bid = codec.encode(new SpeedMessage.Bid(1500), 7);
        byte[] payload = "d8:msg_typei0e5:pricei1500ee".getBytes(StandardCharsets.US_ASCII);
        assertEquals(6 + payload.length, bid.length);
        assertEquals(payload.length + 2, ((bid[0] & 0xff) << 24) | ((bid[1] & 0xff) << 16)
                | ((bid[2] & 0xff) << 8) | (bid[3] & 0xff));
        assertEquals(20, bid[4]);
        assertEquals(7, bid[5]);
        assertEquals(new String(payload, StandardCharsets.US_ASCII),
                new String(bid, 6, bid.length - 6, StandardCharsets.US_ASCII));

        byte[] hs = codec.encode(new SpeedMessage.ExtendedHandshake(LOCAL_ID, "speedsim"), 99);
        assertEquals(0, hs[5], "the handshake always travels under extended id 0");
        assertEquals("d1:md8:bt_speedi3ee1:v8:speedsime",
                new String(hs, 6, hs.length - 6, StandardCharsets.US_ASCII));
    }

    @Test
    void readsAForeignHandshakeAndIgnoresUnknownKeys() {
        String payload = "d1:ei0e1:md8:bt_speedi9e11:ut_metadatai2e6:ut_pexi1ee13:metadata_sizei31235e"
                + "1:pi6881e4:reqqi255e1:v15:µTorrent 3.6.0e";
        byte[] frame = frame(0, payload.getBytes(StandardCharsets.UTF_8));
        DecodeResult<SpeedMessage> r = codec.decode(frame, LOCAL_ID);
        assertEquals(new DecodeResult.Ok<>(new SpeedMessage.ExtendedHandshake(9, "µTorrent 3.6.0")), r);

        byte[] legacy = frame(0, "d1:md6:ut_pexi1eee".getBytes(StandardCharsets.US_ASCII));
        SpeedMessage.ExtendedHandshake h = (SpeedMessage.ExtendedHandshake)
                ((DecodeResult.Ok<SpeedMessage>) codec.decode(legacy, LOCAL_ID)).value();
        assertEquals(false, h.supportsSpeed());
    }

    @Test
    void rejectsWrongFramingAndContent() {
        byte[] good = codec.encode(new SpeedMessage.Bid(5), LOCAL_ID);
        assertMalformed(codec.decode(good, LOCAL_ID + 1)); // not our extended id
        assertMalformed(codec.decode(good, 0)); // we never advertised Speed
        assertMalformed(codec.decode(Arrays.copyOf(good, good.length - 1), LOCAL_ID));
        byte[] wrongId = good.clone();
        wrongId[4] = 7;
        assertMalformed(codec.decode(wrongId, LOCAL_ID));
        assertMalformed(codec.decode(new byte[0], LOCAL_ID));
        assertMalformed(codec.decode(null, LOCAL_ID));
        assertMalformed(codec.decode(good, 3, good.length, LOCAL_ID));
        String[] payloads = {
            "d8:msg_typei0ee", "d8:msg_typei0e5:pricei-1ee", "d8:msg_typei9e5:pricei1ee", "d5:pricei1ee",
            "d8:msg_type1:05:pricei1ee", "li0ee", "d8:msg_typei2e3:seqi1e3:sig0:e",
            "d6:amounti1e7:channeli1e8:msg_typei2e3:seqi1e3:sigi0ee",
        };
        for (String p : payloads) {
            assertMalformed(codec.decode(frame(LOCAL_ID, p.getBytes(StandardCharsets.US_ASCII)), LOCAL_ID));
        }
        assertMalformed(codec.decode(frame(0, "d1:md8:bt_speedi256eee".getBytes(StandardCharsets.US_ASCII)), 1));
        assertMalformed(codec.decode(frame(0, new byte[] {'d', '1', ':', 'm', 'd', 'e', '1', ':', 'v', '1', ':',
            (byte) 0xff, 'e'}), 1));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new SpeedMessage.Bid(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new SpeedMessage.Bid(-1));
    }

    /**
     * At least 100,000 random mutations of valid frames: every decode returns a result, never throws, and a mutated
     * frame that still decodes yields a message that re-encodes and decodes to itself.
     */
    @Test
    void mutatedFramesNeverThrow() {
        RandomGenerator r = BencodeTest.rng(2026);
        int mutations = 110_000;
        int ok = 0;
        Map<String, Integer> reasons = new HashMap<>();
        for (int i = 0; i < mutations; i++) {
            byte[] frame = codec.encode(randomMessage(r), LOCAL_ID);
            byte[] mutated = mutate(frame, r);
            DecodeResult<SpeedMessage> res = codec.decode(mutated, LOCAL_ID);
            assertNotNull(res);
            if (res instanceof DecodeResult.Ok<SpeedMessage> good) {
                ok++;
                byte[] again = codec.encode(good.value(), LOCAL_ID);
                assertEquals(res, codec.decode(again, LOCAL_ID));
            } else {
                String reason = NUMBERS.matcher(((DecodeResult.Malformed<SpeedMessage>) res).reason()).replaceAll("N");
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        assertTrue(ok > mutations / 100, "mutations should sometimes stay valid, got " + ok);
        assertTrue(reasons.size() > 20, "mutations should reach many checks, got " + reasons.keySet());
    }

    /** One to three random edits; most of the time the length prefix is repaired so that the payload is parsed. */
    static byte[] mutate(byte[] frame, RandomGenerator r) {
        byte[] b = frame;
        byte[] interesting = "0123456789-:ield".getBytes(StandardCharsets.US_ASCII);
        for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
            int at = r.nextInt(b.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (r.nextInt(6)) {
                case 0 -> { // overwrite a byte
                    b = b.clone();
                    if (at < b.length) {
                        b[at] = r.nextBoolean() ? (byte) r.nextInt(256) : interesting[r.nextInt(interesting.length)];
                    }
                }
                case 1 -> { // insert a byte
                    out.write(b, 0, at);
                    out.write(r.nextBoolean() ? r.nextInt(256) : interesting[r.nextInt(interesting.length)]);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
                case 2 -> { // delete a run
                    int len = Math.min(b.length - at, 1 + r.nextInt(4));
                    out.write(b, 0, at);
                    out.write(b, at + len, b.length - at - len);
                    b = out.toByteArray();
                }
                case 3 -> b = Arrays.copyOf(b, at); // truncate
                case 4 -> { // duplicate a run
                    int len = Math.min(b.length - at, 1 + r.nextInt(8));
                    out.write(b, 0, at + len);
                    out.write(b, at, b.length - at);
                    b = out.toByteArray();
                }
                default -> { // flip one bit
                    b = b.clone();
                    if (at < b.length) {
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                }
            }
        }
        if (b.length >= 4 && r.nextInt(10) < 8) {
            int len = b.length - 4;
            b[0] = (byte) (len >>> 24);
            b[1] = (byte) (len >>> 16);
            b[2] = (byte) (len >>> 8);
            b[3] = (byte) len;
        }
        return b;
    }

    static byte[] frame(int extId, byte[] payload) {
        byte[] f = new byte[6 + payload.length];
        int len = payload.length + 2;
        f[0] = (byte) (len >>> 24);
        f[1] = (byte) (len >>> 16);
        f[2] = (byte) (len >>> 8);
        f[3] = (byte) len;
        f[4] = 20;
        f[5] = (byte) extId;
        System.arraycopy(payload, 0, f, 6, payload.length);
        return f;
    }

    private static void assertMalformed(DecodeResult<SpeedMessage> r) {
        assertInstanceOf(DecodeResult.Malformed.class, r, String.valueOf(r));
    }
}
