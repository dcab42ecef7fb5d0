package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersTheShareDone() {
        assertThat(ProgressBar.render(5, 10, 10)).isEqualTo("[#####.....] 5/10");
        assertThat(ProgressBar.render(0, 3, 10)).isEqualTo("[..........] 0/3");
        assertThat(ProgressBar.render(1, 3, 10)).isEqualTo("[###.......] 1/3");
        assertThat(ProgressBar.render(3, 3, 10)).isEqualTo("[##########] 3/3");
        assertThat(ProgressBar.render(7, 1000, 20)).isEqualTo("[....................] 7/1000");
    }

    @Test
    void redrawsInPlaceWipesAndEndsItsLine() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 2, 4);
        bar.show(0);
        bar.hide();
        bar.show(1);
        bar.show(2);
        bar.finish();
        assertThat(text.toString()).isEqualTo("\r[....] 0/2" + "\r" + " ".repeat(10) + "\r"
                + "\r[##..] 1/2" + "\r[####] 2/2" + System.lineSeparator());
    }
}
