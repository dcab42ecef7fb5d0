package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAlignUnderTheirHeadersWithoutTrailingSpaces() {
        String text = new Table("Mã (code)", "Tên (name)", "Tồn")
                .row("000.00.00.H41", "UBND tỉnh Nghệ An", 2)
                .row("000.00.00.G22", "Văn phòng Chính phủ", null)
                .render();
        assertThat(text).isEqualTo("""
                Mã (code)      Tên (name)           Tồn
                -------------  -------------------  ---
                000.00.00.H41  UBND tỉnh Nghệ An    2
                000.00.00.G22  Văn phòng Chính phủ
                """);
    }

    @Test
    void decomposedVietnameseTakesTheColumnsATerminalGivesIt() {
        String decomposed = Normalizer.normalize("Sở Nội vụ", Normalizer.Form.NFD);
        assertThat(decomposed.length()).isGreaterThan("Sở Nội vụ".length());
        assertThat(Table.width(decomposed)).isEqualTo(9);
        String text = new Table("a", "b").row(decomposed, "x").row("Sở Nội vụ", "y").render();
        String[] lines = text.split("\n");
        assertThat(Table.width(lines[2])).isEqualTo(Table.width(lines[3]));
    }

    @Test
    void longCellsAreCutAndBreaksFlattened() {
        assertThat(Table.fit("V/v kết nối\nliên thông", 100)).isEqualTo("V/v kết nối liên thông");
        assertThat(Table.fit("Connection refused to http://so-noi-vu.example/lienthong", 20))
                .isEqualTo("Connection refused…").satisfies(s -> assertThat(Table.width(s)).isLessThanOrEqualTo(20));
        String text = new Table(10, "x").row("abcdefghijklmnop").render();
        assertThat(text.lines().toList().get(2)).isEqualTo("abcdefghi…");
    }

    @Test
    void anEmptyTableIsItsHeader() {
        Table table = new Table("DocId", "Từ (from)");
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.render()).isEqualTo("DocId  Từ (from)\n-----  ---------\n");
    }
}
