package vn.lienthong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void aRateHeldThroughTheWindowIsSteady() {
        Report report = report(new long[] {3000, 3100, 2950}, new long[] {2990, 3080, 2960}, false);

        assertThat(report.steady()).isTrue();
        assertThat(report.perSecondByThird(new long[] {3000, 3100, 2950})).containsExactly(150.0, 155.0, 147.5);
        assertThat(report.json()).containsEntry("steady", true);
    }

    @Test
    void aRateStillClimbingIsNotSteady() {
        // a gateway still compiling: 108/s, then 140/s, then 157/s
        assertThat(report(new long[] {2160, 2800, 3140}, new long[] {2160, 2800, 3140}, false).steady()).isFalse();
    }

    @Test
    void acknowledgementsFallingBehindAreNotSteady() {
        assertThat(report(new long[] {3000, 3000, 3000}, new long[] {3000, 2400, 1800}, false).steady()).isFalse();
    }

    @Test
    void aWindowCutShortByTheLastPacketIsNotSteady() {
        assertThat(report(new long[] {3000, 3000, 3000}, new long[] {3000, 3000, 3000}, true).steady()).isFalse();
    }

    @Test
    void theDatabaseWritesAreCountedPerDocumentAcceptedInTheWindow() {
        long[] thirds = {1000, 1000, 1000};
        assertThat(report(thirds, thirds, false, OptionalDouble.of(75_000_000)).databaseKilobytesPerDocument())
                .isEqualTo(25.0);
        assertThat(report(thirds, thirds, false).databaseKilobytesPerDocument()).isNegative();
    }

    private static Report report(long[] accepted, long[] acknowledged, boolean ranOut) {
        return report(accepted, acknowledged, ranOut, OptionalDouble.empty());
    }

    private static Report report(long[] accepted, long[] acknowledged, boolean ranOut, OptionalDouble written) {
        LoadRun.Outcome outcome = new LoadRun.Outcome(60.0, sum(accepted), sum(acknowledged), sum(accepted),
                sum(acknowledged), new Latency(), new Latency(), new Latency(), new Latency(), new Latency(),
                new Latency(), Map.of(), OptionalLong.empty(), ranOut, 0, 0, 0, 0, accepted, acknowledged, written);
        return new Report(Map.of(), 100_000, 9000, outcome, "none", List.of());
    }

    private static long sum(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }
}
