/**
 * The bandwidth model: a {@link org.speedsim.engine.net.FlowNetwork} carries each transfer as a flow from an
 * uploader's uplink to a downloader's downlink and tells its listener when a transfer completes;
 * {@link org.speedsim.engine.net.MaxMinNetwork} is the reference, max-min fair model.
 *
 * <p>Invariants: at every instant the flow rates are the model's allocation over the current flows, no link carries
 * more than its capacity, and the bytes delivered on a flow grow at its rate; rates are recomputed once per event,
 * only around the links that changed.
 */
package org.speedsim.engine.net;
