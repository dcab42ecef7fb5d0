package vn.lienthong.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsWhoseTextSortsByTheirMillisecond() {
        long start = 1_796_000_000_000L;
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            made.add(TimeOrderedIds.at(start + i / 4).toString());
        }
        for (int i = 1; i < made.size(); i++) {
            long previous = millis(made.get(i - 1));
            long current = millis(made.get(i));
            assertThat(current).isGreaterThanOrEqualTo(previous);
            if (current > previous) {
                assertThat(made.get(i)).isGreaterThan(made.get(i - 1));
            }
        }
        UUID one = UUID.fromString(made.get(0));
        assertThat(one.version()).isEqualTo(7);
        assertThat(one.variant()).isEqualTo(2);
        assertThat(millis(made.get(0))).isEqualTo(start);
        assertThat(made.get(0)).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void idsMadeInOneMillisecondDifferInTheirRandomBits() {
        Set<String> seen = new HashSet<>();
        Set<Long> randomHigh = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TimeOrderedIds.at(1_796_000_000_000L);
            assertThat(seen.add(id.toString())).isTrue();
            randomHigh.add(id.getMostSignificantBits() & 0xFFF);
        }
        // 12 random bits beside the time: 10,000 fair draws see about 3,740 of their 4,096 values (give or take 20)
        assertThat(randomHigh.size()).isGreaterThan(3_500);
        assertThat(TimeOrderedIds.next()).isNotEqualTo(TimeOrderedIds.next());
    }

    private static long millis(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }
}
