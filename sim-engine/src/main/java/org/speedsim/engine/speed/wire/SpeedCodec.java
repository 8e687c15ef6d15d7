package org.speedsim.engine.speed.wire;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Encodes and decodes Speed messages as complete BitTorrent peer-wire frames in BEP 10 form:
 * {@code <4-byte big-endian length><id 20><extended id><bencoded dictionary>}. The extension handshake travels under
 * extended id 0; every other Speed message travels under the id that the <em>receiving</em> peer assigned to
 * {@value #EXTENSION_NAME} in its handshake and carries {@code "msg_type"} (0 bid, 1 bid response, 2 payment).
 *
 * <p>Payload dictionaries: bid and bid response {@code {"msg_type", "price"}}; payment {@code {"amount" (cumulative
 * micro-BTT), "channel", "msg_type", "seq", "sig"}}; handshake {@code {"m": {"bt_speed": id}, "v": client}}. As BEP 10
 * asks, unknown dictionary keys are ignored; the bencode itself is checked strictly.
 *
 * <p>Invariant: decoding never throws; {@code decode(encode(m, id), id)} is {@code Ok(m)}; {@link #encodedSize}
 * equals the length of {@link #encode} for every message.
 */
public final class SpeedCodec {

    /** BEP 10 name under which Speed is advertised in the extension handshake's {@code "m"} dictionary. */
    public static final String EXTENSION_NAME = "bt_speed";

    /** Peer-wire message id of BEP 10 extended messages. */
    public static final int EXTENDED_MESSAGE_ID = 20;

    /** Extended message id of the extension handshake. */
    public static final int HANDSHAKE_ID = 0;

    public static final int TYPE_BID = 0;
    public static final int TYPE_BID_RESPONSE = 1;
    public static final int TYPE_PAYMENT = 2;

    /** Longest accepted client name ({@code "v"}), in UTF-8 bytes. */
    public static final int MAX_CLIENT_BYTES = 256;

    /** Longest accepted payment signature (an Ed25519 signature has 64 bytes). */
    public static final int MAX_SIGNATURE_BYTES = 512;

    /** Bytes before the payload: length prefix, message id, extended id. */
    public static final int HEADER_BYTES = 6;

    private final Bencode bencode;

    public SpeedCodec(BencodeLimits limits) {
        this.bencode = new Bencode(limits);
    }

    public SpeedCodec() {
        this(BencodeLimits.DEFAULT);
    }

    /**
     * The wire frame of {@code msg}. A handshake is always sent under extended id 0; other messages under
     * {@code remoteSpeedId}, the id the receiver advertised (1..255).
     */
    public byte[] encode(SpeedMessage msg, int remoteSpeedId) {
        int extId = extendedIdFor(msg, remoteSpeedId);
        ByteSink.ArraySink sink = new ByteSink.ArraySink(encodedSize(msg));
        writeFrame(msg, extId, sink);
        return sink.toByteArray();
    }

    /** Bytes {@code msg} occupies on the wire, including the 4-byte length prefix, measured without building it. */
    public static int encodedSize(SpeedMessage msg) {
        if (msg instanceof SpeedMessage.Bid b) {
            return bidSize(b.priceNanoPerKiB());
        }
        if (msg instanceof SpeedMessage.BidResponse r) {
            return bidSize(r.priceNanoPerKiB());
        }
        if (msg instanceof SpeedMessage.Payment p) {
            return paymentSize(p.channelId(), p.sequence(), p.cumulativeMicroBtt(), p.signatureLength());
        }
        ByteSink.Counting c = new ByteSink.Counting();
        writeFrame(msg, 0, c);
        return c.count;
    }

    /**
     * Wire size of a Bid or BidResponse frame at {@code priceNanoPerKiB}: {@code d8:msg_typei0e5:pricei<price>ee}
     * after the 6 header bytes. Allocation-free, for counting overhead per message.
     */
    public static int bidSize(long priceNanoPerKiB) {
        return HEADER_BYTES + 24 + digits(priceNanoPerKiB);
    }

    /** Wire size of a Payment frame; allocation-free, for counting overhead per message. */
    public static int paymentSize(long channelId, long sequence, long cumulativeMicroBtt, int signatureBytes) {
        return HEADER_BYTES + 49 + digits(cumulativeMicroBtt) + digits(channelId) + digits(sequence)
                + digits(signatureBytes) + signatureBytes;
    }

    /** Decimal digits of a non-negative number. */
    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    /**
     * Decodes one complete frame in {@code bytes[off, off + len)} received by a peer that advertised
     * {@code localSpeedId} for Speed. Never throws.
     */
    public DecodeResult<SpeedMessage> decode(byte[] bytes, int off, int len, int localSpeedId) {
        if (bytes == null || off < 0 || len < 0 || off > bytes.length - len) {
            return malformed("bad buffer bounds", -1);
        }
        if (len < HEADER_BYTES) {
            return malformed("frame shorter than its header", off);
        }
        long declared = ((bytes[off] & 0xffL) << 24) | ((bytes[off + 1] & 0xff) << 16)
                | ((bytes[off + 2] & 0xff) << 8) | (bytes[off + 3] & 0xff);
        if (declared != len - 4L) {
            return malformed("length prefix " + declared + " does not match frame of " + len + " bytes", off);
        }
        if ((bytes[off + 4] & 0xff) != EXTENDED_MESSAGE_ID) {
            return malformed("not an extended message (id " + (bytes[off + 4] & 0xff) + ")", off + 4);
        }
        int extId = bytes[off + 5] & 0xff;
        DecodeResult<BValue> payload = bencode.decode(bytes, off + HEADER_BYTES, len - HEADER_BYTES);
        if (payload instanceof DecodeResult.Malformed<BValue> m) {
            return malformed("payload: " + m.reason(), m.offset());
        }
        BValue root = ((DecodeResult.Ok<BValue>) payload).value();
        if (!(root instanceof BValue.BDict dict)) {
            return malformed("payload is not a dictionary", off + HEADER_BYTES);
        }
        if (extId == HANDSHAKE_ID) {
            return handshake(dict);
        }
        if (localSpeedId == HANDSHAKE_ID || extId != localSpeedId) {
            return malformed("unknown extended message id " + extId, off + 5);
        }
        return speedMessage(dict);
    }

    public DecodeResult<SpeedMessage> decode(byte[] frame, int localSpeedId) {
        return frame == null ? malformed("null frame", -1) : decode(frame, 0, frame.length, localSpeedId);
    }

    private static int extendedIdFor(SpeedMessage msg, int remoteSpeedId) {
        if (msg instanceof SpeedMessage.ExtendedHandshake h) {
            if (utf8(h.client()).length > MAX_CLIENT_BYTES) {
                throw new IllegalArgumentException("client name longer than " + MAX_CLIENT_BYTES + " bytes");
            }
            return HANDSHAKE_ID;
        }
        if (remoteSpeedId < 1 || remoteSpeedId > SpeedMessage.MAX_EXTENSION_ID) {
            throw new IllegalArgumentException("remote Speed id must be in [1, 255]: " + remoteSpeedId);
        }
        if (msg instanceof SpeedMessage.Payment p && p.signatureLength() > MAX_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature longer than " + MAX_SIGNATURE_BYTES + " bytes");
        }
        return remoteSpeedId;
    }

    private static void writeFrame(SpeedMessage msg, int extId, ByteSink out) {
        ByteSink.Counting payload = new ByteSink.Counting();
        writePayload(msg, payload);
        int length = 2 + payload.count;
        out.put(length >>> 24);
        out.put(length >>> 16);
        out.put(length >>> 8);
        out.put(length);
        out.put(EXTENDED_MESSAGE_ID);
        out.put(extId);
        writePayload(msg, out);
    }

    /** Writes the payload dictionary with its keys in sorted order. */
    private static void writePayload(SpeedMessage msg, ByteSink out) {
        out.put('d');
        if (msg instanceof SpeedMessage.ExtendedHandshake h) {
            Bencode.writeKey("m", out);
            out.put('d');
            if (h.supportsSpeed()) {
                Bencode.writeKey(EXTENSION_NAME, out);
                Bencode.writeInt(h.speedId(), out);
            }
            out.put('e');
            Bencode.writeKey("v", out);
            Bencode.writeBytes(utf8(h.client()), out);
        } else if (msg instanceof SpeedMessage.Bid b) {
            priced(TYPE_BID, b.priceNanoPerKiB(), out);
        } else if (msg instanceof SpeedMessage.BidResponse r) {
            priced(TYPE_BID_RESPONSE, r.priceNanoPerKiB(), out);
        } else {
            SpeedMessage.Payment p = (SpeedMessage.Payment) msg;
            Bencode.writeKey("amount", out);
            Bencode.writeInt(p.cumulativeMicroBtt(), out);
            Bencode.writeKey("channel", out);
            Bencode.writeInt(p.channelId(), out);
            Bencode.writeKey("msg_type", out);
            Bencode.writeInt(TYPE_PAYMENT, out);
            Bencode.writeKey("seq", out);
            Bencode.writeInt(p.sequence(), out);
            Bencode.writeKey("sig", out);
            Bencode.writeBytes(p.signatureUnsafe(), out);
        }
        out.put('e');
    }

    private static void priced(int type, long price, ByteSink out) {
        Bencode.writeKey("msg_type", out);
        Bencode.writeInt(type, out);
        Bencode.writeKey("price", out);
        Bencode.writeInt(price, out);
    }

    private static DecodeResult<SpeedMessage> handshake(BValue.BDict dict) {
        BValue m = dict.get("m");
        if (!(m instanceof BValue.BDict extensions)) {
            return malformed("handshake lacks the \"m\" dictionary", -1);
        }
        int speedId = 0;
        BValue id = extensions.get(EXTENSION_NAME);
        if (id != null) {
            if (!(id instanceof BValue.BInt i) || i.value() < 0 || i.value() > SpeedMessage.MAX_EXTENSION_ID) {
                return malformed("\"" + EXTENSION_NAME + "\" id is not an integer in [0, 255]", -1);
            }
            speedId = (int) i.value();
        }
        String client = "";
        BValue v = dict.get("v");
        if (v != null) {
            if (!(v instanceof BValue.BBytes name) || name.length() > MAX_CLIENT_BYTES) {
                return malformed("\"v\" is not a client name of at most " + MAX_CLIENT_BYTES + " bytes", -1);
            }
            String decoded = strictUtf8(name.bytes());
            if (decoded == null) {
                return malformed("\"v\" is not valid UTF-8", -1);
            }
            client = decoded;
        }
        return new DecodeResult.Ok<>(new SpeedMessage.ExtendedHandshake(speedId, client));
    }

    private static DecodeResult<SpeedMessage> speedMessage(BValue.BDict dict) {
        long type = nonNegative(dict, "msg_type");
        if (type == TYPE_BID || type == TYPE_BID_RESPONSE) {
            long price = nonNegative(dict, "price");
            if (price < 0) {
                return malformed("\"price\" missing or not a non-negative integer", -1);
            }
            return new DecodeResult.Ok<>(type == TYPE_BID
                    ? new SpeedMessage.Bid(price) : new SpeedMessage.BidResponse(price));
        }
        if (type == TYPE_PAYMENT) {
            long amount = nonNegative(dict, "amount");
            long channel = nonNegative(dict, "channel");
            long seq = nonNegative(dict, "seq");
            if (amount < 0 || channel < 0 || seq < 0) {
                return malformed("payment \"amount\", \"channel\" or \"seq\" missing or negative", -1);
            }
            if (!(dict.get("sig") instanceof BValue.BBytes sig) || sig.length() > MAX_SIGNATURE_BYTES) {
                return malformed("payment \"sig\" missing or longer than " + MAX_SIGNATURE_BYTES + " bytes", -1);
            }
            return new DecodeResult.Ok<>(new SpeedMessage.Payment(channel, seq, amount, sig.bytes()));
        }
        return malformed(type < 0 ? "\"msg_type\" missing or negative" : "unknown msg_type " + type, -1);
    }

    /** The non-negative integer under {@code key}, or -1 if it is absent, not an integer, or negative. */
    private static long nonNegative(BValue.BDict dict, String key) {
        return dict.get(key) instanceof BValue.BInt i && i.value() >= 0 ? i.value() : -1;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static DecodeResult<SpeedMessage> malformed(String reason, int offset) {
        return new DecodeResult.Malformed<>(reason, offset);
    }
}
