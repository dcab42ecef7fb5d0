package vn.lienthong.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.console.ConsolePage.deadLetterRow;
import static vn.lienthong.gateway.console.ConsolePage.routeRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.activation.DataHandler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.adapters.push.LienthongReceiver;
import vn.lienthong.adapters.push.ReceiverEndpoints;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * The operator console in a real headless Chromium against the real gateway (embedded Artemis and H2 on a
 * temporary data directory), over real HTTP: the form login, the views, a route suspended and resumed, the
 * search, a document's timeline, deliveries that fail into the dead letters and are resent from the console,
 * an agency suspended and resumed, the viewer's read-only console, the English switch, the wrong password,
 * and what the console needs of the server ({@code /console/} served, a plain 401 to its calls).
 * Synchronisation is on what the page shows (WebDriverWait), never on time.
 */
class ConsoleBrowserTest extends GatewayTest {

    private static final Duration UI = ConsolePage.UI;
    /** Long enough for a push to fail three times and for the next 5 s refresh of the page. */
    private static final Duration DEAD_LETTER = Duration.ofSeconds(45);
    private static final List<String> ROUTES = List.of("intake", "dispatch", "delivery-pull", "delivery-push",
            "dead-letter", "sweeper");

    /** A fresh Chromium profile for each test. */
    @TempDir
    Path profile;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // fast redelivery: a push to a closed port ends FAILED (dead letter) within a second or two
        registry.add("gateway.delivery.initial-delay", () -> "200ms");
        registry.add("gateway.delivery.multiplier", () -> "1.5");
        registry.add("gateway.delivery.max-delay", () -> "500ms");
        registry.add("gateway.delivery.max-attempts", () -> "3");
        registry.add("gateway.intake.push-timeout", () -> "5s");
    }

    @Autowired
    JdbcClient jdbc;

    private HeadlessChromium chromium;
    private WebDriver driver;
    /** The console as the operator sees it: what a test does on the page goes through it. */
    private ConsolePage console;
    private ReceiverEndpoints.Handle receiver;

    /** Leaves a screenshot and the page's HTML behind when a test fails (before @AfterEach closes the browser). */
    @RegisterExtension
    final AfterTestExecutionCallback evidence = context -> {
        if (context.getExecutionException().isPresent() && chromium != null) {
            try {
                String name = "failed-" + context.getRequiredTestMethod().getName();
                System.err.println("console test failed at " + driver.getCurrentUrl() + "; evidence: "
                        + chromium.screenshot(name) + ", " + chromium.pageSource(name));
            } catch (Exception e) {
                System.err.println("no evidence: " + e);
            }
        }
    };

    @BeforeAll
    static void forgetEarlierEvidence() throws IOException {
        // evidence of an earlier run's failures would only mislead
        if (Files.isDirectory(HeadlessChromium.SCREENSHOTS)) {
            try (var old = Files.newDirectoryStream(HeadlessChromium.SCREENSHOTS, "failed-*")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Starts the browser for a test: fails when chromium or chromedriver is missing (the test is skipped
     * instead when LIENTHONG_ALLOW_NO_BROWSER=1).
     */
    private void startBrowser() {
        chromium = HeadlessChromium.start(profile);
        driver = chromium.driver();
        console = new ConsolePage(driver, base());
    }

    @AfterEach
    void stopBrowserAndReceiver() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }

    // ====================================================================== the operator's day

    @Test
    void anOperatorFollowsADocumentAndResendsItsDeadLetters() throws Exception {
        startBrowser();
        // a document from Tỉnh ủy to UBND (pull), sent before the operator looks
        String documentId = newDocumentId();
        String docId = send(documentId, Packets.UBND);

        console.login("vanhanh", "vanhanh-2026");

        // 1. overview: health, the chart with this minute's document, a screenshot
        console.waitLoaded("overview");
        By health = By.cssSelector("#health-body .health-main .badge");
        wait(UI).until(ExpectedConditions.attributeToBe(health, "data-state", "UP"));
        assertThat(console.text(health)).contains("Hoạt động");
        wait(UI).until(d -> !d.findElements(By.cssSelector("#chart svg rect.bar")).isEmpty());
        assertThat(console.text(By.id("user-info"))).contains("vanhanh").contains("Vận hành");
        assertThat(driver.findElement(By.id("readonly-note")).isDisplayed()).isFalse();
        Path screenshot = chromium.screenshot("overview");
        System.out.println("console screenshot: " + screenshot);
        assertThat(console.problems()).isEmpty();

        // 2. routes: the six steps, each with a switch; suspend and resume the sweeper
        console.openTab("routes");
        for (String id : ROUTES) {
            wait(UI).until(ExpectedConditions.attributeToBe(routeRow(id), "data-state", "Started"));
            assertThat(console.text(routeRow(id))).contains("Đang chạy");
            assertThat(driver.findElements(By.cssSelector("#routes-table tr[data-route-id='" + id + "'] "
                    + "button[data-action='suspend']"))).hasSize(1);
        }
        console.suspendRoute("sweeper");
        assertThat(console.text(routeRow("sweeper"))).contains("Tạm dừng");
        assertThat(console.text(By.id("flash"))).contains("Đã tạm dừng tuyến sweeper");
        chromium.screenshot("routes");
        console.resumeRoute("sweeper");

        // 3. documents: find the document by its DocumentId, open it, see its timeline
        console.openTab("documents");
        WebElement field = driver.findElement(By.id("q-documentId"));
        field.sendKeys(documentId);
        wait(UI).until(ExpectedConditions.textToBe(By.id("refresh-status"), "Tạm ngừng làm mới trong khi bạn nhập"));
        driver.findElement(By.id("search-submit")).click();
        By found = By.cssSelector("#documents-table tbody tr[data-doc-id='" + docId + "']");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(found));
        assertThat(driver.findElements(By.cssSelector("#documents-table tbody tr[data-doc-id]"))).hasSize(1);
        wait(UI).until(ExpectedConditions.attributeToBe(found, "data-document-id", documentId));
        chromium.screenshot("documents");
        console.click(By.cssSelector("#documents-table tbody tr[data-doc-id='" + docId + "'] td.subject"));
        wait(UI).until(ExpectedConditions.urlContains("#document/"));
        wait(UI).until(ExpectedConditions.textToBe(
                By.cssSelector("#timeline li[data-event-type='ACCEPTED'] .event-label"), "Đã tiếp nhận gói tin"));
        assertThat(console.text(By.cssSelector("#document-detail dd[data-field='documentId']"))).isEqualTo(documentId);
        assertThat(driver.findElements(By.cssSelector("#deliveries-table tr[data-recipient='" + Packets.UBND + "']")))
                .hasSize(1);
        assertThat(console.text(By.id("document-detail"))).contains("Nội dung văn bản không hiển thị");
        chromium.screenshot("document");

        // 4. dead letters: Sở Nội vụ is pushed to over SOAP on a port where nothing listens
        int receiverPort = freePort();
        configurePush(Packets.SO_NOI_VU, URI.create("http://127.0.0.1:" + receiverPort + "/qlvb/nhan"));
        String first = send(newDocumentId(), Packets.SO_NOI_VU);
        String second = send(newDocumentId(), Packets.SO_NOI_VU);

        console.openTab("dead-letters");
        By firstRow = deadLetterRow(first);
        By secondRow = deadLetterRow(second);
        wait(DEAD_LETTER).until(ExpectedConditions.visibilityOfElementLocated(firstRow));
        wait(DEAD_LETTER).until(ExpectedConditions.visibilityOfElementLocated(secondRow));
        assertThat(console.text(firstRow)).contains(Packets.SO_NOI_VU).contains("Đẩy qua SOAP");
        assertThat(driver.findElement(By.id("resend-selected")).isEnabled()).isFalse();
        chromium.screenshot("dead-letters");

        // the agency view shows the failing connection
        console.openTab("agencies");
        By agency = By.cssSelector("#agencies-table tr[data-agency-code='" + Packets.SO_NOI_VU + "']");
        wait(UI).until(ExpectedConditions.attributeToBe(agency, "data-connection", "FAILING"));
        assertThat(console.text(agency)).contains("Đang lỗi");
        chromium.screenshot("agencies");

        // the recipient comes back; resend one by its button and the other as the selection
        SoNoiVu soNoiVu = new SoNoiVu();
        receiver = ReceiverEndpoints.publishSoap("127.0.0.1", receiverPort, "/qlvb/nhan", soNoiVu);
        console.openTab("dead-letters");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(firstRow));
        console.click(By.cssSelector("#dead-table tbody tr[data-doc-id='" + first + "'] button[data-action='resend']"));
        wait(UI).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"),
                "Đã gửi lại 1 lượt chuyển; bỏ qua 0."));
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(secondRow));
        console.click(By.cssSelector("#dead-table tbody tr[data-doc-id='" + second + "'] input.select-delivery"));
        assertThat(console.text(By.id("resend-selected"))).isEqualTo("Gửi lại các mục đã chọn (1)");
        console.click(By.id("resend-selected"));
        wait(UI).until(ExpectedConditions.invisibilityOfElementLocated(secondRow));

        // both delivered, as the document view shows
        for (String resent : List.of(first, second)) {
            console.openDocument(resent);
            String delivery = "#deliveries-table tr[data-recipient='" + Packets.SO_NOI_VU + "']";
            wait(UI).until(ExpectedConditions.attributeToBe(By.cssSelector(delivery), "data-state", "DELIVERED"));
            assertThat(console.text(By.cssSelector(delivery + " .delivery-state"))).contains("Đã chuyển");
            assertThat(driver.findElements(By.cssSelector("#timeline li[data-event-type='RESENT']"))).isNotEmpty();
            wait(UI).until(d -> !d.findElements(By.cssSelector("#timeline li[data-event-type='DELIVERED']")).isEmpty());
        }
        ((JavascriptExecutor) driver).executeScript("document.getElementById('doc-deliveries-title').scrollIntoView();");
        chromium.screenshot("document-delivered");
        assertThat(soNoiVu.deliveries).hasSize(2);

        // 5. log out; the console then sends the browser to the login page
        driver.findElement(By.id("logout")).click();
        wait(UI).until(ExpectedConditions.urlContains("/console/login.html"));
        wait(UI).until(ExpectedConditions.textToBe(By.id("login-info"), "Bạn đã đăng xuất."));
        driver.get(base() + "/console/#routes");
        wait(UI).until(ExpectedConditions.urlContains("/console/login.html"));
        assertThat(driver.findElement(By.id("login-form")).isDisplayed()).isTrue();
    }

    @Test
    void anOperatorSuspendsAnAgencyAndItsDocumentsWaitUntilItIsResumed() throws Exception {
        startBrowser();
        console.login("vanhanh", "vanhanh-2026");
        console.waitLoaded("overview");
        console.openTab("agencies");
        By ubnd = By.cssSelector("#agencies-table tr[data-agency-code='" + Packets.UBND + "']");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(ubnd));
        console.agencyButton(Packets.UBND, "suspend");
        wait(UI).until(ExpectedConditions.alertIsPresent()).accept();
        wait(UI).until(ExpectedConditions.attributeToBe(ubnd, "data-connection", "SUSPENDED"));
        assertThat(console.text(ubnd)).contains("Tạm dừng");

        // a document for UBND waits, held
        String docId = send(newDocumentId(), Packets.UBND);
        console.openDocument(docId);
        String delivery = "#deliveries-table tr[data-recipient='" + Packets.UBND + "']";
        wait(UI).until(ExpectedConditions.attributeToBe(By.cssSelector(delivery), "data-state", "HELD"));
        assertThat(console.text(By.cssSelector(delivery + " .delivery-state"))).contains("Tạm giữ");

        // resumed: it goes to UBND's inbox
        console.openTab("agencies");
        console.agencyButton(Packets.UBND, "resume");
        wait(UI).until(d -> !"SUSPENDED".equals(d.findElement(ubnd).getAttribute("data-connection")));
        assertThat(console.text(By.id("flash"))).contains("Đã tiếp tục chuyển đến " + Packets.UBND);
        console.openDocument(docId);
        wait(UI).until(ExpectedConditions.attributeToBe(By.cssSelector(delivery), "data-state", "AVAILABLE"));
        assertThat(driver.findElements(By.cssSelector("#timeline li[data-event-type='HELD']"))).isNotEmpty();
    }

    // ====================================================================== codes that change, classified refusals

    @Test
    void anAdminSeesAClassifiedRefusalAndRetiresAnAgencyCode() throws Exception {
        startBrowser();
        // a packet whose Subject is stamped TUYỆT MẬT: refused (77), only its metadata kept
        String documentId = newDocumentId();
        String subject = "TUYỆT MẬT - Kế hoạch riêng " + documentId;
        Path packet = Packets.rewrite(work, Packets.document(work, "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                Packets.TINH_UY, List.of(Packets.UBND), documentId), header -> {
                    vn.lienthong.edxml.model.EdocHeader edoc = (vn.lienthong.edxml.model.EdocHeader) header;
                    vn.lienthong.edxml.model.MessageHeader m = edoc.messageHeader();
                    return edoc.withMessageHeader(new vn.lienthong.edxml.model.MessageHeader(m.from(), m.to(),
                            m.documentId(), m.code(), m.promulgationInfo(), m.documentType(), subject, m.content(),
                            m.signerInfo(), m.dueDate(), m.otherInfo(), m.responseFor(), m.steeringType(), m.toPlaces(),
                            m.extensions()));
                });
        VdxpClient.Answer refused = new VdxpClient(URI.create(base() + "/vdxp"), "qlvb-tinhuy", "tinhuy-secret-2026")
                .sendEdoc(packet, "edoc", Packets.TINH_UY);
        assertThat(refused.json().path("ErrorCode").asText()).isEqualTo("77");

        console.login("quantri", "quantri-2026");
        console.waitLoaded("overview");
        By refusal = By.cssSelector("#refusals-table tbody tr[data-refusal-id]");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(refusal));
        assertThat(console.text(refusal)).contains(Packets.TINH_UY, Packets.UBND, "TUYỆT MẬT", "Subject")
                .doesNotContain("Kế hoạch riêng");
        assertThat(console.text(By.id("alerts"))).contains("văn bản mật");

        // Sở Nội vụ's code retired in favour of UBND's, from the Agencies screen, then taken back into use
        console.openTab("agencies");
        By row = By.cssSelector("#agencies-table tr[data-agency-code='" + Packets.SO_NOI_VU + "']");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(row));
        console.agencyButton(Packets.SO_NOI_VU, "retire");
        wait(UI).until(ExpectedConditions.alertIsPresent());
        driver.switchTo().alert().sendKeys(Packets.UBND);
        driver.switchTo().alert().accept();
        By retired = By.cssSelector("#agencies-table tr[data-agency-code='" + Packets.SO_NOI_VU + "'] .retired");
        wait(UI).until(ExpectedConditions.attributeToBe(retired, "data-successor", Packets.UBND));
        assertThat(console.text(retired)).contains("Đã thôi sử dụng mã", Packets.UBND);
        chromium.screenshot("agency-retired");
        console.agencyButton(Packets.SO_NOI_VU, "reinstate");
        wait(UI).until(ExpectedConditions.invisibilityOfElementLocated(retired));
        assertThat(console.problems()).isEmpty();
    }

    // ====================================================================== a viewer looks, never acts

    @Test
    void aViewerSeesEverythingButNoButtons() throws Exception {
        startBrowser();
        // a dead letter of its own: Văn phòng Chính phủ pushed to over SOAP on a closed port
        configurePush(Packets.VPCP, URI.create("http://127.0.0.1:" + freePort() + "/qlvb/nhan"));
        String docId = send(newDocumentId(), Packets.VPCP);

        console.login("theodoi", "theodoi-2026");
        console.waitLoaded("overview");
        assertThat(driver.findElement(By.id("readonly-note")).isDisplayed()).isTrue();
        assertThat(console.text(By.id("user-info"))).contains("theodoi").contains("Theo dõi");

        console.openTab("routes");
        for (String id : ROUTES) {
            wait(UI).until(ExpectedConditions.visibilityOfElementLocated(routeRow(id)));
        }
        assertThat(driver.findElements(By.cssSelector("#routes-table button"))).isEmpty();

        console.openTab("agencies");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#agencies-table tr[data-agency-code='" + Packets.VPCP + "']")));
        assertThat(driver.findElements(By.cssSelector("#agencies-table button"))).isEmpty();

        console.openTab("dead-letters");
        wait(DEAD_LETTER).until(ExpectedConditions.visibilityOfElementLocated(deadLetterRow(docId)));
        assertThat(driver.findElements(By.cssSelector("#dead-table button"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#dead-table input[type='checkbox']"))
                .stream().filter(WebElement::isDisplayed)).isEmpty();
        assertThat(driver.findElement(By.id("resend-selected")).isDisplayed()).isFalse();

        console.openDocument(docId);
        wait(UI).until(ExpectedConditions.attributeToBe(
                By.cssSelector("#deliveries-table tr[data-recipient='" + Packets.VPCP + "']"), "data-state", "FAILED"));
        assertThat(driver.findElements(By.cssSelector("#document-detail button"))).isEmpty();

        // hiding is not the protection: the gateway refuses the viewer's resend itself
        String deliveryId = jdbc.sql("SELECT id FROM deliveries WHERE document_id = :doc")
                .param("doc", docId).query(String.class).single();
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/deliveries/resend', {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json', 'Accept': 'application/json',"
                + "  'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': LienthongApi.csrfToken()},"
                + " body: JSON.stringify({ids: [arguments[0]]})}).then(function (r) { done(r.status); },"
                + " function (e) { done(String(e)); });", deliveryId);
        assertThat(status).isEqualTo(403L);
    }

    // ====================================================================== languages

    @Test
    void englishOnRequestAndRemembered() throws IOException {
        startBrowser();
        driver.get(base() + "/console/login.html?lang=en");
        wait(UI).until(ExpectedConditions.textToBe(By.cssSelector("label[for='username']"), "Username"));
        assertThat(console.text(By.tagName("h1"))).isEqualTo("Sign in to the operator console");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        console.submitLogin("vanhanh", "vanhanh-2026");

        // the choice is remembered (localStorage) after the login's redirect to /console/
        console.waitLoaded("overview");
        assertThat(console.text(By.id("tab-overview"))).isEqualTo("Overview");
        assertThat(console.text(By.id("tab-dead-letters"))).isEqualTo("Dead letters");
        assertThat(console.text(By.id("card-health-title"))).isEqualTo("System health");
        assertThat(console.text(By.cssSelector("#health-body .health-main .badge"))).contains("Up");
        assertThat(console.problems()).isEmpty();
        chromium.screenshot("overview-en");

        console.openTab("routes");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(routeRow("intake")));
        assertThat(console.text(routeRow("intake"))).contains("Packet intake").contains("Running");
        assertThat(console.text(By.cssSelector("#routes-table thead th"))).isEqualTo("Route");

        // switched to Vietnamese in the page, which stays after a reload
        new Select(driver.findElement(By.id("lang-select"))).selectByValue("vi");
        wait(UI).until(ExpectedConditions.textToBe(By.id("tab-overview"), "Tổng quan"));
        assertThat(console.text(routeRow("intake"))).contains("Tiếp nhận gói tin").contains("Đang chạy");
        driver.navigate().refresh();
        console.waitLoaded("routes");
        assertThat(console.text(By.id("tab-routes"))).isEqualTo("Tuyến");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");

        // ?lang=en on the console itself
        driver.get(base() + "/console/?lang=en#agencies");
        console.waitLoaded("agencies");
        assertThat(console.text(By.id("tab-agencies"))).isEqualTo("Agencies");
        assertThat(console.text(By.id("agencies-title"))).isEqualTo("Agencies and their connections");
    }

    // ====================================================================== wrong password

    @Test
    void aWrongPasswordShowsTheVietnameseError() throws IOException {
        startBrowser();
        driver.get(base() + "/console/login.html");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.id("login-error")).isDisplayed()).isFalse();
        console.submitLogin("vanhanh", "mat-khau-sai");
        wait(UI).until(ExpectedConditions.urlContains("error"));
        WebElement error = wait(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        chromium.screenshot("login-error");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");

        // still not signed in: the console goes back to the login page
        driver.get(base() + "/console/");
        wait(UI).until(ExpectedConditions.urlContains("/console/login.html"));
    }

    // ====================================================================== what the console needs of the server

    @Test
    void theConsoleIsServedAtItsAddress() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(base() + "/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).as("GET /console/ (the login redirects there)").isEqualTo(200);
        assertThat(index.body()).contains("<script src=\"console.js\">");

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/console/login.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie")).as("the CSRF cookie for the login form")
                .hasValueSatisfying(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="));
    }

    @Test
    void theConsolesCallsGetA401WithoutABasicChallenge() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // the console's calls: a 401 without a Basic challenge, or the browser asks for a password itself
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                .header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate on a 401 to the console's XHR")
                .isEmpty();
    }

    // ====================================================================== helpers

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits on what the page shows (see {@link ConsolePage#wait}). */
    private WebDriverWait wait(Duration timeout) {
        return console.wait(timeout);
    }

    private static String newDocumentId() {
        return newDocumentId(Packets.TINH_UY, "-CV/VPTU");
    }

    /** Sends a document from Tỉnh ủy through the VDXP API; returns its docId. */
    private String send(String documentId, String recipient) throws Exception {
        Path packet = Packets.document(work, "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                Packets.TINH_UY, List.of(recipient), documentId);
        return sendPacket(SampleSystems.tinhUy(port), packet, Packets.TINH_UY);
    }

    private void configurePush(String agency, URI endpoint) {
        jdbc.sql("UPDATE agencies SET delivery_mode = 'PUSH_SOAP', push_endpoint = :url WHERE code = :code")
                .param("url", endpoint.toString()).param("code", agency).update();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sở Nội vụ's document system, once it is back: keeps the ids of what it is pushed. */
    static final class SoNoiVu implements LienthongReceiver {
        final List<String> deliveries = new CopyOnWriteArrayList<>();

        @Override
        public String receiveDocument(String deliveryId, String docId, String messageType, String from, String to,
                                      DataHandler packet) {
            try (InputStream in = packet.getInputStream()) {
                in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deliveries.add(deliveryId);
            return "SNV-" + deliveries.size();
        }
    }
}
