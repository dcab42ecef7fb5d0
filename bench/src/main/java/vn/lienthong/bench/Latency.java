package vn.lienthong.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;

/** A latency distribution in microseconds (HdrHistogram, 3 significant digits, up to one hour), thread-safe. */
final class Latency {

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(TimeUnit.HOURS.toMicros(1), 3);

    void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(0, nanos / 1000), histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile, in milliseconds (0 when nothing was recorded). */
    double percentileMillis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }

    /** p50, p95, p99 and max in milliseconds, and the count: the JSON form. */
    Map<String, Object> summary() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count());
        map.put("p50Ms", round(percentileMillis(50)));
        map.put("p95Ms", round(percentileMillis(95)));
        map.put("p99Ms", round(percentileMillis(99)));
        map.put("maxMs", round(maxMillis()));
        return map;
    }

    /** "p50 / p95 / p99 = 21.3 / 40.1 / 57.0 ms". */
    String line() {
        if (count() == 0) {
            return "(không có mẫu / no samples)";
        }
        return String.format(java.util.Locale.ROOT, "p50 / p95 / p99 = %s / %s / %s ms (max %s, n=%d)",
                fmt(percentileMillis(50)), fmt(percentileMillis(95)), fmt(percentileMillis(99)), fmt(maxMillis()), count());
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String fmt(double millis) {
        return millis >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", millis)
                : String.format(java.util.Locale.ROOT, "%.1f", millis);
    }
}
