package org.speedsim.engine.ledger;

/** How channel states are signed: real Ed25519 from the JDK, or a cheap keyed tag that obeys the same rules. */
public enum SignatureMode {
    /** RFC 8032 Ed25519 signatures ({@code java.security.Signature "Ed25519"}), 64 bytes. */
    ED25519,
    /** A 64-bit keyed hash with a per-account secret, 8 bytes: detects forged and altered states, costs no crypto. */
    ACCOUNTING
}
