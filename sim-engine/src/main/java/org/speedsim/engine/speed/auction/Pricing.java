package org.speedsim.engine.speed.auction;

/** How an auction format charges its winners; tells a {@link SlotAllocation} how to price score-based winners. */
public enum Pricing {
    /** A winner pays its critical bid: the lowest bid with which it would still have won (uniform price, VCG). */
    CRITICAL,
    /** A winner pays what it bid (first price). */
    PAY_BID
}
