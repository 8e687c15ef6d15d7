package org.speedsim.engine.world;

/**
 * One download request of a user and how it ended.
 *
 * @param requestedMicros when the user asked for the torrent
 * @param endedMicros     when it completed, was given up or abandoned; -1 if still open at the end of the run
 * @param outcome         how it ended
 * @param downloadedBytes bytes of the torrent received for it (duplicates not counted)
 */
public record RequestRecord(int user, int torrent, long requestedMicros, long endedMicros, Outcome outcome,
                            long downloadedBytes) {

    /** How a request ended. */
    public enum Outcome {
        /** The user holds the whole torrent. */
        COMPLETED,
        /** A patience time went by without a byte received. */
        GAVE_UP,
        /** The user went offline first; its partial download is dropped. */
        WENT_OFFLINE,
        /** Still downloading when the run ended. */
        OPEN;

        /** The name written in {@code requests.csv}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
