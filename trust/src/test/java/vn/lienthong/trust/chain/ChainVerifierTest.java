package vn.lienthong.trust.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.trust.chain.ChainBreak.Kind;
import vn.lienthong.trust.evidence.Openssl;

class ChainVerifierTest {

    private static final int N = 1000;
    private static List<ChainRecord> log;

    @BeforeAll
    static void writeTheLog() throws Exception {
        List<ChainRecord> records = new ArrayList<>();
        ChainWriter writer = new ChainWriter();
        Instant start = Instant.parse("2026-11-21T00:00:00Z");
        for (int i = 1; i <= N; i++) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("docId", "DOC-" + i);
            fields.put("event", i % 3 == 0 ? "DELIVERED" : "ACCEPTED");
            fields.put("sender", "000.00.00.D41");
            fields.put("recipient", "000.00.00.H41");
            fields.put("time", start.plusSeconds(i).toString());
            fields.put("note", "Văn bản số " + i);
            writer.append(fields, records::add);
        }
        log = List.copyOf(records);
    }

    @Test
    void aChainOfAThousandRecordsVerifies() {
        ChainVerification result = ChainVerifier.verify(log);

        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(N);
        assertThat(result.last()).isEqualTo(ChainPosition.of(log.get(N - 1)));
        assertThat(log.get(0).previousHash()).isEqualTo(HashChain.GENESIS_HASH);
        assertThat(log.get(0).sequence()).isEqualTo(1);
    }

    @Test
    void changingAnyFieldOfAnyRecordNamesThatRecord() {
        for (int k = 1; k <= N; k++) {
            List<ChainRecord> tampered = new ArrayList<>(log);
            ChainRecord original = tampered.get(k - 1);
            Map<String, String> fields = new TreeMap<>(original.fields());
            String key = List.of("docId", "event", "sender", "recipient", "time", "note").get(k % 6);
            fields.put(key, fields.get(key) + "x");
            tampered.set(k - 1, new ChainRecord(original.sequence(), fields, original.previousHash(), original.hash()));

            ChainVerification result = ChainVerifier.verify(tampered);

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBreak().sequence()).as("tampered %d", k).isEqualTo(k);
            assertThat(result.firstBreak().position()).isEqualTo(k - 1);
            assertThat(result.firstBreak().kind()).isEqualTo(Kind.HASH_MISMATCH);
            assertThat(result.recordsChecked()).isEqualTo(k);
        }
    }

    @Test
    void addingOrRemovingAFieldIsAChangeToo() {
        ChainRecord original = log.get(41);
        Map<String, String> added = new TreeMap<>(original.fields());
        added.put("extra", "1");
        Map<String, String> removed = new TreeMap<>(original.fields());
        removed.remove("note");

        for (Map<String, String> fields : List.of(added, removed)) {
            List<ChainRecord> tampered = new ArrayList<>(log);
            tampered.set(41, new ChainRecord(42, fields, original.previousHash(), original.hash()));
            assertThat(ChainVerifier.verify(tampered).firstBreak().sequence()).isEqualTo(42);
        }
    }

    @Test
    void aChangedRecordWhoseHashWasRecomputedBreaksTheLinkOfTheNext() {
        ChainRecord original = log.get(499);
        Map<String, String> fields = new TreeMap<>(original.fields());
        fields.put("recipient", "000.00.00.G22");
        List<ChainRecord> tampered = new ArrayList<>(log);
        tampered.set(499, ChainRecord.link(500, fields, original.previousHash()));

        ChainVerification result = ChainVerifier.verify(tampered);

        assertThat(result.firstBreak().sequence()).isEqualTo(501);
        assertThat(result.firstBreak().kind()).isEqualTo(Kind.LINK_MISMATCH);
        assertThat(result.last().sequence()).isEqualTo(500);
    }

    @Test
    void deletingAnyRecordNamesTheOneAfterTheGap() {
        for (int k = 1; k < N; k++) {
            List<ChainRecord> tampered = new ArrayList<>(log);
            tampered.remove(k - 1);

            ChainVerification result = ChainVerifier.verify(tampered);

            assertThat(result.intact()).as("deleted %d", k).isFalse();
            assertThat(result.firstBreak().position()).isEqualTo(k - 1);
            assertThat(result.firstBreak().sequence()).isEqualTo(k + 1);
            assertThat(result.firstBreak().kind()).isEqualTo(Kind.SEQUENCE_MISMATCH);
            assertThat(result.firstBreak().reasonEn()).contains("record " + k + " missing");
        }
    }

    @Test
    void reorderingAnyTwoRecordsNamesTheFirstOutOfPlace() {
        for (int k = 1; k < N; k++) {
            List<ChainRecord> tampered = new ArrayList<>(log);
            tampered.set(k - 1, log.get(k));
            tampered.set(k, log.get(k - 1));

            ChainVerification result = ChainVerifier.verify(tampered);

            assertThat(result.firstBreak().position()).as("swapped %d and %d", k, k + 1).isEqualTo(k - 1);
            assertThat(result.firstBreak().sequence()).isEqualTo(k + 1);
            assertThat(result.firstBreak().kind()).isEqualTo(Kind.SEQUENCE_MISMATCH);
        }
        // two records far apart
        List<ChainRecord> tampered = new ArrayList<>(log);
        tampered.set(99, log.get(799));
        tampered.set(799, log.get(99));
        assertThat(ChainVerifier.verify(tampered).firstBreak().sequence()).isEqualTo(800);
    }

    @Test
    void aRenumberedRecordIsCaughtByItsHash() {
        // delete record 10 and renumber 11 as 10 without recomputing: the stored hash no longer fits
        List<ChainRecord> tampered = new ArrayList<>(log);
        tampered.remove(9);
        ChainRecord eleventh = tampered.get(9);
        tampered.set(9, new ChainRecord(10, eleventh.fields(), eleventh.previousHash(), eleventh.hash()));

        ChainVerification result = ChainVerifier.verify(tampered);

        assertThat(result.firstBreak().sequence()).isEqualTo(10);
        assertThat(result.firstBreak().kind()).isEqualTo(Kind.HASH_MISMATCH);
    }

    @Test
    void onlyTheSignedHeadCatchesACutOrRewrittenEnd() {
        ChainHead head = ChainHead.of("evidence", ChainPosition.of(log.get(N - 1)), Instant.now());
        List<ChainRecord> cut = log.subList(0, N - 3);
        List<ChainRecord> rewritten = new ArrayList<>(log.subList(0, N - 1));
        Map<String, String> fields = new TreeMap<>(log.get(N - 1).fields());
        fields.put("event", "ACKNOWLEDGED");
        rewritten.add(ChainRecord.link(N, fields, log.get(N - 2).hash()));

        assertThat(ChainVerifier.verify(cut).intact()).isTrue();
        assertThat(ChainVerifier.verify(rewritten).intact()).isTrue();
        assertThat(ChainVerifier.verify(log, head).intact()).isTrue();

        ChainVerification cutResult = ChainVerifier.verify(cut, head);
        assertThat(cutResult.firstBreak().kind()).isEqualTo(Kind.TRUNCATED);
        assertThat(cutResult.firstBreak().sequence()).isEqualTo(N - 2);
        ChainVerification rewrittenResult = ChainVerifier.verify(rewritten, head);
        assertThat(rewrittenResult.firstBreak().kind()).isEqualTo(Kind.HEAD_MISMATCH);
        assertThat(rewrittenResult.firstBreak().sequence()).isEqualTo(N);
        // a log that grew after the head was signed is fine
        ChainHead older = ChainHead.of("evidence", ChainPosition.of(log.get(499)), Instant.now());
        assertThat(ChainVerifier.verify(log, older).intact()).isTrue();
    }

    @Test
    void aWalkCanStartFromAVerifiedPositionAndBeFedRowByRow() {
        ChainVerifier verifier = new ChainVerifier(ChainPosition.of(log.get(499)), null);
        for (ChainRecord record : log.subList(500, N)) {
            assertThat(verifier.accept(record)).isTrue();
        }
        ChainVerification result = verifier.finish();

        assertThat(result.intact()).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(500);
        assertThat(ChainVerifier.verify(log.stream(), ChainPosition.GENESIS, null).intact()).isTrue();
        // starting from the wrong place is a break at the first record
        assertThat(ChainVerifier.verify(log.subList(500, N)).firstBreak().sequence()).isEqualTo(501);
    }

    @Test
    void theHashIsSha256OfTheDocumentedCanonicalJson(@TempDir Path dir) throws Exception {
        ChainRecord record = ChainRecord.link(1, Map.of("b", "Tỉnh ủy", "a", "x"), HashChain.GENESIS_HASH);
        String expectedJson = "{\"fields\":{\"a\":\"x\",\"b\":\"Tỉnh ủy\"},\"previousHash\":\""
                + HashChain.GENESIS_HASH + "\",\"sequence\":1}";
        Path file = dir.resolve("record.json");
        Files.write(file, expectedJson.getBytes(StandardCharsets.UTF_8));

        Openssl.Result digest = Openssl.run(dir, "openssl", "dgst", "-sha256", "-r", file.toString());

        assertThat(new String(HashChain.canonicalEncoding(1, record.fields(), record.previousHash()),
                StandardCharsets.UTF_8)).isEqualTo(expectedJson);
        assertThat(digest.exitCode()).isZero();
        assertThat(digest.output()).startsWith(record.hash() + " ");
    }

    @Test
    void aFailedStoreLeavesTheWriterWhereItWas() throws Exception {
        ChainWriter writer = new ChainWriter();
        ChainRecord first = writer.append(Map.of("n", "1"), record -> { });

        assertThatThrownBy(() -> writer.append(Map.of("n", "2"), record -> {
            throw new IllegalStateException("insert failed");
        })).hasMessage("insert failed");
        ChainRecord second = writer.append(Map.of("n", "2"), record -> { });

        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(ChainVerifier.verify(List.of(first, second)).intact()).isTrue();
    }
}
