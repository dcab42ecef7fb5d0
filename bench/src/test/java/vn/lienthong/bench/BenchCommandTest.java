package vn.lienthong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void sizesAreDecimal() {
        assertThat(BenchCommand.bytes("10k")).isEqualTo(10_000);
        assertThat(BenchCommand.bytes("100KB")).isEqualTo(100_000);
        assertThat(BenchCommand.bytes("1m")).isEqualTo(1_000_000);
        assertThat(BenchCommand.bytes("200m")).isEqualTo(200_000_000);
        assertThat(BenchCommand.bytes("4096")).isEqualTo(4096);
    }

    @Test
    void durations() {
        assertThat(BenchCommand.duration("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(BenchCommand.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchCommand.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchCommand.duration("0")).isZero();
    }

    @Test
    void prometheusCpuMetricIsRead() {
        String exposition = """
                # HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
                # TYPE process_cpu_time_ns_total counter
                process_cpu_time_ns_total 1.234E10
                process_cpu_usage 0.5
                """;
        assertThat(GatewayMetrics.metric(exposition, "process_cpu_time_ns_total")).hasValue(1.234E10);
        assertThat(GatewayMetrics.metric(exposition, "process_cpu_seconds_total")).isEmpty();
    }
}
