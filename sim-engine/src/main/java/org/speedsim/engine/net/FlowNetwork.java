package org.speedsim.engine.net;

/**
 * The bandwidth model: every node (peer) has an uplink and a downlink capacity in bytes per second, and every
 * transfer is a flow from an uploader's uplink to a downloader's downlink. A flow carries a transfer of a given
 * number of bytes; when it completes, the {@link TransferListener} is told and may {@link #extend} the flow with
 * the next transfer (keeping all rates as they are) or {@link #close} it.
 *
 * <p>Invariant: at every instant the flow rates are the allocation defined by the implementation (max-min fair for
 * the reference model), no link carries more than its capacity, and bytes delivered on a flow grow at its rate.
 * Flow ids are small non-negative ints, recycled after {@link #close}.
 */
public interface FlowNetwork {

    /** Sets (or changes) a node's capacities in bytes per second; ids are dense, starting at 0. */
    void setCapacity(int node, double uploadBytesPerSecond, double downloadBytesPerSecond);

    double uploadCapacity(int node);

    double downloadCapacity(int node);

    /** Opens a flow carrying a transfer of {@code bytes} (> 0) and returns its id. */
    int open(int uploader, int downloader, long bytes);

    /** Starts the next transfer on a flow whose transfer has just completed; rates are unchanged. */
    void extend(int flow, long bytes);

    /** Closes a flow; returns the bytes of its current transfer delivered so far (a partial transfer). */
    long close(int flow);

    /** Bytes of the flow's current transfer delivered up to now. */
    long delivered(int flow);

    /** Current rate in bytes per second. */
    double rate(int flow);

    int uploader(int flow);

    int downloader(int flow);

    boolean isOpen(int flow);

    int openFlows();

    /** Sum of the current rates of every open flow, in bytes per second. */
    double totalRate();

    /** Sum of the current rates of the flows leaving {@code node}. */
    double uploadRate(int node);

    /** Sum of the current rates of the flows entering {@code node}. */
    double downloadRate(int node);

    /** Receives transfer completions; set once before any flow is opened. */
    void setListener(TransferListener listener);

    /** Told when a flow's transfer has delivered all its bytes, at that moment. */
    @FunctionalInterface
    interface TransferListener {
        void transferComplete(int flow);
    }
}
