package org.speedsim.engine.speed;

import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.ledger.Ledger;
import org.speedsim.engine.ledger.LedgerAudit;
import org.speedsim.engine.ledger.LedgerLog;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;

/**
 * After a run with the ledger log on ({@link SpeedConfig#checkEveryOperation()}), checks the token figures of the
 * per-peer records against the ledger rebuilt from its log ({@link LedgerAudit}) and against the states the providers
 * still hold. Found problems are returned, not thrown; an empty list means every identity held:
 * <ul>
 *   <li>the ledger's accounts, channels and totals are what its logged operations imply;</li>
 *   <li>minted = the sum of the final balances + escrow locked in open channels (+ funds reserved by queued
 *       transactions);</li>
 *   <li>for every provider: accepted ({@link PeerRecord#tokensEarned}) = settled to it by closes in the log + the
 *       accepted value of its channels still open at the end;</li>
 *   <li>no provider's settled earnings exceed what it accepted, and its {@link PeerRecord#tokensEarnedSettled} is
 *       what the log settled to it;</li>
 *   <li>a provider that left holds no accepted state on a channel still open without having submitted its close
 *       (else the ledger will refund what it accepted).</li>
 * </ul>
 */
public final class TokenAudit {

    private TokenAudit() {
    }

    /** A run's result and the problems {@link #check} found in it. */
    public record Checked(RunResult result, List<String> problems) {
    }

    /**
     * Runs {@code config} (whose Speed extension must keep the ledger log) and checks it; every
     * {@link SpeedExtension} the run creates is checked.
     */
    public static Checked run(SwarmConfig config) {
        List<SpeedExtension> made = new ArrayList<>();
        List<SwarmExtension.Factory> wrapped = new ArrayList<>();
        for (SwarmExtension.Factory f : config.extensions()) {
            wrapped.add(control -> {
                SwarmExtension e = f.create(control);
                if (e instanceof SpeedExtension s) {
                    made.add(s);
                }
                return e;
            });
        }
        SwarmConfig c = config.toBuilder().extensions(wrapped).build();
        RunResult r = new Swarm(c).run();
        List<String> problems = new ArrayList<>();
        if (made.isEmpty()) {
            problems.add("the run had no Speed extension");
        }
        for (SpeedExtension s : made) {
            problems.addAll(check(s, r.peers()));
        }
        return new Checked(r, problems);
    }

    /** The problems found in a finished run of {@code speed} whose peers are {@code peers}. */
    public static List<String> check(SpeedExtension speed, List<PeerRecord> peers) {
        Ledger ledger = speed.ledger();
        LedgerLog log = ledger.log();
        if (log == null) {
            return List.of("the ledger kept no log: run with checkEveryOperation");
        }
        LedgerAudit audit = LedgerAudit.replay(log);
        List<String> problems = new ArrayList<>(audit.compareWith(ledger));
        long balances = 0;
        for (int a = 0; a < ledger.accounts(); a++) {
            balances += ledger.balance(a);
        }
        if (audit.minted() != balances + ledger.escrowLocked() + ledger.reserved()) {
            problems.add("minted " + audit.minted() + " != final balances " + balances + " + escrow locked "
                    + ledger.escrowLocked() + " + reserved " + ledger.reserved());
        }
        for (PeerRecord p : peers) {
            int u = p.peer();
            long settled = audit.settledTo(u);
            long inFlight = 0;
            String who = "peer " + u + " (" + p.client() + ")";
            for (int c : audit.openChannelsTo(u)) {
                long held = speed.acceptedOnChannel(c);
                inFlight += held;
                if (held > 0 && p.departureMicros() >= 0 && !audit.closePending(c)) {
                    problems.add(who + " left at " + p.departureMicros() + " us without closing channel " + c
                            + " holding " + held);
                }
            }
            if (p.tokensEarned() != settled + inFlight) {
                problems.add(who + " accepted " + p.tokensEarned() + " != settled " + settled + " + in flight "
                        + inFlight + " (" + audit.refundedChannelsTo(u).length + " of its channels were refunded)");
            }
            if (settled > p.tokensEarned()) {
                problems.add(who + " settled " + settled + " > accepted " + p.tokensEarned());
            }
            if (p.tokensEarnedSettled() != settled) {
                problems.add(who + " record says settled " + p.tokensEarnedSettled() + ", log " + settled);
            }
        }
        return problems;
    }
}
