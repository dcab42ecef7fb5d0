package vn.lienthong.gateway.limits;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.operator.Alerts;

/** Wires the per-system limits and the disk budget, and the alerts they raise. */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

    /** A system that hit a limit this recently is shown as an alert. */
    static final Duration RECENT = Duration.ofMinutes(15);

    @Bean
    SystemLimits systemLimits(LimitsProperties properties) {
        return new SystemLimits(properties, Clock.systemUTC());
    }

    @Bean
    DiskBudget diskBudget(GatewayProperties gateway, LimitsProperties properties) throws IOException {
        java.nio.file.Files.createDirectories(gateway.payloadsDir());
        return new DiskBudget(gateway.payloadsDir(), properties.disk(), Clock.systemUTC());
    }

    /** LIMIT_HIT for each system refused by a limit in the last 15 minutes; DISK_HIGH_WATER while over budget. */
    @Bean
    Alerts.Source limitAlerts(SystemLimits limits, DiskBudget disk) {
        return now -> {
            List<Alerts.Alert> alerts = new ArrayList<>();
            DiskBudget.Reading reading = disk.reading();
            if (reading.over()) {
                alerts.add(new Alerts.Alert("DISK_HIGH_WATER", "ERROR", "payloads", String.format(
                        "Kho gói tin đã dùng %.0f%%, còn %d MB: gói tin mới bị từ chối (payload store over its disk "
                                + "budget, new packets refused)", reading.usedShare() * 100, reading.usableBytes() >> 20),
                        null));
            }
            for (SystemLimits.Hit hit : limits.hits()) {
                if (hit.last().isAfter(now.minus(RECENT))) {
                    alerts.add(new Alerts.Alert("LIMIT_HIT", "WARNING", hit.systemId(), "Hệ thống " + hit.systemId()
                            + " chạm giới hạn " + hit.limit() + " (" + hit.count() + " lần; system hit a limit)",
                            hit.last()));
                }
            }
            return alerts;
        };
    }
}
