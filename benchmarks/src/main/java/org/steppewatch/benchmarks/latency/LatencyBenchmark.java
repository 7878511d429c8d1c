package org.steppewatch.benchmarks.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Report → signed webhook latency under load, against the one-command stack ({@code java -jar
 * local/target/steppewatch.jar}) in a fresh temporary data directory on free ports: 1,000 webhook subscriptions, a
 * receiver in this process, reports at 1, 10 and 50 a second for 60 s each; then the same with a second process
 * running another instance of each service beside the first, reports spread over both incident-services.
 * <p>
 * Options: {@code --quick} (10 s a rate, one instance of each service), {@code --one-instance} (60 s a rate, one
 * instance of each service only), {@code --keep} (keep the temporary directory: data and the stacks' logs),
 * {@code --jar <path>}
 * (default local/target/steppewatch.jar), {@code --out <file>} (default target/benchmark-results/latency.md).
 * Run from the repository root: {@code benchmarks/latency.sh}.
 */
public final class LatencyBenchmark {

    private static final int[] RATES = {1, 10, 50};

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean twoInstances = !quick && !List.of(args).contains("--one-instance");
        Path jar = Path.of(option(args, "--jar", "local/target/steppewatch.jar"));
        Path out = Path.of(option(args, "--out", "target/benchmark-results/latency.md"));
        int seconds = quick ? 10 : 60;
        int warmupSeconds = quick ? 5 : 10;
        Path data = Files.createTempDirectory("steppewatch-latency-");
        String password = token(24);
        String secretKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        String webhookSecret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));

        Map<String, String> first = new LinkedHashMap<>();
        for (String port : List.of("INCIDENT_SERVICE_PORT", "ANALYSIS_SERVICE_PORT", "NOTIFICATION_SERVICE_PORT",
                "AUTH_SERVICE_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGODB_PORT")) {
            first.put(port, String.valueOf(StackProcess.freePort()));
        }
        first.put("STEPPEWATCH_DATA", data.resolve("data").toString());
        first.put("STEPPEWATCH_ADMIN_PASSWORD", password);
        first.put("STEPPEWATCH_SECRET_KEY", secretKey);
        first.put("STEPPEWATCH_FACILITIES_SEED_EXAMPLES", "false");

        List<RateRun.Result> results = new ArrayList<>();
        long coldStart;
        log("starting the stack (%s) in %s", jar, data);
        long t0 = System.nanoTime();
        try (StackProcess stack = StackProcess.start("stack", jar, data, first, List.of());
             Receiver receiver = new Receiver(webhookSecret)) {
            coldStart = (System.nanoTime() - t0) / 1_000_000;
            log("up in %.1f s", coldStart / 1000.0);
            String auth = "http://localhost:" + stack.port("AUTH_SERVICE_PORT");
            String notifications = "http://localhost:" + stack.port("NOTIFICATION_SERVICE_PORT");
            List<String> incidents = new ArrayList<>(List.of("http://localhost:" + stack.port("INCIDENT_SERVICE_PORT")));
            String kafka = "localhost:" + stack.port("KAFKA_PORT");
            Api api = Api.signIn(auth, password);
            subscribe(api, notifications, receiver.url(), webhookSecret);
            try (Hops hops = new Hops(kafka)) {
                String one = "1 instance of each service";
                warmUp(one, api, incidents, receiver, hops, warmupSeconds);
                for (int rate : RATES) {
                    results.add(logged(RateRun.run(one, api, incidents, receiver, hops, rate, seconds, 15_000)));
                }
                if (twoInstances) {
                    quiet(receiver);
                    Map<String, String> second = new LinkedHashMap<>();
                    for (String port : List.of("INCIDENT_SERVICE_PORT", "ANALYSIS_SERVICE_PORT", "NOTIFICATION_SERVICE_PORT")) {
                        second.put(port, String.valueOf(StackProcess.freePort()));
                    }
                    second.put("STEPPEWATCH_SERVICES", "incident,analysis,notification");
                    second.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
                    second.put("MONGODB_URI", "mongodb://localhost:" + stack.port("MONGODB_PORT"));
                    second.put("STEPPEWATCH_ISSUER_URI", auth);
                    second.put("STEPPEWATCH_SECRET_KEY", secretKey);
                    second.put("STEPPEWATCH_FACILITIES_SEED_EXAMPLES", "false");
                    log("starting a second instance of each service");
                    try (StackProcess two = StackProcess.start("second", jar, data, second, List.of())) {
                        incidents.add("http://localhost:" + two.port("INCIDENT_SERVICE_PORT"));
                        String both = "2 instances of each service";
                        warmUp(both, api, incidents, receiver, hops, warmupSeconds);
                        for (int rate : RATES) {
                            results.add(logged(RateRun.run(both, api, incidents, receiver, hops, rate, seconds, 15_000)));
                        }
                    }
                }
            }
            if (receiver.badSignatures() > 0) {
                log("%d webhooks had a bad signature", receiver.badSignatures());
            }
        } finally {
            if (List.of(args).contains("--keep")) {
                log("kept %s (the stack's log is stack.log)", data);
            } else {
                delete(data);
            }
        }
        String table = Tables.markdown(results, quick, seconds, warmupSeconds, coldStart);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println();
        System.out.println(table);
        System.out.println("(written to " + out + ")");
    }

    /** 1,000 subscriptions, 4 at a time: {@link Sites}. */
    private static void subscribe(Api api, String notifications, String url, String secret) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> created = new ArrayList<>();
        for (int site = 0; site < Sites.COUNT; site++) {
            for (int k = 0; k < Sites.PER_SITE; k++) {
                int s = site;
                int n = k;
                created.add(pool.submit(() -> api.subscribe(notifications, "site " + s + " subscriber " + n,
                        Sites.lon(s), Sites.lat(s), Sites.RADIUS_KM, url, secret)));
            }
        }
        for (Future<String> f : created) {
            f.get();
        }
        pool.shutdown();
        log("%d subscriptions in %.1f s", created.size(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Reports at 10 a second, not measured: the JIT compiles the path before the measured rates. Waits up to two
     * minutes for the last of them, so that no backlog of the warm-up is left for the first measured rate.
     */
    private static void warmUp(String configuration, Api api, List<String> incidents, Receiver receiver, Hops hops,
                               int seconds) {
        RateRun.Result warm = RateRun.run(configuration, api, incidents, receiver, hops, 10, seconds, 120_000);
        log("warm-up (%s): %d reports, %d alerted, p50 %.0f ms", configuration, warm.sent(), warm.alerted(),
                warm.latency().getValueAtPercentile(50) / 1000.0);
    }

    /**
     * Waits until every report accepted so far has had its alert (at most 5 minutes): what a rate the stack could not
     * keep up with left behind is not counted against the next configuration, as far as the wait allows.
     */
    private static void quiet(Receiver receiver) {
        long started = Micros.now();
        while (receiver.alertedIncidents() < RateRun.reported() && Micros.now() - started < 300_000_000) {
            StackProcess.pause(500);
        }
        log("%d of %d reports alerted after waiting %.0f s for the backlog", receiver.alertedIncidents(),
                RateRun.reported(), (Micros.now() - started) / 1e6);
    }

    private static RateRun.Result logged(RateRun.Result r) {
        log("%s, %d/s: sent %d, alerted %d, missing %d, failed %d; p50 %.0f p99 %.0f max %.0f ms", r.configuration(),
                r.rate(), r.sent(), r.alerted(), r.missing(), r.failed(), r.latency().getValueAtPercentile(50) / 1000.0,
                r.latency().getValueAtPercentile(99) / 1000.0, r.latency().getMaxValue() / 1000.0);
        return r;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String token(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log("could not delete %s: %s", dir, e.getMessage());
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[latency] " + format + "%n", args);
    }
}
