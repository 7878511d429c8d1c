package org.steppewatch.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one scenario did and what its subscribers must have got, worked out from the scenario's own actions (which
 * incidents were reported, revised or retracted, who subscribed), never from what the services say they sent.
 * <ul>
 * <li>a report that stands: every subscriber gets its alert (version 1) at least once;</li>
 * <li>a report revised to version 2: every subscriber gets version 2; version 1 either arrived before it or was
 * dropped because version 2 superseded it (counted), never after it;</li>
 * <li>a report retracted: a subscriber that got an alert of it gets the Cancel last; one that got nothing was never
 * told (the retraction overtook the alert), which is allowed.</li>
 * </ul>
 * Duplicates are counted: every copy of one delivery must carry the same {@code webhook-id}.
 */
final class Ledger {

    enum Fate {
        STANDS, REVISED, RETRACTED
    }

    // scenarios subscribe and report from several threads at once
    private final Map<String, Fate> incidents = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> subscribers = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    void reported(String incidentId, Fate fate) {
        incidents.put(incidentId, fate);
    }

    void subscribed(String path) {
        subscribers.add(path);
    }

    Map<String, Fate> incidents() {
        synchronized (incidents) {
            return new LinkedHashMap<>(incidents);
        }
    }

    private Set<String> subscribers() {
        synchronized (subscribers) {
            return new LinkedHashSet<>(subscribers);
        }
    }

    /** The outcome for the closing table, and what is wrong (empty when every guarantee held). */
    record Tally(int expected, int delivered, int duplicates, int stale, int superseded, int neverTold,
                 List<String> problems, long lastArrivalNanos) {

        boolean complete() {
            return expected == delivered && stale == 0 && problems.isEmpty();
        }

        String summary() {
            return "expected " + expected + ", delivered " + delivered + ", duplicates " + duplicates + ", stale " + stale
                    + ", superseded " + superseded + ", never told (retracted first) " + neverTold
                    + (problems.isEmpty() ? "" : ", problems " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    Tally tally(List<Receivers.Received> all) {
        Map<String, Fate> incidents = incidents();
        Set<String> subscribers = subscribers();
        Map<String, List<Receivers.Received>> byPair = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        Map<String, String> idOfDelivery = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Receivers.Received r : all) {
            if (!incidents.containsKey(r.incidentId()) || !subscribers.contains(r.path())) {
                continue;
            }
            byPair.computeIfAbsent(r.incidentId() + " " + r.path(), k -> new ArrayList<>()).add(r);
            copies.merge(r.webhookId(), 1, Integer::sum);
            String previous = idOfDelivery.putIfAbsent(r.alertId() + " " + r.path(), r.webhookId());
            if (previous != null && !previous.equals(r.webhookId())) {
                problems.add("alert " + r.alertId() + " reached " + r.path() + " under two webhook-ids");
            }
        }
        int expected = 0;
        int delivered = 0;
        int stale = 0;
        int superseded = 0;
        int neverTold = 0;
        long last = 0;
        for (Map.Entry<String, Fate> incident : incidents.entrySet()) {
            for (String path : subscribers) {
                List<Receivers.Received> got = byPair.getOrDefault(incident.getKey() + " " + path, List.of());
                for (Receivers.Received r : got) {
                    last = Math.max(last, r.atNanos());
                }
                Receivers.Received lastGot = got.isEmpty() ? null : got.get(got.size() - 1);
                switch (incident.getValue()) {
                    case STANDS -> {
                        expected++;
                        if (got.stream().anyMatch(r -> r.incidentVersion() == 1 && !"Cancel".equals(r.msgType()))) {
                            delivered++;
                        }
                    }
                    case REVISED -> {
                        expected++;
                        if (got.stream().anyMatch(r -> r.incidentVersion() == 2)) {
                            delivered++;
                            if (got.stream().noneMatch(r -> r.incidentVersion() == 1)) {
                                superseded++;
                            }
                        }
                        if (lastGot != null && lastGot.incidentVersion() != 2) {
                            stale++;
                        }
                    }
                    case RETRACTED -> {
                        if (got.isEmpty()) {
                            neverTold++;
                        } else {
                            expected++;
                            if ("Cancel".equals(lastGot.msgType())) {
                                delivered++;
                            } else if (got.stream().anyMatch(r -> "Cancel".equals(r.msgType()))) {
                                stale++;
                            }
                        }
                    }
                }
            }
        }
        int duplicates = copies.values().stream().mapToInt(n -> n - 1).sum();
        return new Tally(expected, delivered, duplicates, stale, superseded, neverTold, problems, last);
    }

    static String seconds(long fromNanos, long toNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", Duration.ofNanos(Math.max(0, toNanos - fromNanos)).toMillis() / 1000.0);
    }
}
