package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Replication directories of the shape {@code speedsim run} writes, with known values: a Speed run with the
 * {@code balance_gini} column and a {@code piececopies.csv}. Replication r has {@code 10 + r} samples 60 s apart;
 * {@code leechers} at sample i is {@code 10 + i + r}; odd replications' swarms die at {@code 300 + 60 r} s.
 */
final class Fixtures {

    static final String HEADER = "time_s,leechers,seeds,distributed_copies,min_piece_copies,mean_piece_copies,"
            + "upload_utilisation,clearing_price_nano_per_kib,tokens_paid_ubtt,escrow_locked_ubtt,ledger_queue,"
            + "balance_gini";

    private Fixtures() {
    }

    static double leechers(int r, int i) {
        return 10 + i + r;
    }

    static double seeds(int r, int i) {
        return 1 + (i * (r + 1)) % 4;
    }

    static double copies(int r, int i) {
        return 1 + 0.25 * ((i + 2 * r) % 8);
    }

    static int samples(int r) {
        return 10 + r;
    }

    /** A scenario directory with {@code replications} complete replications and one incomplete one after them. */
    static Path scenario(Path root, String name, int replications) throws IOException {
        Path dir = root.resolve(name);
        for (int r = 0; r < replications; r++) {
            replication(dir.resolve(Integer.toString(r)), name, r);
        }
        Path partial = dir.resolve(Integer.toString(replications));
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("timeseries.csv"), HEADER + "\n");
        return dir;
    }

    static Path replication(Path dir, String name, int r) throws IOException {
        Files.createDirectories(dir);
        StringBuilder ts = new StringBuilder(HEADER).append('\n');
        StringBuilder pc = new StringBuilder("time_s,copies,pieces\n");
        for (int i = 0; i < samples(r); i++) {
            ts.append(String.format(Locale.ROOT, "%d,%s,%s,%s,1,1.5,0.5,%d,%d,%d,%d,%s%n", 60 * i,
                    num(leechers(r, i)), num(seeds(r, i)), num(copies(r, i)), 1000 * (i % 3), 50_000 * i,
                    20_000 * (i % 2), i % 2, num(0.1 * (i % 5))));
            // 16 pieces split over copy counts: i pieces at 1 copy... kept summing to 16
            int low = Math.min(i, 16);
            if (low > 0) {
                pc.append(60 * i).append(",1,").append(low).append('\n');
            }
            if (16 - low > 0) {
                pc.append(60 * i).append(",3,").append(16 - low).append('\n');
            }
        }
        Files.writeString(dir.resolve("timeseries.csv"), ts);
        Files.writeString(dir.resolve("piececopies.csv"), pc);
        StringBuilder peers = new StringBuilder("peer,class,client,arrival_s,completion_s,departure_s,uploaded_bytes,"
                + "downloaded_bytes,tokens_spent_ubtt,tokens_earned_ubtt,initial_seed,upload_bytes_per_s,download_bytes_per_s,duplicate_bytes,"
                + "tokens_settled_ubtt\n");
        peers.append("0,fibre,speed,0,0,,100,0,0,50,true,1000,2000,0,40\n");
        for (int p = 1; p <= 6; p++) {
            String cls = p % 2 == 0 ? "dsl" : "\"fibre, fast\"";
            String completion = p == 6 ? "" : num(10 * p + 30 * r + 5.5);
            peers.append(p).append(',').append(cls).append(",speed,").append(10 * p).append(',').append(completion)
                    .append(",,1,2,3,4,false,125000,1000000,0,4\n");
        }
        Files.writeString(dir.resolve("peers.csv"), peers);
        Files.writeString(dir.resolve("scenario.yaml"), "name: " + name + "\nseed: 1\n");
        boolean died = r % 2 == 1;
        String summary = "{\n  \"scenario\" : \"" + name + "\",\n  \"seed\" : 1,\n  \"replication\" : " + r + ",\n"
                + "  \"simulated_s\" : " + 60.0 * (samples(r) - 1) + ",\n  \"peers_completed\" : " + (5 + r) + ",\n"
                + "  \"download_time_p50_s\" : " + (r == 0 ? "null" : num(100.0 + r)) + ",\n"
                + "  \"download_time_p90_s\" : 200,\n"
                + "  \"swarm_death_s\" : " + (died ? num(300 + 60 * r) : "null") + ",\n"
                + "  \"swarm_died\" : " + died + ",\n  \"invariants_ok\" : true,\n"
                + "  \"tokens_paid\" : " + (1000 * (r + 1)) + ",\n  \"tokens_conserved\" : true\n}\n";
        Files.writeString(dir.resolve("summary.json"), summary);
        return dir;
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
