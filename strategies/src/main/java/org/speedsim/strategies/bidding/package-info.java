/**
 * Bidding strategies of Speed requesters: the white paper's automatic bid, fixed bids, free riding and bid shading.
 */
package org.speedsim.strategies.bidding;
