package org.speedsim.engine.world.runtime;

import java.util.Arrays;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.ledger.Ledger;
import org.speedsim.engine.ledger.LedgerListener;
import org.speedsim.engine.ledger.Verdict;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.speed.SharedWallets;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.speed.SpeedExtension;

/**
 * The one ledger of a world and the wallets on it: account {@code u} is user {@code u}'s wallet, and the treasury
 * (account = number of users) holds every Speed user's airdrop from genesis until the user first arrives. Nothing is
 * minted after genesis, so the supply is fixed. As the ledger's only listener it routes each channel's events to the
 * swarm whose payer opened it (a user pays and earns in several swarms from the one wallet).
 *
 * <p>Invariant: supply = treasury + wallets + escrow locked in open channels (checked by the ledger after every
 * operation when {@link SpeedConfig#checkEveryOperation()}).
 */
final class WorldBank implements LedgerListener {

    final Ledger ledger;
    final int treasury;
    private final boolean checkEveryOperation;
    private long airdropped;
    private long checks;
    private SpeedExtension[] owner = new SpeedExtension[256];
    private int[] payerPeer = new int[256];
    private int[] payeePeer = new int[256];

    WorldBank(Simulator sim, SpeedConfig config, RandomStreams streams, int users, long genesisMicroBtt) {
        ledger = new Ledger(sim, config.ledger(), streams.stream("ledger-keys"));
        checkEveryOperation = config.checkEveryOperation();
        if (checkEveryOperation) {
            ledger.enableLog();
        }
        ledger.addListener(this);
        treasury = users;
        ledger.ensureAccount(treasury);
        if (genesisMicroBtt > 0) {
            ledger.mint(treasury, genesisMicroBtt);
        }
    }

    /** Grants a user its airdrop from the treasury (once, at its first arrival). */
    void airdrop(int user, long amount) {
        ledger.ensureAccount(user);
        if (amount > 0) {
            if (!ledger.grant(treasury, user, amount)) {
                throw new IllegalStateException("the treasury cannot cover the airdrop of user " + user);
            }
            airdropped += amount;
        }
        check();
    }

    long airdropped() {
        return airdropped;
    }

    long checks() {
        return checks;
    }

    /** The wallets of one swarm, whose peers map to users through {@code userOfPeer}. */
    SharedWallets walletsFor(TorrentSwarm swarm) {
        return new SharedWallets() {
            @Override
            public Ledger ledger() {
                return ledger;
            }

            @Override
            public int account(int peer) {
                return swarm.accountOf(peer);
            }

            @Override
            public void channelSubmitted(int channel, int payer, int payee, SpeedExtension extension) {
                route(channel, payer, payee, extension);
            }
        };
    }

    private void route(int channel, int payer, int payee, SpeedExtension extension) {
        if (channel >= owner.length) {
            int n = Math.max(channel + 1, owner.length * 2);
            owner = Arrays.copyOf(owner, n);
            payerPeer = Arrays.copyOf(payerPeer, n);
            payeePeer = Arrays.copyOf(payeePeer, n);
        }
        owner[channel] = extension;
        payerPeer[channel] = payer;
        payeePeer[channel] = payee;
    }

    private SpeedExtension ownerOf(int channel) {
        return channel < owner.length ? owner[channel] : null;
    }

    @Override
    public void onChannelOpened(int channelId, int payer, int payee, long escrow, long timeoutAtMicros) {
        SpeedExtension e = ownerOf(channelId);
        if (e != null) {
            e.channelOpened(channelId, payerPeer[channelId], payeePeer[channelId]);
        }
    }

    @Override
    public void onChannelClosed(long txId, int channelId, long toPayee, long toPayer) {
        SpeedExtension e = ownerOf(channelId);
        if (e != null) {
            e.channelClosed(channelId, payerPeer[channelId], payeePeer[channelId], toPayee);
            owner[channelId] = null;
        }
    }

    @Override
    public void onChannelRefunded(int channelId, int payer, long escrow) {
        SpeedExtension e = ownerOf(channelId);
        if (e != null) {
            e.channelRefunded(channelId, payerPeer[channelId], payeePeer[channelId]);
            owner[channelId] = null;
        }
    }

    @Override
    public void onCloseRejected(long txId, int channelId, int submitter, Verdict reason) {
        SpeedExtension e = ownerOf(channelId);
        if (e != null) {
            e.closeRejected(channelId, payeePeer[channelId]);
        }
    }

    void check() {
        if (checkEveryOperation) {
            checks++;
            ledger.checkInvariants();
        }
    }

    /** Supply conserved and no balance negative, now and at every check so far. */
    boolean conserved() {
        return ledger.checkInvariants().isEmpty() && ledger.everyCheckHeld();
    }
}
