package org.speedsim.engine.swarm;

import java.util.Map;

/**
 * The headline figures of one run. Build one with {@link #builder} (or change one with {@link #toBuilder}), so a new
 * field is added here, where it is set, and where it is written ({@code RunFiles} in the reports module).
 *
 * @param swarmDeathMicros first moment no seed was online and the online peers together lacked a piece; -1 when the
 *                         swarm was still alive at the end (censored)
 * @param downloadP50Seconds median download time of the leechers that completed (NaN when none did)
 * @param invariantsOk     whether every conservation check of the run held
 * @param extra            fields contributed by extensions (such as Speed's token totals)
 */
public record RunSummary(String scenario, long seed, int replication, long simulatedMicros, long events,
                         int peersArrived, int peersCompleted, double downloadP50Seconds, double downloadP90Seconds,
                         double downloadMeanSeconds, long swarmDeathMicros, long bytesUploaded, long bytesDownloaded,
                         long duplicateBytes, long pieceTransfers, long overheadBytes, boolean invariantsOk,
                         Map<String, Object> extra) {
    public RunSummary {
        extra = Map.copyOf(extra);
    }

    public boolean swarmDied() {
        return swarmDeathMicros >= 0;
    }

    /** A builder of the summary of run {@code replication} of {@code scenario}, every other figure zero or NaN. */
    public static Builder builder(String scenario, long seed, int replication) {
        return new Builder(scenario, seed, replication);
    }

    /** A builder holding this summary's figures. */
    public Builder toBuilder() {
        return new Builder(scenario, seed, replication).simulatedMicros(simulatedMicros).events(events)
                .peers(peersArrived, peersCompleted)
                .downloadSeconds(downloadP50Seconds, downloadP90Seconds, downloadMeanSeconds)
                .swarmDeathMicros(swarmDeathMicros).bytes(bytesUploaded, bytesDownloaded, duplicateBytes)
                .pieceTransfers(pieceTransfers).overheadBytes(overheadBytes).invariantsOk(invariantsOk).extra(extra);
    }

    /** Sets a summary's figures by name; {@link #build} makes the record. */
    public static final class Builder {
        private final String scenario;
        private final long seed;
        private final int replication;
        private long simulatedMicros;
        private long events;
        private int peersArrived;
        private int peersCompleted;
        private double downloadP50Seconds = Double.NaN;
        private double downloadP90Seconds = Double.NaN;
        private double downloadMeanSeconds = Double.NaN;
        private long swarmDeathMicros = -1;
        private long bytesUploaded;
        private long bytesDownloaded;
        private long duplicateBytes;
        private long pieceTransfers;
        private long overheadBytes;
        private boolean invariantsOk = true;
        private Map<String, Object> extra = Map.of();

        private Builder(String scenario, long seed, int replication) {
            this.scenario = scenario;
            this.seed = seed;
            this.replication = replication;
        }

        public Builder simulatedMicros(long micros) {
            this.simulatedMicros = micros;
            return this;
        }

        public Builder events(long count) {
            this.events = count;
            return this;
        }

        /** Leechers that arrived and those of them that completed. */
        public Builder peers(int arrived, int completed) {
            this.peersArrived = arrived;
            this.peersCompleted = completed;
            return this;
        }

        /** Median, 90th percentile and mean download time of the completed leechers (NaN when none did). */
        public Builder downloadSeconds(double p50, double p90, double mean) {
            this.downloadP50Seconds = p50;
            this.downloadP90Seconds = p90;
            this.downloadMeanSeconds = mean;
            return this;
        }

        /** When the swarm died; -1 when it was alive at the end. */
        public Builder swarmDeathMicros(long micros) {
            this.swarmDeathMicros = micros;
            return this;
        }

        /** Piece bytes uploaded, downloaded and downloaded twice. */
        public Builder bytes(long uploaded, long downloaded, long duplicate) {
            this.bytesUploaded = uploaded;
            this.bytesDownloaded = downloaded;
            this.duplicateBytes = duplicate;
            return this;
        }

        public Builder pieceTransfers(long count) {
            this.pieceTransfers = count;
            return this;
        }

        public Builder overheadBytes(long bytes) {
            this.overheadBytes = bytes;
            return this;
        }

        public Builder invariantsOk(boolean ok) {
            this.invariantsOk = ok;
            return this;
        }

        /** The extensions' fields. */
        public Builder extra(Map<String, Object> fields) {
            this.extra = fields;
            return this;
        }

        public RunSummary build() {
            return new RunSummary(scenario, seed, replication, simulatedMicros, events, peersArrived, peersCompleted,
                    downloadP50Seconds, downloadP90Seconds, downloadMeanSeconds, swarmDeathMicros, bytesUploaded,
                    bytesDownloaded, duplicateBytes, pieceTransfers, overheadBytes, invariantsOk, extra);
        }
    }
}
