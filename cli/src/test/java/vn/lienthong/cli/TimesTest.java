package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void apiTimesAreShownInVietnamTime() {
        assertThat(Times.show("2026-11-21T10:15:00Z")).isEqualTo("2026-11-21 17:15:00");
        assertThat(Times.show("2026-11-21T10:15:00.123456Z")).isEqualTo("2026-11-21 17:15:00");
        assertThat(Times.show("hôm qua")).isEqualTo("hôm qua");
        assertThat(Times.show(null)).isEmpty();
    }

    @Test
    void searchBoundsBecomeInstants() {
        assertThat(Times.bound("2026-11-21T03:00:00Z", false)).isEqualTo("2026-11-21T03:00:00Z");
        assertThat(Times.bound("2026-11-21T10:00", false)).isEqualTo("2026-11-21T03:00:00Z");
        assertThat(Times.bound("2026-11-21 10:00:30", true)).isEqualTo("2026-11-21T03:00:30Z");
        assertThat(Times.bound("2026-11-21", false)).isEqualTo("2026-11-20T17:00:00Z");
        assertThat(Times.bound("2026-11-21", true)).isEqualTo("2026-11-21T16:59:59.999Z");
        assertThatThrownBy(() -> Times.bound("21/11/2026", false)).isInstanceOf(CliException.class)
                .hasMessageContaining("Thời gian không hợp lệ");
    }
}
