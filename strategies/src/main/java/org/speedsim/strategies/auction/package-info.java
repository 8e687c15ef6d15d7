/**
 * Auction formats of Speed providers (uniform price, VCG, first price). Formats are stateless values: two of one
 * class are equal, and running one allocates nothing once warm.
 */
package org.speedsim.strategies.auction;
