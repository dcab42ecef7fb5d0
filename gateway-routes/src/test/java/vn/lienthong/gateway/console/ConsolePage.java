package vn.lienthong.gateway.console;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in the browser, as a page object: log in, open a tab, open a document, click, read a
 * text; each waits on what the page shows (the console marks {@code body[data-loaded-view]} after each load and
 * re-renders tables when their data change, so stale elements are found again). {@link ConsoleBrowserTest}'s
 * scenarios go through it, so that they read as what the operator does.
 */
final class ConsolePage {

    /** How long the page may take to show what a step waits for. */
    static final Duration UI = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String base;

    ConsolePage(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Waits on a condition; the console re-renders a table when its data change, so stale elements are retried. */
    WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void login(String user, String password) {
        driver.get(base + "/console/login.html");
        wait(UI).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        submitLogin(user, password);
    }

    void submitLogin(String user, String password) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Waits until the console has loaded {@code view} (it marks body[data-loaded-view] after each load). */
    void waitLoaded(String view) {
        wait(UI).withMessage(() -> "the console did not show " + view + " (at " + driver.getCurrentUrl() + ", title '"
                + driver.getTitle() + "')").until(d -> {
            String loaded = d.findElement(By.tagName("body")).getAttribute("data-loaded-view");
            return loaded != null && loaded.equals(view);
        });
    }

    /** Clicks what {@code by} finds, finding it again if a refresh replaced it between the find and the click. */
    void click(By by) {
        wait(UI).until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    void openTab(String view) {
        click(By.id("tab-" + view));
        waitLoaded(view);
    }

    void openDocument(String docId) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0];", "#document/" + docId);
        waitLoaded("documents:" + docId);
    }

    /** The text of the element found by {@code by}, found again if a refresh replaced it meanwhile. */
    String text(By by) {
        return wait(UI).until(d -> d.findElement(by).getText().trim());
    }

    @SuppressWarnings("unchecked")
    List<String> problems() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return LienthongConsole.problems();");
    }

    /** Suspends a route on the Routes tab, confirms the dialog, and waits until its row says so. */
    void suspendRoute(String id) {
        click(By.cssSelector("tr[data-route-id='" + id + "'] button[data-action='suspend']"));
        wait(UI).until(ExpectedConditions.alertIsPresent()).accept();
        wait(UI).until(ExpectedConditions.attributeToBe(routeRow(id), "data-state", "Suspended"));
    }

    /** Resumes a suspended route on the Routes tab and waits until its row says it runs. */
    void resumeRoute(String id) {
        click(By.cssSelector("tr[data-route-id='" + id + "'] button[data-action='resume']"));
        wait(UI).until(ExpectedConditions.attributeToBe(routeRow(id), "data-state", "Started"));
    }

    /** Presses an agency's button on the Agencies tab ({@code suspend}, {@code resume}, {@code retire}, …). */
    void agencyButton(String code, String action) {
        click(By.cssSelector("#agencies-table tr[data-agency-code='" + code + "'] button[data-action='" + action + "']"));
    }

    static By routeRow(String id) {
        return By.cssSelector("#routes-table tr[data-route-id='" + id + "']");
    }

    static By deadLetterRow(String docId) {
        return By.cssSelector("#dead-table tbody tr[data-doc-id='" + docId + "']");
    }
}
