package org.speedsim.reports;

import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.ProtocolConfig;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.RequestRecord.Outcome;
import org.speedsim.engine.world.TorrentRecord;
import org.speedsim.engine.world.UserRecord;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.engine.world.WorldConfig;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.engine.world.WorldSummary;

/**
 * Synthetic world results with values a reader can check by hand. Replication r of a world of {@code TORRENTS}
 * torrents, 1000 s long, sampled every 100 s (11 samples):
 * <ul>
 *   <li>torrent k (id k) has rank k + 1 (so decile = rank with 10 torrents), size 1000 (k + 1) bytes, is released
 *   at 100 (k - 2) s (torrents 0 and 1 before the start, 0 for their available_from; in a catalogue of more than
 *   12 torrents, the last ones after the end, never released); it becomes unavailable at age 100 (k + 1 + r) s
 *   when that is before the end, else never (censored);</li>
 *   <li>users: u0 a legacy user ("dsl, slow" class: a comma to quote), u1..u3 Speed users with 1 BTT airdrop and
 *   final balances 0, 0.5, 2.5 BTT (r added to u3's in whole BTT);</li>
 *   <li>requests: user u asks for torrent (u + j) % TORRENTS at 37 j + u s for j in 0..24; a request completes when
 *   (u + j + r) % 3 is 0, is given up when 1, goes offline when 2 (the last one stays open);</li>
 *   <li>time series sample i at 100 i s: {@code available_share_dk} = 1 for k &lt;= 10 - i - r, else 0;
 *   {@code lorenz_pP} = (P/100)^(1 + i/5); {@code balance_gini} = i / 20; token columns simple multiples of i.</li>
 * </ul>
 */
final class WorldFixtures {

    static final int TORRENTS = 10;
    static final long END_MICROS = 1_000_000_000L;

    private WorldFixtures() {
    }

    static WorldResult result(String name, int r) {
        return result(name, r, TORRENTS);
    }

    static WorldResult result(String name, int r, int torrents) {
        List<TorrentRecord> ts = new ArrayList<>();
        for (int k = 0; k < torrents; k++) {
            long release = 100_000_000L * (k - 2);
            long from = Math.max(0, release);
            boolean released = release <= END_MICROS;
            long death = from + 100_000_000L * (k + 1 + r);
            boolean dies = released && death < END_MICROS;
            int rank = k + 1;
            ts.add(new TorrentRecord(k, 1000L * (k + 1), k + 1, release, released ? from : release, rank,
                    WorldColumns.decile(rank, torrents), 3 + k, k % 3, released ? 0.1 + 0.2 * (k % 2) : 0,
                    dies ? death : -1, dies ? death : released ? END_MICROS : -1, 1 + k % 2, 12345L * k));
        }
        List<UserRecord> us = List.of(
                new UserRecord(0, "dsl, slow", "legacy", 125000.5, 1e6, 0, 0, 0, 0, 5000, 7000, 600_000_000L,
                        250_000_001L, 2, 3, 1),
                new UserRecord(1, "fibre", "speed", 1.25e7, 1.25e7, 1_000_000, 0, 0, 1_000_000, 1, 2,
                        1_000_000_000L, 0, 0, 1, 0),
                new UserRecord(2, "fibre", "speed", 1.25e7, 1.25e7, 1_000_000, 500_000, 250_000, 750_000, 3, 4,
                        900_000_000L, 1, 1, 2, 3),
                new UserRecord(3, "fibre", "speed", 1.25e7, 1.25e7, 1_000_000, 2_500_000 + 1_000_000L * r,
                        1_750_000, 250_000, 8, 9, 10, 11, 12, 13, 14));
        List<RequestRecord> rs = new ArrayList<>();
        for (int j = 0; j < 25; j++) {
            for (int u = 0; u < us.size(); u++) {
                long at = 1_000_000L * (37L * j + u);
                int torrent = (u + j) % torrents;
                Outcome o = switch ((u + j + r) % 3) {
                    case 0 -> Outcome.COMPLETED;
                    case 1 -> Outcome.GAVE_UP;
                    default -> Outcome.WENT_OFFLINE;
                };
                boolean last = j == 24 && u == us.size() - 1;
                rs.add(new RequestRecord(u, torrent, at, last ? -1 : at + 5_500_000L, last ? Outcome.OPEN : o,
                        o == Outcome.COMPLETED ? 1000L * (torrent + 1) : 7));
            }
        }
        TimeSeries series = new TimeSeries(WorldColumns.SERIES);
        for (int i = 0; i <= 10; i++) {
            List<Double> row = new ArrayList<>(List.of(100.0 * i, (double) (2 + i % 3), (double) i,
                    Math.min(10.0, 2 + i), (double) (10 - i), 3.0 * i, 1.0 + i, (double) i % 4, 3e6 - 1e5 * i,
                    1e5 * i, 2.5e4 * i, i == 0 ? 3e6 : 0.0, i / 20.0, 0.1 + 0.2 * (i % 2)));
            for (int d = 1; d <= WorldColumns.DECILES; d++) {
                row.add(d <= 10 - i - r ? 1.0 : 0.0);
            }
            for (int p = 10; p <= 90; p += 10) {
                row.add(Math.pow(p / 100.0, 1 + i / 5.0));
            }
            series.add(row.stream().mapToDouble(Double::doubleValue).toArray());
        }
        List<Double> success = new ArrayList<>();
        List<Double> availability = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            success.add(d == 10 ? Double.NaN : 1.0 / d);
            availability.add(0.1 * d);
        }
        WorldSummary summary = new WorldSummary(100, 33, 33, 33, 1, 0.33, success, availability, torrents,
                torrents - 1, 2, 3_000_000, 2_000_000, 2_000_000, 1_500_000 + r, 0.1 + 0.2, Double.NaN, true, 77, 0,
                123_456_789L, 4321, 98765, 98764, 5, 4, END_MICROS);
        return new WorldResult(config(name, r), summary, ts, us, rs, series, 1.25 + r);
    }

    static WorldRunConfig config(String name, int r) {
        Distribution one = new Distribution.Fixed(1);
        PeerClass fibre = new PeerClass("fibre", 1, one, one);
        CatalogueConfig catalogue = new CatalogueConfig(2, one, 0.01, one, 16384, 1, 3_600_000_000L, one);
        PopulationConfig population = new PopulationConfig(4, List.of(fibre), List.of(new ClientShare("legacy", 1)),
                one, one, null, 0.01, one, new Distribution.Fixed(0));
        SeedingBehaviour.Factory never = (peer, rng) -> null;
        ClientSpec legacy = new ClientSpec("legacy", 1, false, peer -> null, peer -> null, never);
        return new WorldRunConfig(name, 42, r, new WorldConfig(catalogue, population, END_MICROS), List.of(legacy),
                ProtocolConfig.DEFAULT, null, LibrarySeeding.DEFAULT, fibre, 100_000_000L, "max-min");
    }
}
