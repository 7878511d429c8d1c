package org.steppewatch.benchmarks.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;
import org.steppewatch.benchmarks.Machine;
import org.steppewatch.embedded.EmbeddedKafka;

/**
 * The embedded broker's ceiling, measured with Kafka's own tools ({@code ProducerPerformance},
 * {@code ConsumerPerformance} from kafka-tools) against the in-process KRaft broker the one-command run uses
 * ({@link EmbeddedKafka}, a fresh log directory in a temp dir, free ports): records of the size of a real
 * {@code IncidentAssessed} and a real {@code AlertIssued} ({@link EventSizes}), with the services' producer
 * settings (acks=all, idempotence), to a topic of 3 partitions as the services create. Each size is produced twice
 * in this JVM as fast as the producer can (the first run cold: new broker, code not yet compiled; the second warm),
 * then for 10 s at a tenth of the warm rate, for the latency of a record that meets no queue. Then one consumer
 * reads the topic from the start. The tools run in the broker's JVM, so CPU figures are broker and clients together.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar org.steppewatch.benchmarks.broker.BrokerCeiling [--quick]}
 * ({@code --quick}: a tenth of the records). Writes {@code target/benchmark-results/broker-tools.md}.
 */
public final class BrokerCeiling {

    private static final int PARTITIONS = 3;
    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    private BrokerCeiling() {
    }

    record Size(String event, String topic, int bytes, int records) {
    }

    public static void main(String[] args) throws Exception {
        int divisor = List.of(args).contains("--quick") ? 10 : 1;
        EventSizes sizes = EventSizes.measure();
        System.out.printf("event sizes: IncidentAssessed %,d bytes, AlertIssued %,d bytes (key, JSON value, CloudEvents headers)%n",
                sizes.assessmentBytes(), sizes.alertBytes());
        // about 150 MB of records each
        List<Size> runs = List.of(
                new Size("AlertIssued", "bench-alerts", sizes.alertBytes(), records(sizes.alertBytes(), divisor)),
                new Size("IncidentAssessed", "bench-assessments", sizes.assessmentBytes(), records(sizes.assessmentBytes(), divisor)));
        Path dir = Files.createTempDirectory("steppewatch-broker-ceiling");
        List<String> rows = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(runs.stream().map(r -> new NewTopic(r.topic(), PARTITIONS, (short) 1)).toList()).all().get();
            }
            for (Size size : runs) {
                rows.add(producerRow(size, "cold, unthrottled", produce(bootstrap, size, size.records(), -1)));
                rows.add(producerRow(size, "warm, unthrottled", produce(bootstrap, size, size.records(), -1)));
                // latency without a queue in front of it: a tenth of the warm rate, for 10 s
                int paced = pacedRate(rows.get(rows.size() - 1));
                rows.add(producerRow(size, "warm, " + paced + "/s", produce(bootstrap, size, paced * 10, paced)));
                int total = 2 * size.records() + paced * 10;
                ToolRun read = ToolRun.of(() -> ConsumerPerformance.main(new String[] {
                        "--bootstrap-server", bootstrap, "--topic", size.topic(), "--num-records", String.valueOf(total),
                        "--timeout", "60000"}));
                rows.add(consumerRow(size, total, read));
            }
        } finally {
            deleteRecursively(dir);
        }
        List<String> lines = new ArrayList<>();
        lines.add("### Broker ceiling: Kafka's ProducerPerformance / ConsumerPerformance against the embedded broker");
        lines.add("");
        lines.add(Machine.describe());
        lines.add("");
        lines.add("Store: embedded KRaft broker (in-process, log in a temp dir, 1 node, topic of " + PARTITIONS
                + " partitions); producer acks=all, enable.idempotence=true, otherwise Kafka's defaults; record = key + JSON + "
                + "CloudEvents headers of a real event (IncidentAssessed " + sizes.assessmentBytes() + " B, AlertIssued "
                + sizes.alertBytes() + " B). CPU = process CPU time / wall time (broker and tool share the JVM).");
        lines.add("");
        lines.add("| tool | record (bytes) | run | records | records/s | MB/s | latency avg (ms) | p99 (ms) | max (ms) | CPU (cores busy) |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        lines.addAll(rows);
        Machine.report("broker-tools", lines);
    }

    private static ToolRun produce(String bootstrap, Size size, int records, int perSecond) throws Exception {
        return ToolRun.of(() -> ProducerPerformance.main(new String[] {
                "--bootstrap-server", bootstrap, "--topic", size.topic(),
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(size.bytes()),
                "--throughput", String.valueOf(perSecond),
                // the services' producer settings (their application YAML)
                "--command-property", "acks=all", "enable.idempotence=true", "max.block.ms=10000",
                "delivery.timeout.ms=30000", "request.timeout.ms=10000"}));
    }

    /** A tenth of the records per second of a producer row, at least 10. */
    private static int pacedRate(String producerRow) {
        String perSecond = producerRow.split("\\|")[5].trim().replace(",", "");
        return Math.max(10, (int) (Double.parseDouble(perSecond) / 10));
    }

    private static int records(int bytes, int divisor) {
        return Math.max(1_000, 150_000_000 / bytes / divisor);
    }

    private static String producerRow(Size size, String state, ToolRun run) {
        MatchResult last = null;
        Matcher m = PRODUCED.matcher(run.output());
        while (m.find()) {
            last = m.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("no summary line in the producer tool's output:\n" + run.output());
        }
        return String.format("| producer | %s %,d | %s | %,d | %,.0f | %.1f | %s | %s | %s | %.2f |", size.event(), size.bytes(),
                state, Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
                last.group(4), last.group(8), last.group(5), run.coresBusy());
    }

    private static String consumerRow(Size size, int records, ToolRun run) {
        // a header line naming the columns, then one line of figures
        String[] lines = run.output().strip().split("\\R");
        String[] names = null;
        String[] values = null;
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("start.time")) {
                names = lines[i].split(",\\s*");
                values = lines[i + 1].split(",\\s*");
            }
        }
        if (names == null) {
            throw new IllegalStateException("no figures in the consumer tool's output:\n" + run.output());
        }
        Map<String, Double> figures = new java.util.HashMap<>();
        for (int i = 2; i < names.length && i < values.length; i++) {
            figures.put(names[i], Double.parseDouble(values[i]));
        }
        // the tool's figures with and without the consumer group's join (rebalance.time.ms)
        return String.format("| consumer | %s %,d | from the start | %,d | %,.0f (%,.0f fetching) | %.1f (%.1f) | - | - | - | %.2f |",
                size.event(), size.bytes(), records, figures.get("nMsg.sec"), figures.get("fetch.nMsg.sec"),
                figures.get("MB.sec"), figures.get("fetch.MB.sec"), run.coresBusy());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
