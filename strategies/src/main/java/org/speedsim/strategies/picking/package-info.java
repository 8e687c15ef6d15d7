/**
 * Piece pickers: rarest-first and random selection, and {@link org.speedsim.strategies.picking.PieceScan}, the word-
 * at-a-time scan of piece bit sets they share (public, so that a plug-in picker can reuse it). Pickers allocate
 * nothing per pick.
 */
package org.speedsim.strategies.picking;
