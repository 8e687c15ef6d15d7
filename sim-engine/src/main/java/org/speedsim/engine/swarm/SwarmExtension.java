package org.speedsim.engine.swarm;

/**
 * A protocol extension plugged into a swarm (BitTorrent Speed is one): it observes the swarm's life cycle through
 * these callbacks and acts on it through the {@link SwarmControl} it was created with. Every callback runs at the
 * simulated time of the event it reports. Defaults do nothing, so an extension overrides only what it needs.
 */
public interface SwarmExtension {

    @FunctionalInterface
    interface Factory {
        SwarmExtension create(SwarmControl control);
    }

    /** A peer (leecher or seed) joined the swarm. */
    default void onPeerJoined(int peer) {
    }

    /** Two peers connected (after the BitTorrent handshake). */
    default void onConnected(int a, int b) {
    }

    /** Two peers disconnected; called for every connection of a departing peer before {@link #onPeerLeft}. */
    default void onDisconnected(int a, int b) {
    }

    /** Called just before {@code peer} runs its choking policy. */
    default void beforeRechoke(int peer) {
    }

    /** {@code provider} unchoked {@code requester} (regular or optimistic slot). */
    default void onUnchoked(int provider, int requester, boolean optimistic) {
    }

    /**
     * {@code provider} unchoked {@code requester}; {@code priceNanoPerKiB} is what the requester pays for the slot
     * (0 for an optimistic or reciprocation slot, and always 0 from a choker that ignores bids). The engine calls this
     * form; by default it forwards to {@link #onUnchoked(int, int, boolean)}.
     */
    default void onUnchoked(int provider, int requester, boolean optimistic, long priceNanoPerKiB) {
        onUnchoked(provider, requester, optimistic);
    }

    /**
     * At a choking round of {@code provider}, {@code requester} keeps a slot it already held, now at
     * {@code priceNanoPerKiB} (0 when not sold) and as the optimistic peer or not.
     */
    default void onSlotRenewed(int provider, int requester, boolean optimistic, long priceNanoPerKiB) {
    }

    /**
     * The standing bid of {@code requester} to {@code provider} in nano-BTT per KiB (0 = none), which the provider's
     * choking policy sees through {@link RechokeView#bid}. Asked for every candidate at every choking round of a
     * provider; the engine adds the answers of all extensions.
     */
    default long bidFor(int provider, int requester) {
        return 0;
    }

    /** {@code provider} choked {@code requester}. */
    default void onChoked(int provider, int requester) {
    }

    /**
     * Whether {@code provider} will start uploading another piece to {@code requester} now (for example: not while
     * the previous piece is unpaid). When this says no, the engine asks again after {@link SwarmControl#retry}.
     */
    default boolean mayUpload(int provider, int requester) {
        return true;
    }

    /** {@code downloader} received a whole piece from {@code uploader}; {@code valid} says if it verified. */
    default void onPieceReceived(int downloader, int uploader, int piece, long bytes, boolean valid) {
    }

    /** A leecher completed the file. */
    default void onCompleted(int peer) {
    }

    /** A timed action the engine itself does not carry out (such as {@link TimedAction.SetSpendingRate}) is due. */
    default void onAction(TimedAction action) {
    }

    /** A peer left the swarm (its connections are already closed). */
    default void onPeerLeft(int peer) {
    }

    /** Micro-BTT earned by a peer so far, for seeding decisions and per-peer records. */
    default long tokensEarned(int peer) {
        return 0;
    }

    /** Micro-BTT earned by a peer since a moment. */
    default long tokensEarnedSince(int peer, long sinceMicros) {
        return 0;
    }

    /** Micro-BTT spent by a peer so far. */
    default long tokensSpent(int peer) {
        return 0;
    }

    /**
     * Micro-BTT a peer's earnings actually paid it so far (for Speed: settled by channel closes on the ledger), as
     * opposed to {@link #tokensEarned}, what it accepted.
     */
    default long tokensSettled(int peer) {
        return 0;
    }

    /** Bytes of extension messages a peer sent so far (its per-peer protocol overhead). */
    default long messageBytes(int peer) {
        return 0;
    }

    /** Names of the extra time-series columns this extension samples, in order. */
    default String[] sampleColumns() {
        return new String[0];
    }

    /** Writes one value per {@link #sampleColumns()} entry for the sample at {@code now}. */
    default void sample(long now, double[] out) {
    }

    /** Called once when the run ends; returns whether the extension's own invariants held. */
    default boolean finish() {
        return true;
    }

    /** Extra fields for the run summary (name to number, boolean or string). */
    default java.util.Map<String, Object> summary() {
        return java.util.Map.of();
    }
}
