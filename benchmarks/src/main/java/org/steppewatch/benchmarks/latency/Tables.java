package org.steppewatch.benchmarks.latency;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.steppewatch.benchmarks.Machine;

/** The results as Markdown: the machine, what was run, the percentiles per rate and the hops. */
final class Tables {

    private Tables() {
    }

    static String markdown(List<RateRun.Result> results, boolean quick, int seconds, int warmupSeconds,
                           long coldStartMillis) {
        StringBuilder md = new StringBuilder();
        md.append("### Report → signed webhook latency").append(quick ? " (--quick)" : "").append("\n\n");
        md.append("Machine: ").append(Machine.summary()).append(".  \n");
        md.append("Store: the one-command stack's embedded MongoDB (mongo-java-server, H2 file backend) and embedded "
                + "Kafka (KRaft), a fresh temporary data directory; 1,000 webhook subscriptions, each alert reaches "
                + Sites.PER_SITE + " of them; receiver on 127.0.0.1 in the driver, every signature checked.  \n");
        md.append(String.format(Locale.ROOT, "Warm: after a %d s warm-up at 10 reports/s (the stack was up in %.1f s). "
                + "Open loop: latency from each report's intended send time to the first signed webhook of its alert; "
                + "%d s per rate; missing = no webhook within 15 s after the last report.%n%n", warmupSeconds,
                coldStartMillis / 1000.0, seconds));
        md.append("| configuration | reports/s | sent | alerted | missing | failed | p50 ms | p95 ms | p99 ms | max ms "
                + "| webhooks per alert | POST p99 ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RateRun.Result r : results) {
            Histogram h = r.latency();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s |%n",
                    r.configuration(), r.rate(), r.sent(), r.alerted(), r.missing(), r.failed(), ms(h, 50), ms(h, 95),
                    ms(h, 99), r.alerted() == 0 ? "–" : String.format(Locale.ROOT, "%.0f", h.getMaxValue() / 1000.0),
                    r.minWebhooks() == r.maxWebhooks() ? String.valueOf(r.maxWebhooks())
                            : r.minWebhooks() + "–" + r.maxWebhooks(), ms(r.post(), 99)));
        }
        md.append("\nWhere the time goes, p50 / p99 ms per hop (from the events' ce_time and the records' timestamps):\n\n");
        md.append("| configuration | reports/s |");
        for (String name : HopFigures.NAMES) {
            md.append(' ').append(name).append(" |");
        }
        md.append("\n|---|---|");
        md.append("---|".repeat(HopFigures.NAMES.length)).append('\n');
        for (RateRun.Result r : results) {
            md.append("| ").append(r.configuration()).append(" | ").append(r.rate()).append(" |");
            for (Map.Entry<String, Histogram> hop : r.hops().hops().entrySet()) {
                md.append(' ').append(ms(hop.getValue(), 50)).append(" / ").append(ms(hop.getValue(), 99)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "–" : String.format(Locale.ROOT, "%.0f", h.getValueAtPercentile(percentile) / 1000.0);
    }
}
