package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class OperatorFormatTest {

    @Test
    void aPageSaysWhichOfHowManyAndTheOptionsThatReachIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(OperatorCommand.pageLine(json.readTree("{\"page\":1,\"size\":20,\"totalElements\":45}"),
                "văn bản (documents)")).isEqualTo("45 văn bản (documents), trang 2/3 (page 2 of 3; --page 1 --size 20)");
        assertThat(OperatorCommand.pageLine(json.readTree("{\"page\":0,\"size\":20,\"totalElements\":0}"),
                "văn bản (documents)")).isEqualTo("0 văn bản (documents), trang 1/1 (page 1 of 1; --page 0 --size 20)");
    }
}
