package vn.lienthong.gateway.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** What operators see of the limits on this node: the settings, who hit which limit, the disk budget. */
@RestController
@RequestMapping("/api/v1/limits")
public class LimitsApiController {

    private final SystemLimits limits;
    private final DiskBudget disk;

    public LimitsApiController(SystemLimits limits, DiskBudget disk) {
        this.limits = limits;
        this.disk = disk;
    }

    @GetMapping
    @Operation(summary = "Giới hạn theo hệ thống và dung lượng đĩa trên nút này (per-system limits and disk budget, this node)")
    public Map<String, Object> limits() {
        LimitsProperties p = limits.properties();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("defaults", p.forSystem(""));
        answer.put("systems", p.systems());
        List<SystemLimits.Hit> hits = limits.hits();
        answer.put("hits", hits);
        DiskBudget.Reading reading = disk.reading();
        Map<String, Object> diskView = new LinkedHashMap<>();
        diskView.put("totalBytes", reading.totalBytes());
        diskView.put("usableBytes", reading.usableBytes());
        diskView.put("usedShare", reading.usedShare());
        diskView.put("highWater", p.disk().highWater());
        diskView.put("minFreeBytes", p.disk().minFree().toBytes());
        diskView.put("refusingNewPackets", reading.over());
        answer.put("disk", diskView);
        return answer;
    }
}
