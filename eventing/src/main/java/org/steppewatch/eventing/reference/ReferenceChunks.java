package org.steppewatch.eventing.reference;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.steppewatch.contracts.EventJson;
import org.steppewatch.contracts.ReferenceDataPublished;

/**
 * Cuts an edition into the records of {@code reference.v1}: per dataset, consecutive items while their JSON stays
 * within a byte budget, so no record comes near Kafka's 1 MiB message limit however many settlements were imported.
 */
public final class ReferenceChunks {

    /** Half a megabyte of items a record: under Kafka's default 1 MiB with room for the envelope and headers. */
    public static final int MAX_CHUNK_BYTES = 512 * 1024;

    private ReferenceChunks() {
    }

    /** Every record of the edition: each dataset at least one chunk (an empty dataset is one empty chunk). */
    public static List<ReferenceDataPublished> of(ReferenceEdition edition, int maxChunkBytes) {
        List<ReferenceDataPublished> records = new ArrayList<>();
        Cut<ReferenceDataPublished.Settlement> settlements = cut(edition.settlements(), maxChunkBytes);
        for (int i = 0; i < settlements.chunks().size(); i++) {
            records.add(record(edition, ReferenceDataPublished.SETTLEMENTS, settlements, i, settlements.chunks().get(i), List.of()));
        }
        zones(edition, ReferenceDataPublished.DROP_ZONES, edition.dropZones(), maxChunkBytes, records);
        zones(edition, ReferenceDataPublished.AREAS_OF_CONCERN, edition.areasOfConcern(), maxChunkBytes, records);
        return records;
    }

    private static void zones(ReferenceEdition edition, String dataset, List<ReferenceDataPublished.Zone> zones,
                              int maxChunkBytes, List<ReferenceDataPublished> records) {
        Cut<ReferenceDataPublished.Zone> cut = cut(zones, maxChunkBytes);
        for (int i = 0; i < cut.chunks().size(); i++) {
            records.add(record(edition, dataset, cut, i, List.of(), cut.chunks().get(i)));
        }
    }

    private static ReferenceDataPublished record(ReferenceEdition edition, String dataset, Cut<?> cut, int index,
                                                 List<ReferenceDataPublished.Settlement> settlements,
                                                 List<ReferenceDataPublished.Zone> zones) {
        return new ReferenceDataPublished(edition.referenceDataVersion(), edition.revision(), dataset, cut.version(), index,
                cut.chunks().size(), settlements, zones, edition.publishedAt());
    }

    /** A dataset's items in chunks, and the content hash of them all. */
    private record Cut<T>(List<List<T>> chunks, String version) {
    }

    private static <T> Cut<T> cut(List<T> items, int maxChunkBytes) {
        MessageDigest sha = sha256();
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            byte[] json = EventJson.mapper().writeValueAsBytes(item);
            sha.update(json);
            sha.update((byte) '\n');
            if (!current.isEmpty() && bytes + json.length > maxChunkBytes) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += json.length + 1;
        }
        chunks.add(current);
        return new Cut<>(chunks, "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
