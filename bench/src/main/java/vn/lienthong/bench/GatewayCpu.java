package vn.lienthong.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The gateway's process CPU time (user + system), read from {@code /proc/<pid>/stat} when the gateway runs on this
 * machine, else from its Prometheus metrics ({@code process_cpu_time_ns_total}, or {@code process_cpu_seconds_total}).
 */
abstract class GatewayCpu {

    /** Linux reports utime and stime in USER_HZ ticks, which is 100 on every architecture Java runs on here. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** The CPU time used so far, in nanoseconds; empty when it cannot be read. */
    abstract OptionalLong nanos();

    /** Where the figure comes from, for the report. */
    abstract String source();

    /** {@code /proc} when the pid is known or found listening on the port, else Prometheus; empty-handed never. */
    static GatewayCpu find(URI gateway, Long givenPid, GatewayMetrics metrics) {
        OptionalLong pid = givenPid != null ? OptionalLong.of(givenPid) : pidListeningOn(port(gateway));
        if (pid.isPresent() && Files.isReadable(Path.of("/proc", String.valueOf(pid.getAsLong()), "stat"))) {
            return new FromProc(pid.getAsLong());
        }
        return new FromPrometheus(metrics);
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The process listening on a TCP port of this machine: its socket's inode in /proc/net/tcp*, then /proc/* /fd. */
    static OptionalLong pidListeningOn(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st ... inode (10th column); 0A is LISTEN
                    if (f.length > 9 && f[1].endsWith(":" + hexPort) && "0A".equals(f[3])) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6, or not Linux): the other one may still answer
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // the descriptor closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process, or gone
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    static final class FromProc extends GatewayCpu {

        private final long pid;

        FromProc(long pid) {
            this.pid = pid;
        }

        long pid() {
            return pid;
        }

        @Override
        OptionalLong nanos() {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                // the command name, in parentheses, may hold spaces: fields are counted after its closing one
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime (14th) + stime (15th)
                return OptionalLong.of(ticks * NANOS_PER_TICK);
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }

        @Override
        String source() {
            return "/proc/" + pid + "/stat";
        }
    }

    static final class FromPrometheus extends GatewayCpu {

        private final GatewayMetrics metrics;

        FromPrometheus(GatewayMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        OptionalLong nanos() {
            OptionalDouble nanos = metrics.read("process_cpu_time_ns_total");
            if (nanos.isPresent()) {
                return OptionalLong.of((long) nanos.getAsDouble());
            }
            OptionalDouble seconds = metrics.read("process_cpu_seconds_total");
            return seconds.isPresent() ? OptionalLong.of((long) (seconds.getAsDouble() * 1e9)) : OptionalLong.empty();
        }

        @Override
        String source() {
            return metrics.address().toString();
        }
    }
}
