package org.speedsim.engine.speed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.ledger.ChannelPayee;
import org.speedsim.engine.ledger.ChannelPayer;
import org.speedsim.engine.ledger.ChannelState;
import org.speedsim.engine.ledger.ChannelStatus;
import org.speedsim.engine.ledger.Ledger;
import org.speedsim.engine.ledger.LedgerListener;
import org.speedsim.engine.ledger.LedgerMetrics;
import org.speedsim.engine.ledger.Verdict;
import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.speed.wire.SpeedCodec;
import org.speedsim.engine.speed.wire.SpeedMessage;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.SwarmControl;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.TimedAction;

/**
 * BitTorrent Speed in a swarm (DESIGN.md section 5): bids, slot prices, payment channels on a {@link Ledger},
 * enforcement and token metrics. Create it through {@link #factory(SpeedConfig)} in
 * {@link org.speedsim.engine.swarm.SwarmConfig#extensions()}; the Speed clients' {@link SpeedSettings} come from their
 * {@link ClientSpec}s.
 *
 * <ul>
 *   <li><b>Genesis.</b> Every peer id's airdrop is drawn from its {@code balance} stream (for each Speed client's
 *   distribution, from a fresh copy of the stream, so clients see common random numbers); the largest of these is
 *   minted into a treasury account (id {@link SwarmControl#peerCapacity()}) before the run starts, and a Speed peer's
 *   own amount is granted from it when the peer joins. The total supply is fixed from then on.</li>
 *   <li><b>Bids.</b> Speed peers exchange the extension handshake on connecting. A Speed leecher asks its
 *   {@link BiddingStrategy} at joining, at each of its choking rounds and after each verified piece; a new bid is sent
 *   to every Speed neighbour holding a piece it wants, and to a new Speed neighbour that does. Legacy peers get no bid
 *   and their chokers never see one ({@link #bidFor}).</li>
 *   <li><b>Slots.</b> A regular slot sold at a price gets a bid response (again whenever the price changes). The
 *   price charged for a piece is the slot's price when the provider started the piece; a free slot charges nothing.</li>
 *   <li><b>Payment.</b> After each verified priced piece the requester pays {@link Prices#pieceCost} through its
 *   {@link ChannelPayer} (opening a channel escrowing {@code escrowPieces} such payments when needed; the payment
 *   waits for the ledger to confirm the channel); the provider checks the state with its {@link ChannelPayee}. A
 *   provider closes a channel when the requester moves to a new one, when the connection ends, and
 *   {@code closeMargin} before the channel's timeout; a channel it never closes is refunded by the ledger.</li>
 *   <li><b>Enforcement.</b> A provider starts no piece to a requester that owes it for the previous one
 *   ({@link #mayUpload}), so its unpaid exposure is at most one piece. An unpaid piece is written off after the
 *   payment timeout and the requester is choked, or banned after {@code failuresBeforeBan} timeouts. A Speed requester
 *   bans a provider whose piece fails verification and pays nothing for it.</li>
 *   <li><b>Messages travel.</b> Bid, bid-response and payment messages arrive one latency after they are sent; the
 *   latency of a pair of peers is drawn once from {@link SpeedConfig#messageLatencyMicros()} with the stream
 *   ({@code speed-latency}, pair), the same both ways. A provider's auction sees a requester's bid only once its
 *   message has arrived (a requester that became interested in the provider after bidding sends its standing bid when
 *   the provider first ranks it); a sold slot's price is charged only once its bid response has arrived, and the
 *   provider starts no piece on a freshly sold slot before then (the unchoke follows the response); a payment counts
 *   when it arrives. A latency of 0 delivers at the instant of sending. Every message's encoded bytes are counted
 *   for its sender ({@link #messageBytes}) and per kind in the summary's {@code speedMessages}.</li>
 *   <li><b>Tokens earned / spent</b> count payments the provider accepted (signed, checked states), when accepted;
 *   the ledger settles them later, at closes.</li>
 * </ul>
 *
 * <p>Invariants: the ledger's supply is conserved and no balance is negative ({@link Ledger#checkInvariants}, after
 * every ledger operation when {@link SpeedConfig#checkEveryOperation()}); no priced piece completes while the
 * previous one on the same pair is unpaid; accepted payments never exceed what verified pieces charged.
 * {@link #finish()} reports all three.
 */
public final class SpeedExtension implements SwarmExtension, LedgerListener {

    /** Longest one-way message latency a draw can give: one day. */
    private static final long MAX_LATENCY_MICROS = 86_400_000_000L;

    private static final String[] OWN_COLUMNS = {
        "clearing_price_nano_per_kib", "slots_sold", "bids_sent", "tokens_accepted_ubtt", "payment_failures",
        "balance_gini"
    };

    private final SwarmControl c;
    private final SpeedConfig cfg;
    private final Simulator sim;
    private final Ledger ledger;
    private final LedgerMetrics ledgerMetrics;
    private final SpeedCodec codec;
    private int capacity;
    private final int treasury;
    private final SpeedSettings[] clientSettings;
    private final int kTimeout;
    private final int kBadDataBan;
    private final int kEndRelationship;
    private final int kForget;
    private final int kBidArrives;
    private final int kResponseArrives;
    private final int kPaymentArrives;
    private final Distribution latency;
    private final MessagesInFlight inFlight = new MessagesInFlight();

    private boolean[] speed;
    private boolean[] nonPayer;
    private BiddingStrategy[] bidder;
    private long[] standingBid;
    private long[] lastSentBid;
    private long[] lastBidAt;
    private ChannelPayer[] payers;
    private ChannelPayee[] payees;
    private long[] earned;
    private long[] spent;
    private long[] settled;
    private long[] messageBytes;
    private long[][] earnT;
    private long[][] earnC;
    private int[] earnN;
    private final List<TimedAction.SetSpendingRate> rateChanges = new ArrayList<>();
    private final PairTable pairs = new PairTable();
    private final Ctx ctx = new Ctx();

    private long bidsSent;
    private long rateChangesApplied;
    private long bidResponses;
    private long paymentsSent;
    private long paymentsRejected;
    private long paymentFailures;
    private long failuresAfterDisconnect;
    private long unaffordable;
    private long paymentBans;
    private long badPieces;
    private long badDataBans;
    private long uploadStalls;
    private long slotsSold;
    private long chargedTotal;
    private long pricedBytes;
    private long acceptedTotal;
    private long acceptedRefunded;
    private long refundedWithAccepted;
    private long exposureViolations;
    private long overheadBytes;
    private long ledgerChecks;
    private long handshakes;
    private long handshakeBytes;
    private long bidBytes;
    private long responseBytes;
    private long paymentBytes;
    private long delayedMessages;
    private long responseWaits;
    private long latencyPairs;
    private long latencySum;
    private long latencyMax;
    private long sampleSold;
    private long samplePriceSum;
    private long sampleBids;
    private final long airdropped;
    /** Null in a swarm run (the extension owns its ledger); the world's wallets in a hosted swarm. */
    private final SharedWallets wallets;

    public SpeedExtension(SwarmControl control, SpeedConfig config) {
        this(control, config, null);
    }

    /**
     * @param wallets the world's shared wallets, or null for a swarm run with a ledger of its own and the airdrop
     *                granted from a treasury at each Speed peer's arrival
     */
    public SpeedExtension(SwarmControl control, SpeedConfig config, SharedWallets wallets) {
        this.c = control;
        this.cfg = config;
        this.sim = control.simulator();
        this.wallets = wallets;
        this.ledger = wallets != null ? wallets.ledger()
                : new Ledger(sim, config.ledger(), control.streams().stream("ledger-keys"));
        this.ledgerMetrics = new LedgerMetrics(ledger);
        this.codec = config.encodeMessages() ? new SpeedCodec() : null;
        this.capacity = control.peerCapacity();
        this.treasury = wallets == null ? capacity : -1; // a world's treasury is its bank's
        List<ClientSpec> clients = control.config().clients();
        clientSettings = new SpeedSettings[clients.size()];
        for (int k = 0; k < clients.size(); k++) {
            ClientSpec cs = clients.get(k);
            if (cs.speed() && cs.speedSettings() == null) {
                throw new IllegalArgumentException("Speed client '" + cs.name() + "' has no Speed settings");
            }
            clientSettings[k] = cs.speedSettings();
        }
        speed = new boolean[capacity];
        nonPayer = new boolean[capacity];
        bidder = new BiddingStrategy[capacity];
        standingBid = new long[capacity];
        lastSentBid = new long[capacity];
        lastBidAt = new long[capacity];
        Arrays.fill(lastSentBid, BiddingStrategy.NO_BID);
        Arrays.fill(lastBidAt, -1);
        payers = new ChannelPayer[capacity];
        payees = new ChannelPayee[capacity];
        earned = new long[capacity];
        spent = new long[capacity];
        settled = new long[capacity + 1];
        messageBytes = new long[capacity];
        latency = config.messageLatencyMicros();
        earnT = new long[capacity][];
        earnC = new long[capacity][];
        earnN = new int[capacity];
        kTimeout = sim.registerKind("speed-payment-timeout", (slot, ep) -> paymentTimeout(slot, ep));
        kBadDataBan = sim.registerKind("speed-bad-data-ban", (r, u) -> badDataBan(r, (int) u));
        kEndRelationship = sim.registerKind("speed-end-relationship", (p, r) -> endRelationship(p, (int) r));
        kForget = sim.registerKind("speed-forget-peer", (p, unused) -> forget(p));
        if (config.checkEveryOperation() && wallets == null) {
            ledger.enableLog();
        }
        kBidArrives = sim.registerKind("speed-bid-arrives", (id, unused) -> bidArrives(id));
        kResponseArrives = sim.registerKind("speed-bid-response-arrives", (id, fresh) -> responseArrives(id, fresh));
        kPaymentArrives = sim.registerKind("speed-payment-arrives", (id, unused) -> paymentArrives(id));
        long minted = 0;
        if (wallets == null) {
            ledger.addListener(this);
            ledger.ensureAccount(treasury);
        }
        for (int p = 0; wallets == null && p < capacity; p++) {
            long most = 0;
            for (SpeedSettings s : clientSettings) {
                if (s != null) {
                    most = Math.max(most, airdrop(s, p));
                }
            }
            if (most > 0) {
                ledger.mint(treasury, most);
                minted += most;
            }
        }
        airdropped = minted;
        check();
    }

    /** The factory to put in {@link org.speedsim.engine.swarm.SwarmConfig#extensions()}. */
    public static SwarmExtension.Factory factory(SpeedConfig config) {
        return control -> new SpeedExtension(control, config);
    }

    /** The factory of a hosted swarm whose peers pay from the world's {@code wallets}. */
    public static SwarmExtension.Factory factory(SpeedConfig config, SharedWallets wallets) {
        java.util.Objects.requireNonNull(wallets, "wallets");
        return control -> new SpeedExtension(control, config, wallets);
    }

    /** The ledger account of a peer: its own id in a swarm run, its user's wallet in a world. */
    private int account(int peer) {
        return wallets == null ? peer : wallets.account(peer);
    }

    /** Makes room for peer ids up to {@code peer} (a hosted swarm's peers join on demand). */
    private void ensureCapacity(int peer) {
        if (peer < capacity) {
            return;
        }
        int n = Math.max(peer + 1, Math.max(8, capacity * 2));
        speed = Arrays.copyOf(speed, n);
        nonPayer = Arrays.copyOf(nonPayer, n);
        bidder = Arrays.copyOf(bidder, n);
        standingBid = Arrays.copyOf(standingBid, n);
        lastSentBid = Arrays.copyOf(lastSentBid, n);
        Arrays.fill(lastSentBid, capacity, n, BiddingStrategy.NO_BID);
        lastBidAt = Arrays.copyOf(lastBidAt, n);
        Arrays.fill(lastBidAt, capacity, n, -1);
        payers = Arrays.copyOf(payers, n);
        payees = Arrays.copyOf(payees, n);
        earned = Arrays.copyOf(earned, n);
        spent = Arrays.copyOf(spent, n);
        settled = Arrays.copyOf(settled, n + 1);
        messageBytes = Arrays.copyOf(messageBytes, n);
        earnT = Arrays.copyOf(earnT, n);
        earnC = Arrays.copyOf(earnC, n);
        earnN = Arrays.copyOf(earnN, n);
        capacity = n;
    }

    private long airdrop(SpeedSettings s, int peer) {
        double x = s.balanceMicroBtt().sample(c.streams().stream("balance", peer));
        return x > 0 ? Math.round(Math.min(x, 1e18)) : 0;
    }

    // ---------------------------------------------------------------- life cycle

    @Override
    public void onPeerJoined(int p) {
        ensureCapacity(p);
        SpeedSettings s = clientSettings[c.clientOf(p)];
        if (s == null) {
            return;
        }
        speed[p] = true;
        nonPayer[p] = s.nonPayer();
        if (s.badData()) {
            c.setCorruptUploads(p, true);
        }
        bidder[p] = s.bidding().create(p, c.streams().stream("bidding", p));
        for (TimedAction.SetSpendingRate change : rateChanges) {
            if (concerns(change, p)) {
                bidder[p].setSpendingRate(change.spendingRate());
            }
        }
        if (wallets == null) {
            long amount = airdrop(s, p);
            if (amount > 0 && !ledger.grant(treasury, p, amount)) {
                throw new IllegalStateException("treasury cannot cover the airdrop of peer " + p);
            }
        }
        ledger.ensureAccount(account(p));
        check();
        askBid(p);
    }

    @Override
    public void onConnected(int a, int b) {
        if (!speed[a] || !speed[b]) {
            return;
        }
        handshake(a);
        handshake(b);
        int ab = pairs.add(a, b);
        pairs.connected[ab] = true;
        int ba = pairs.add(b, a);
        pairs.connected[ba] = true;
        long lat = drawLatency(a, b);
        pairs.latency[ab] = lat;
        pairs.latency[ba] = lat;
        offerStandingBid(a, b);
        offerStandingBid(b, a);
    }

    private void offerStandingBid(int r, int q) {
        if (standingBid[r] > 0 && !c.isSeed(r) && c.isInterested(r, q)) {
            sendBid(r, q, standingBid[r]);
        }
    }

    /** The one-way latency of the pair {a, b}, from the stream (speed-latency, pair); capped at one day. */
    private long drawLatency(int a, int b) {
        long lat;
        if (latency instanceof Distribution.Fixed f) {
            lat = (long) Math.min(Math.rint(f.value()), MAX_LATENCY_MICROS);
        } else {
            long pair = ((long) Math.min(a, b) << 32) | Math.max(a, b);
            lat = (long) Math.min(Math.rint(latency.sample(c.streams().stream("speed-latency", pair))),
                    MAX_LATENCY_MICROS);
        }
        latencyPairs++;
        latencySum += lat;
        latencyMax = Math.max(latencyMax, lat);
        return lat;
    }

    @Override
    public void onDisconnected(int a, int b) {
        endPair(a, b);
        endPair(b, a);
    }

    /**
     * The relationship ends with the connection: the provider closes the channel it holds, in an event at the same
     * instant, so that the piece that ended the relationship (a leecher that completes drops its seeds before the
     * piece is reported) is still charged and paid on that channel. The pair itself stays until one of the peers
     * leaves, so a debt is still paid or timed out, and payment failures still count if the two reconnect.
     */
    private void endPair(int p, int r) {
        int s = pairs.find(p, r);
        if (s < 0) {
            return;
        }
        pairs.connected[s] = false;
        endSlot(s);
        sim.scheduleAt(sim.now(), kEndRelationship, p, r);
    }

    /**
     * A payment still travelling to the provider is the requester's last word: the provider closes when it arrives
     * ({@link #accept}), as the white paper's provider closes after the requester confirms the transfer complete.
     */
    private void endRelationship(int p, int r) {
        int s = pairs.find(p, r);
        if (s >= 0 && !pairs.connected[s] && pairs.channel[s] >= 0 && pairs.paymentsTravelling[s] == 0) {
            closeHeld(p, r, pairs.channel[s]);
            pairs.channel[s] = -1;
        }
    }

    /** A {@link TimedAction.SetSpendingRate}: matching online leechers re-bid in this instant; later joiners inherit. */
    @Override
    public void onAction(TimedAction action) {
        if (!(action instanceof TimedAction.SetSpendingRate change)) {
            return;
        }
        rateChanges.add(change);
        for (int p = 0; p < capacity; p++) {
            if (speed[p] && c.isOnline(p) && concerns(change, p) && bidder[p].setSpendingRate(change.spendingRate())) {
                rateChangesApplied++;
                askBid(p);
            }
        }
    }

    private boolean concerns(TimedAction.SetSpendingRate change, int p) {
        return (change.client() == null || c.config().clientIndex(change.client()) == c.clientOf(p))
                && (change.peerClass() == null || c.config().peerClassIndex(change.peerClass()) == c.peerClassOf(p));
    }

    @Override
    public void onCompleted(int p) {
        standingBid[p] = 0;
    }

    /**
     * The departing peer's pairs are dropped only after the same-instant {@code speed-end-relationship} events its
     * disconnections scheduled, so as a provider it closes the channel of every connection with the last state it
     * holds (and as a requester, its providers close theirs).
     */
    @Override
    public void onPeerLeft(int p) {
        standingBid[p] = 0;
        sim.scheduleAt(sim.now(), kForget, p, 0);
    }

    private void forget(int p) {
        if (payees[p] != null && payees[p].closeAll() > 0) {
            check();
        }
        pairs.removePeer(p);
        if (wallets != null) {
            // a hosted swarm keeps its departed peers' ids for good: keep their totals, drop their objects
            payers[p] = null;
            payees[p] = null;
            bidder[p] = null;
            earnT[p] = null;
            earnC[p] = null;
            earnN[p] = 0;
            speed[p] = false;
        }
    }

    @Override
    public void beforeRechoke(int p) {
        if (!speed[p] || !c.isOnline(p)) {
            return;
        }
        askBid(p);
        ChannelPayee payee = payees[p];
        if (payee != null && payee.heldChannels() > 0) {
            payee.closeDue(sim.now() + cfg.closeMarginMicros());
            check();
        }
    }

    // ---------------------------------------------------------------- bids and slots

    private void askBid(int r) {
        if (!speed[r] || c.isSeed(r) || !c.isOnline(r)) {
            return;
        }
        ctx.peer = r;
        long b = bidder[r].nextBid(ctx);
        if (b == BiddingStrategy.NO_CHANGE) {
            return;
        }
        if (b < 0) {
            throw new IllegalStateException("bidding strategy of peer " + r + " answered " + b);
        }
        lastSentBid[r] = b;
        lastBidAt[r] = sim.now();
        standingBid[r] = b;
        int n = c.neighbours(r);
        for (int i = 0; i < n; i++) {
            int q = c.neighbour(r, i);
            if (speed[q] && c.isInterested(r, q)) {
                sendBid(r, q, b);
            }
        }
    }

    /** Requester r sends provider q a bid; q's auctions see it once it has arrived. */
    private void sendBid(int r, int q, long price) {
        bidsSent++;
        sampleBids++;
        long bytes = codec != null ? codec.encode(new SpeedMessage.Bid(price), 1).length : SpeedCodec.bidSize(price);
        bidBytes += bytes;
        overhead(r, bytes);
        int s = pairs.find(q, r);
        if (s < 0) {
            return;
        }
        pairs.bidSent[s] = price;
        c.trace("speed-bid", r, q, price);
        long lat = pairs.latency[s];
        if (lat == 0) {
            pairs.bidKnown[s] = price;
        } else {
            delayedMessages++;
            sim.scheduleIn(lat, kBidArrives, inFlight.put(r, q, price, 0, null), 0);
        }
    }

    private void bidArrives(int id) {
        int r = inFlight.from(id);
        int q = inFlight.to(id);
        long price = inFlight.value(id);
        inFlight.release(id);
        int s = pairs.find(q, r);
        if (s >= 0) {
            pairs.bidKnown[s] = price;
            c.trace("speed-bid-arrived", r, q, price);
        }
    }

    /**
     * The requester's bid as the provider knows it: the last one that arrived. A requester whose standing bid the
     * provider was never sent (it was not interested in the provider when it bid) sends it now.
     */
    @Override
    public long bidFor(int provider, int requester) {
        if (!speed[provider] || !speed[requester]) {
            return 0;
        }
        int s = pairs.find(provider, requester);
        if (s < 0) {
            return 0;
        }
        if (pairs.bidSent[s] != standingBid[requester]) {
            sendBid(requester, provider, standingBid[requester]);
        }
        return pairs.bidKnown[s];
    }

    @Override
    public void onUnchoked(int provider, int requester, boolean optimistic, long priceNanoPerKiB) {
        int s = pairs.find(provider, requester);
        if (s >= 0) {
            setPrice(s, provider, optimistic ? 0 : priceNanoPerKiB, true);
        }
    }

    @Override
    public void onSlotRenewed(int provider, int requester, boolean optimistic, long priceNanoPerKiB) {
        int s = pairs.find(provider, requester);
        if (s >= 0) {
            setPrice(s, provider, optimistic ? 0 : priceNanoPerKiB, false);
        }
    }

    /**
     * The provider gives the pair's slot at {@code price}: a sold slot whose price is new gets a bid response, and the
     * price is charged from its arrival; a free slot charges nothing from now.
     */
    private void setPrice(int s, int provider, long price, boolean fresh) {
        long old = pairs.price[s];
        pairs.price[s] = price;
        if (price > 0) {
            slotsSold++;
            sampleSold++;
            samplePriceSum += price;
            if (fresh || price != old) {
                bidResponses++;
                long bytes = codec != null ? codec.encode(new SpeedMessage.BidResponse(price), 1).length
                        : SpeedCodec.bidSize(price);
                responseBytes += bytes;
                overhead(provider, bytes);
                sendResponse(s, provider, price, fresh);
            }
        } else {
            pairs.agreed[s] = 0;
        }
    }

    private void sendResponse(int s, int provider, long price, boolean fresh) {
        int r = pairs.requester[s];
        c.trace("speed-bid-response", provider, r, price);
        long lat = pairs.latency[s];
        if (lat == 0) {
            pairs.agreed[s] = price;
            return;
        }
        delayedMessages++;
        if (fresh) {
            pairs.responsesAwaited[s]++;
        }
        sim.scheduleIn(lat, kResponseArrives, inFlight.put(provider, r, price, pairs.slotEpoch[s], null),
                fresh ? 1 : 0);
    }

    private void responseArrives(int id, long fresh) {
        int u = inFlight.from(id);
        int r = inFlight.to(id);
        long price = inFlight.value(id);
        long ep = inFlight.epoch(id);
        inFlight.release(id);
        int s = pairs.find(u, r);
        if (s < 0) {
            return;
        }
        c.trace("speed-bid-response-arrived", u, r, price);
        if (pairs.slotEpoch[s] != ep) {
            return; // choked or disconnected since it was sent: the response is void
        }
        pairs.agreed[s] = price;
        if (fresh != 0 && --pairs.responsesAwaited[s] == 0 && pairs.connected[s]) {
            c.retry(u, r);
        }
    }

    /** The slot of a pair ends (choke or disconnection): nothing is charged from now, responses on the way are void. */
    private void endSlot(int s) {
        pairs.price[s] = 0;
        pairs.agreed[s] = 0;
        pairs.slotEpoch[s]++;
        pairs.responsesAwaited[s] = 0;
    }

    @Override
    public void onChoked(int provider, int requester) {
        int s = pairs.find(provider, requester);
        if (s >= 0) {
            endSlot(s);
        }
    }

    // ---------------------------------------------------------------- pieces and payments

    @Override
    public boolean mayUpload(int provider, int requester) {
        int s = pairs.find(provider, requester);
        if (s < 0) {
            return true;
        }
        if (pairs.debt(s) > 0) {
            uploadStalls++;
            return false;
        }
        if (pairs.responsesAwaited[s] > 0) {
            responseWaits++;
            return false;
        }
        pairs.chargePrice[s] = pairs.agreed[s];
        return true;
    }

    @Override
    public void onPieceReceived(int r, int u, int piece, long bytes, boolean valid) {
        if (!valid) {
            badPieces++;
            if (speed[r]) {
                sim.scheduleAt(sim.now(), kBadDataBan, r, u);
            }
            return;
        }
        int s = pairs.find(u, r);
        if (s >= 0) {
            long price = pairs.chargePrice[s];
            pairs.chargePrice[s] = 0;
            long cost = price == 0 ? 0 : Prices.pieceCost(price, bytes);
            if (cost > 0) {
                pricedBytes += bytes;
                charge(s, u, r, cost);
            }
        }
        askBid(r);
    }

    private void charge(int s, int u, int r, long cost) {
        if (pairs.debt(s) > 0) {
            exposureViolations++;
        }
        pairs.charged[s] += cost;
        chargedTotal += cost;
        long ep = ++pairs.epoch[s];
        sim.scheduleIn(cfg.paymentTimeoutMicros(), kTimeout, s, ep);
        if (nonPayer[r]) {
            return;
        }
        ChannelPayer payer = payerOf(r);
        ChannelPayer.Payment pm = payer.pay(account(u), cost, Prices.mulDiv(cost, cfg.escrowPieces(), 1));
        submitted(pm, r, u);
        check();
        if (pm instanceof ChannelPayer.Paid paid) {
            deliver(r, u, paid.state());
        } else if (pm instanceof ChannelPayer.Unaffordable) {
            unaffordable++;
        }
    }

    /** Requester r sends provider u a signed channel state; u checks and accepts it when it arrives. */
    private void deliver(int r, int u, ChannelState state) {
        int s = pairs.find(u, r);
        if (s < 0) {
            return; // one of the two left: the state never reaches the provider
        }
        paymentsSent++;
        long bytes = codec != null
                ? codec.encode(new SpeedMessage.Payment(state.channelId(), state.sequence(),
                        state.cumulativeToPayee(), state.signature()), 1).length
                : SpeedCodec.paymentSize(state.channelId(), state.sequence(), state.cumulativeToPayee(),
                        state.signature().length);
        paymentBytes += bytes;
        overhead(r, bytes);
        long lat = pairs.latency[s];
        if (lat == 0) {
            accept(s, r, u, state);
            return;
        }
        delayedMessages++;
        pairs.paymentsTravelling[s]++;
        c.trace("speed-payment", r, u, state.cumulativeToPayee());
        sim.scheduleIn(lat, kPaymentArrives, inFlight.put(r, u, 0, 0, state), 0);
    }

    private void paymentArrives(int id) {
        int r = inFlight.from(id);
        int u = inFlight.to(id);
        ChannelState state = inFlight.state(id);
        inFlight.release(id);
        int s = pairs.find(u, r);
        if (s >= 0) {
            pairs.paymentsTravelling[s]--;
            c.trace("speed-payment-arrived", r, u, state.cumulativeToPayee());
            accept(s, r, u, state);
        }
    }

    private void accept(int s, int r, int u, ChannelState state) {
        ChannelPayee.Acceptance a = payeeOf(u).accept(account(r), state);
        if (!a.accepted()) {
            paymentsRejected++;
            return;
        }
        long inc = a.increment();
        pairs.paid[s] += inc;
        earned[u] += inc;
        spent[r] += inc;
        acceptedTotal += inc;
        recordEarning(u);
        int old = pairs.channel[s];
        if (old != state.channelId()) {
            if (old >= 0) {
                closeHeld(u, r, old);
            }
            pairs.channel[s] = state.channelId();
        }
        if (!pairs.connected[s]) {
            if (pairs.paymentsTravelling[s] == 0) {
                closeHeld(u, r, state.channelId());
                pairs.channel[s] = -1;
            }
        } else if (pairs.debt(s) <= 0 && pairs.responsesAwaited[s] == 0) {
            c.retry(u, r);
        }
    }

    /** Provider {@code p} closes the channel from {@code r} it holds a state of; the payer stops using it. */
    private void closeHeld(int p, int r, int channel) {
        if (payees[p] != null && payees[p].held(channel) != null) {
            payees[p].close(channel);
            check();
        }
        if (payers[r] != null) {
            payers[r].onChannelEnded(channel);
        }
    }

    private void paymentTimeout(int s, long ep) {
        if (pairs.epoch[s] != ep || pairs.debt(s) <= 0) {
            return;
        }
        int u = pairs.provider[s];
        int r = pairs.requester[s];
        paymentFailures++;
        if (!pairs.connected[s]) {
            failuresAfterDisconnect++;
        }
        pairs.writtenOff[s] += pairs.debt(s);
        pairs.failures[s]++;
        if (payers[r] != null) {
            payers[r].forgive(account(u));
        }
        c.trace("speed-payment-timeout", u, r, pairs.failures[s]);
        if (pairs.failures[s] >= cfg.failuresBeforeBan()) {
            paymentBans++;
            c.ban(u, r, sim.now() + cfg.banMicros());
        } else {
            c.choke(u, r);
        }
    }

    private void badDataBan(int r, int u) {
        if (c.isOnline(r)) {
            badDataBans++;
            c.ban(r, u, sim.now() + cfg.banMicros());
        }
    }

    private ChannelPayer payerOf(int r) {
        ChannelPayer p = payers[r];
        if (p == null) {
            p = new ChannelPayer(ledger, account(r), 2 * cfg.closeMarginMicros());
            payers[r] = p;
        }
        return p;
    }

    private ChannelPayee payeeOf(int u) {
        ChannelPayee p = payees[u];
        if (p == null) {
            p = new ChannelPayee(ledger, account(u));
            payees[u] = p;
        }
        return p;
    }

    private void recordEarning(int u) {
        long now = sim.now();
        int n = earnN[u];
        if (n > 0 && earnT[u][n - 1] == now) {
            earnC[u][n - 1] = earned[u];
            return;
        }
        if (earnT[u] == null) {
            earnT[u] = new long[8];
            earnC[u] = new long[8];
        } else if (n == earnT[u].length) {
            earnT[u] = Arrays.copyOf(earnT[u], n * 2);
            earnC[u] = Arrays.copyOf(earnC[u], n * 2);
        }
        earnT[u][n] = now;
        earnC[u][n] = earned[u];
        earnN[u] = n + 1;
    }

    // ---------------------------------------------------------------- ledger events

    /** Tells the shared wallets which peers a channel the payer submitted or waits on belongs to. */
    private void submitted(ChannelPayer.Payment pm, int payer, int payee) {
        if (wallets != null && pm instanceof ChannelPayer.Waiting waiting) {
            wallets.channelSubmitted(waiting.channelId(), payer, payee, this);
        }
    }

    @Override
    public void onChannelOpened(int channelId, int payer, int payee, long escrow, long timeoutAtMicros) {
        channelOpened(channelId, payer, payee);
    }

    @Override
    public void onChannelClosed(long txId, int channelId, long toPayee, long toPayer) {
        channelClosed(channelId, ledger.channelPayer(channelId), ledger.channelPayee(channelId), toPayee);
    }

    @Override
    public void onChannelRefunded(int channelId, int payer, long escrow) {
        channelRefunded(channelId, payer, ledger.channelPayee(channelId));
    }

    /** The ledger confirmed a channel from {@code payer} to {@code payee} (peers of this swarm). */
    public void channelOpened(int channelId, int payer, int payee) {
        if (payers[payer] == null) {
            return;
        }
        ChannelPayer.Payment pm = payers[payer].onChannelOpened(channelId);
        submitted(pm, payer, payee);
        check();
        if (pm instanceof ChannelPayer.Paid paid) {
            deliver(payer, payee, paid.state());
        }
    }

    /** The ledger closed a channel between two peers of this swarm, paying {@code toPayee}. */
    public void channelClosed(int channelId, int payer, int payee, long toPayee) {
        settled[payee] += toPayee;
        channelEnded(channelId, payer, payee);
    }

    /** The ledger refunded a channel between two peers of this swarm at its timeout. */
    public void channelRefunded(int channelId, int payer, int payee) {
        ChannelPayee held = payees[payee];
        ChannelState state = held == null ? null : held.held(channelId);
        if (state != null && state.cumulativeToPayee() > 0) {
            acceptedRefunded += state.cumulativeToPayee();
            refundedWithAccepted++;
        }
        channelEnded(channelId, payer, payee);
    }

    /**
     * Micro-BTT of the last state the channel's payee accepted on {@code channelId} and still holds (0 when it holds
     * none): what the payee would be paid by closing the channel now.
     */
    public long acceptedOnChannel(int channelId) {
        ChannelPayee payee = payees[ledger.channelPayee(channelId)];
        ChannelState held = payee == null ? null : payee.held(channelId);
        return held == null ? 0 : held.cumulativeToPayee();
    }

    /** Accepted value and count of the channels still open on the ledger, over every payee. */
    private long[] inFlight() {
        long value = 0;
        for (int id = 0; id < ledger.channelCount(); id++) {
            if (ledger.channelStatus(id) == ChannelStatus.OPEN) {
                value += acceptedOnChannel(id);
            }
        }
        return new long[] {value, ledger.openChannels()};
    }

    private void channelEnded(int channelId, int payer, int payee) {
        if (payers[payer] != null) {
            payers[payer].onChannelEnded(channelId);
        }
        if (payees[payee] != null) {
            payees[payee].onChannelEnded(channelId);
        }
        check();
    }

    @Override
    public void onCloseRejected(long txId, int channelId, int submitter, Verdict reason) {
        closeRejected(channelId, submitter);
    }

    /** The ledger rejected the close of a channel submitted by {@code submitter}, a peer of this swarm. */
    public void closeRejected(int channelId, int submitter) {
        if (payees[submitter] != null) {
            payees[submitter].onCloseRejected(channelId);
        }
        check();
    }

    private void check() {
        if (cfg.checkEveryOperation()) {
            ledgerChecks++;
            ledger.checkInvariants();
        }
    }

    // ---------------------------------------------------------------- metrics

    private void overhead(int peer, long bytes) {
        overheadBytes += bytes;
        messageBytes[peer] += bytes;
        c.addOverheadBytes(peer, bytes);
    }

    private void handshake(int peer) {
        SpeedMessage.ExtendedHandshake h = new SpeedMessage.ExtendedHandshake(1, "speedsim");
        long bytes = codec != null ? codec.encode(h, 1).length : SpeedCodec.encodedSize(h);
        handshakes++;
        handshakeBytes += bytes;
        overhead(peer, bytes);
    }

    /** Bytes of encoded Speed messages (extension handshake, bids, bid responses, payments) a peer sent. */
    @Override
    public long messageBytes(int peer) {
        return messageBytes[peer];
    }

    @Override
    public long tokensEarned(int peer) {
        return earned[peer];
    }

    @Override
    public long tokensEarnedSince(int peer, long sinceMicros) {
        int n = earnN[peer];
        long[] t = earnT[peer];
        int lo = 0;
        int hi = n; // first index with t > since
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= sinceMicros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long base = lo == 0 ? 0 : earnC[peer][lo - 1];
        return earned[peer] - base;
    }

    @Override
    public long tokensSpent(int peer) {
        return spent[peer];
    }

    @Override
    public long tokensSettled(int peer) {
        return settled[peer];
    }

    @Override
    public String[] sampleColumns() {
        String[] l = ledgerMetrics.columns();
        String[] all = Arrays.copyOf(OWN_COLUMNS, OWN_COLUMNS.length + l.length);
        System.arraycopy(l, 0, all, OWN_COLUMNS.length, l.length);
        return all;
    }

    @Override
    public void sample(long now, double[] out) {
        out[0] = sampleSold == 0 ? 0 : (double) samplePriceSum / sampleSold;
        out[1] = sampleSold;
        out[2] = sampleBids;
        out[3] = acceptedTotal;
        out[4] = paymentFailures;
        out[5] = balanceGini();
        sampleSold = 0;
        samplePriceSum = 0;
        sampleBids = 0;
        ledgerMetrics.sample(now, out, OWN_COLUMNS.length);
    }

    /** Gini coefficient of the spendable balances of online Speed peers; 0 when none holds tokens. */
    private double balanceGini() {
        long[] b = new long[capacity];
        int n = 0;
        for (int p = 0; p < capacity; p++) {
            if (speed[p] && c.isOnline(p)) {
                b[n++] = ledger.balance(account(p));
            }
        }
        return Gini.of(b, n);
    }

    @Override
    public boolean finish() {
        boolean conserved = ledger.checkInvariants().isEmpty() && ledger.everyCheckHeld();
        return conserved && exposureViolations == 0 && acceptedTotal <= chargedTotal && accountsAgree(inFlight()[0]);
    }

    /** accepted = settled + accepted value in flight + accepted value refunded, and settled never above accepted. */
    private boolean accountsAgree(long inFlightAccepted) {
        long settledTotal = ledger.paidToPayees();
        return acceptedTotal == settledTotal + inFlightAccepted + acceptedRefunded && settledTotal <= acceptedTotal;
    }

    @Override
    public Map<String, Object> summary() {
        long[] flight = inFlight();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("supply", ledger.totalSupply());
        t.put("paid", acceptedTotal);
        t.put("escrowLocked", ledger.escrowLocked());
        t.put("conserved", ledger.checkInvariants().isEmpty() && ledger.everyCheckHeld());
        t.put("airdropped", airdropped);
        t.put("treasury", ledger.balance(treasury));
        t.put("charged", chargedTotal);
        t.put("minted", ledger.totalSupply());
        t.put("accepted", acceptedTotal);
        t.put("settled", ledger.paidToPayees());
        t.put("refunded", ledger.returnedAtClose() + ledger.refundedAtTimeout());
        t.put("refundedAtClose", ledger.returnedAtClose());
        t.put("refundedAtTimeout", ledger.refundedAtTimeout());
        t.put("acceptedRefunded", acceptedRefunded);
        t.put("channelsRefundedWithAccepted", refundedWithAccepted);
        t.put("inFlightChannels", flight[1]);
        t.put("inFlightEscrow", ledger.escrowLocked());
        t.put("inFlightAccepted", flight[0]);
        t.put("escrowCommitted", ledger.escrowCommitted());
        long balances = 0;
        for (int a = 0; a < ledger.accounts(); a++) {
            balances += ledger.balance(a);
        }
        t.put("balances", balances);
        t.put("reserved", ledger.reserved());
        t.put("accountsAgree", accountsAgree(flight[0]));
        t.put("bidsSent", bidsSent);
        t.put("spendingRateChanges", rateChangesApplied);
        t.put("bidResponses", bidResponses);
        t.put("slotsSold", slotsSold);
        t.put("paymentsSent", paymentsSent);
        t.put("paymentsRejected", paymentsRejected);
        t.put("paymentFailures", paymentFailures);
        t.put("failuresAfterDisconnect", failuresAfterDisconnect);
        t.put("unaffordable", unaffordable);
        t.put("paymentBans", paymentBans);
        t.put("badPieces", badPieces);
        t.put("badDataBans", badDataBans);
        t.put("uploadStalls", uploadStalls);
        t.put("exposureViolations", exposureViolations);
        t.put("overheadBytes", overheadBytes);
        t.put("ledgerChecks", ledgerChecks);
        t.putAll(ledgerMetrics.summary());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokens", t);
        m.put("speedMessages", messageSummary());
        return m;
    }

    private Map<String, Object> messageSummary() {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("latencyModel", latency.toString());
        msg.put("latencyPairs", latencyPairs);
        msg.put("latencyMeanMicros", latencyPairs == 0 ? 0 : latencySum / latencyPairs);
        msg.put("latencyMaxMicros", latencyMax);
        msg.put("handshakes", handshakes);
        msg.put("handshakeBytes", handshakeBytes);
        msg.put("bids", bidsSent);
        msg.put("bidBytes", bidBytes);
        msg.put("bidResponses", bidResponses);
        msg.put("bidResponseBytes", responseBytes);
        msg.put("payments", paymentsSent);
        msg.put("paymentBytes", paymentBytes);
        msg.put("totalBytes", handshakeBytes + bidBytes + responseBytes + paymentBytes);
        msg.put("delayed", delayedMessages);
        msg.put("inFlightAtEnd", inFlight.travelling());
        msg.put("pieceStartsAwaitingBidResponse", responseWaits);
        return msg;
    }

    /** Ledger invariant checks this extension ran (one after each of its ledger operations when enabled). */
    public long ledgerChecks() {
        return ledgerChecks;
    }

    /** Bytes of the verified priced pieces charged ({@link #chargedTotal} over this is the mean price per byte). */
    public long pricedBytes() {
        return pricedBytes;
    }

    /**
     * Whether this swarm's payments kept their rules: no priced piece completed while the previous one on the same
     * pair was unpaid, and accepted payments never exceeded what verified pieces charged.
     */
    public boolean paymentsConsistent() {
        return exposureViolations == 0 && acceptedTotal <= chargedTotal;
    }

    /** The run's ledger (for tests and reports: read it, do not submit to it). */
    public Ledger ledger() {
        return ledger;
    }

    public long chargedTotal() {
        return chargedTotal;
    }

    public long acceptedTotal() {
        return acceptedTotal;
    }

    public long exposureViolations() {
        return exposureViolations;
    }

    public long paymentFailures() {
        return paymentFailures;
    }

    public long paymentBans() {
        return paymentBans;
    }

    public long badDataBans() {
        return badDataBans;
    }

    public long slotsSold() {
        return slotsSold;
    }

    /** The BidContext of the peer being asked; one instance reused for every peer. */
    private final class Ctx implements BidContext {
        int peer;

        @Override
        public long now() {
            return sim.now();
        }

        @Override
        public long balanceMicroBtt() {
            return ledger.balance(account(peer));
        }

        @Override
        public long remainingBytes() {
            return c.remainingBytes(peer);
        }

        @Override
        public long lastBid() {
            return lastSentBid[peer];
        }

        @Override
        public long lastBidAt() {
            return lastBidAt[peer];
        }
    }
}
