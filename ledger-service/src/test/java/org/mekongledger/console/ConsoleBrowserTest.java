package org.mekongledger.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mekongledger.console.ConsoleBrowser.assertAccessible;
import static org.mekongledger.console.ConsoleBrowser.chromium;
import static org.mekongledger.console.ConsoleBrowser.shot;
import static org.mekongledger.console.ConsoleBrowser.signIn;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mekongledger.support.ApiTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in the machine's Chromium, one language per run (six in all), through a returnee's
 * case: an embassy officer signs in, finds the worker by pink card number typed the way people type
 * it, opens what they are owed, works out a departure still to come, then files the claim for
 * today's departure with the keyboard alone; an approver approves it from the queue; the Cambodian
 * embassy cannot open the worker. Every page passes axe-core's WCAG A/AA rules; screenshots of
 * every step are kept under target/console-screenshots.
 */
class ConsoleBrowserTest extends ApiTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Find a worker            | Old-age lump sum
            th | ค้นหาแรงงาน              | บำเหน็จชราภาพ
            my | အလုပ်သမား ရှာရန်          | အငြိမ်းစား ငွေတစ်လုံးတစ်ခဲ
            km | ស្វែងរកពលករ               | ប្រាក់បំណាច់ចាស់ជរា
            lo | ຊອກຫາແຮງງານ               | ເງິນບຳເນັດຊະລາພາບ
            vi | Tìm người lao động         | Trợ cấp tuổi già một lần
            """)
    void aReturneesClaimFromLookUpToApproval(String lang, String findTitle, String lumpSum) throws Exception {
        PinkCardHolder holder = registerPinkCardHolder();
        String workerId = holder.workerId();
        String pinkCard = holder.pinkCard();
        insuredThenNoLonger(workerId, "2025-04", "2025-05", "2025-06");

        String base = "http://localhost:" + port;
        WebDriver browser = chromium();
        try {
            browser.get(base + "/console/sign-in?lang=" + lang);
            shot(browser, lang, "1-sign-in");
            assertAccessible(browser, "sign-in");
            signIn(browser, base, lang, "embassy-mmr");

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(findTitle);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            // the number as it is often written: no dashes
            browser.findElement(By.id("documentNumber")).sendKeys(pinkCard.replace("-", ""));
            browser.findElement(By.cssSelector("form.search button")).click();
            shot(browser, lang, "2-found");
            assertAccessible(browser, "look-up");
            browser.findElement(By.cssSelector("a[href='/console/workers/" + workerId + "']")).click();

            waitFor(browser, workerId);
            shot(browser, lang, "3-entitlements");
            assertAccessible(browser, "worker");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(lumpSum).contains(pinkCard);
            if (lang.equals("th")) {
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("2534");
            }

            // a departure next month is worked out, but nobody can claim on it yet
            String today = LocalDate.now(ZoneId.of("Asia/Bangkok")).toString();
            String nextMonth = LocalDate.parse(today).plusMonths(1).toString();
            ((JavascriptExecutor) browser).executeScript("document.getElementById('leavingOn').value = arguments[0]", nextMonth);
            browser.findElement(By.id("simulate")).click();
            waitFor(browser, "leavingOn=" + nextMonth);
            shot(browser, lang, "4-departure-simulated");
            assertThat(browser.findElements(By.cssSelector("a.file-claim"))).isEmpty();
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(lumpSum);

            // leaving today: the claim, with the keyboard alone
            browser.get(base + "/console/workers/" + workerId + "?leavingOn=" + today);
            browser.findElement(By.cssSelector("a.file-claim")).click();
            waitFor(browser, "/claims/new");
            assertAccessible(browser, "claim form");
            fillTheClaimFormWithTheKeyboard(browser);
            shot(browser, lang, "5-claim-form");
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/console/claims/"));
            String claimId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
            shot(browser, lang, "6-claim-filed");
            assertAccessible(browser, "claim");
            assertThat(browser.findElements(By.cssSelector(".notice"))).hasSize(1);
            assertThat(read("/api/v1/claims/" + claimId).json().path("payee").path("accountNumber").asString())
                    .isEqualTo("0012345678");

            // the approver, from the queue
            browser.findElement(By.cssSelector("form.sign-out button")).click();
            signIn(browser, base, lang, "approver");
            browser.findElement(By.id("nav-claims")).click();
            waitFor(browser, "/console/claims");
            shot(browser, lang, "7-approver-queue");
            assertAccessible(browser, "queue");
            browser.findElement(By.cssSelector("a[href='/console/claims/" + claimId + "']")).click();
            waitFor(browser, claimId);
            browser.findElement(By.id("approve")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
            shot(browser, lang, "8-approved");
            assertThat(read("/api/v1/claims/" + claimId).json().path("status").asString()).isEqualTo("APPROVED");

            // the Cambodian embassy: the worker is not theirs, and the page says only "not found"
            browser.findElement(By.cssSelector("form.sign-out button")).click();
            signIn(browser, base, lang, "embassy-khm");
            browser.get(base + "/console/workers/" + workerId);
            shot(browser, lang, "9-other-embassy");
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(pinkCard).doesNotContain(lumpSum);
            assertThat(browser.findElements(By.cssSelector("a.file-claim"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    /**
     * From the top of the page, Tab alone reaches every field in order; the officer leaves the
     * prefilled departure, destination, name, country and currency as they are, picks the bank with
     * the space bar, types the BIC and account number, and ends on the submit button.
     */
    private static void fillTheClaimFormWithTheKeyboard(WebDriver browser) {
        Actions keys = new Actions(browser);
        for (int tabs = 0; !"departureDate".equals(active(browser)); tabs++) {
            assertThat(tabs).as("Tab reaches the claim form's first field").isLessThan(40);
            keys.sendKeys(Keys.TAB).perform();
        }
        // a date field takes one Tab per part (day, month, year) before the next field
        for (int parts = 0; "departureDate".equals(active(browser)); parts++) {
            assertThat(parts).as("Tab leaves the date field").isLessThan(4);
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(active(browser)).isEqualTo("destination");
        for (String field : List.of("payeeName", "country", "currency", "channel-BANK_ACCOUNT")) {
            keys.sendKeys(Keys.TAB).perform();
            assertThat(active(browser)).isEqualTo(field);
        }
        keys.sendKeys(Keys.SPACE).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active(browser)).isEqualTo("bankBic");
        keys.sendKeys("CMBKMMMY").sendKeys(Keys.TAB).perform();
        assertThat(active(browser)).isEqualTo("bankCode");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active(browser)).isEqualTo("accountNumber");
        keys.sendKeys("0012345678").perform();
        for (String field : List.of("walletProvider", "msisdn", "pickupPoint", "file-claim")) {
            keys.sendKeys(Keys.TAB).perform();
            assertThat(active(browser)).isEqualTo(field);
        }
        WebElement bank = browser.findElement(By.id("channel-BANK_ACCOUNT"));
        assertThat(bank.isSelected()).isTrue();
    }

    private static String active(WebDriver browser) {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    private static void waitFor(WebDriver browser, String inUrl) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(inUrl));
    }
}
