package dev.loanwatch.consolecheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the console in a real browser (Debian's chromium, headless) against the running
 * system: no console errors and no failed requests; each chart shows exactly the numbers of its API
 * call, fetched here from the service itself; each table has the answer's rows; a filter and a
 * drill-down change charts and tables alike; an empty segment shows "no data"; an unknown code shows
 * the API's own message. Screenshots of each page; each page's time to ready next to the time of
 * the API calls it makes, measured here in the same run.
 *
 * <p>Usage: {@code java -jar console-check.jar --console URL --api URL [--screenshots DIR] [--runs N]};
 * exit 1 when a check fails.
 */
public final class ConsoleCheck {
    static final List<String> PAGES = List.of("overview", "where", "delinquency", "vintage", "funnel", "losses");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String console;
    private final String api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ChromeDriver driver;
    private final List<String> failures = new ArrayList<>();
    private int checks;

    ConsoleCheck(String console, String api) {
        this.console = console.replaceAll("/+$", "");
        this.api = api.replaceAll("/+$", "");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"))).build();
        driver = new ChromeDriver(service, options);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!a.containsKey("console") || !a.containsKey("api")) {
            System.err.println("usage: console-check --console URL --api URL [--screenshots DIR] [--runs N]");
            System.exit(2);
        }
        ConsoleCheck check = new ConsoleCheck(a.get("console"), a.get("api"));
        int failed;
        try {
            failed = check.run(a.containsKey("screenshots") ? Path.of(a.get("screenshots")) : null,
                    Integer.parseInt(a.getOrDefault("runs", "3")));
        } finally {
            check.driver.quit();
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    int run(Path screenshots, int runs) throws Exception {
        if (screenshots != null) {
            Files.createDirectories(screenshots);
        }
        System.out.println("== Every page, whole book");
        for (String page : PAGES) {
            open("/" + page);
            checkPage(page, true);
            if (screenshots != null) {
                shoot(screenshots.resolve(page + ".png"));
            }
        }
        System.out.println("== In English");
        open("/overview?lang=en");
        expect(driver.findElement(By.cssSelector("nav a[data-page=overview]")).getText().equals("Overview"), "English: the navigation says Overview");
        checkPage("overview (en)", true);
        if (screenshots != null) {
            shoot(screenshots.resolve("overview-en.png"));
        }

        System.out.println("== A filter changes charts and tables");
        open("/overview");
        Select section = new Select(driver.findElement(By.cssSelector("select[name=section]")));
        String value = section.getOptions().get(1).getAttribute("value");
        section.selectByValue(value);
        awaitReady("section=" + value);
        checkPage("overview, section=" + value, true);

        System.out.println("== Drill-down: industry, then region, down to the loans");
        open("/where");
        driver.findElement(By.cssSelector("[data-panel=industry] a.drill")).click();
        awaitReady("section=");
        expect("division".equals(driver.findElement(By.cssSelector("[data-panel=industry] .chart")).getAttribute("data-x")),
                "drill-down: the industry panel now shows divisions");
        checkPage("where, " + query(), true);
        driver.findElement(By.cssSelector("[data-panel=region] a.drill")).click();
        awaitReady("province=");
        expect("prefecture".equals(driver.findElement(By.cssSelector("[data-panel=region] .chart")).getAttribute("data-x")),
                "drill-down: the region panel now shows prefectures");
        checkPage("where, " + query(), true);
        if (screenshots != null) {
            shoot(screenshots.resolve("where-drilled.png"));
        }

        System.out.println("== An empty segment shows no data");
        String empty = "customerType=INDIVIDUAL&size=LARGE";
        expect(get("/analytics/asset-quality?" + empty).path("rows").path(0).path("loans").asLong(0) == 0,
                "precondition: no loan is an individual's of a large enterprise");
        for (String page : PAGES) {
            open("/" + page + "?" + empty);
            expect(driver.findElements(By.cssSelector(".panel .error")).isEmpty() && !problemShown(), page + " (empty): no error");
            expect(driver.findElements(By.cssSelector(".panel .nodata")).size() == driver.findElements(By.cssSelector(".panel")).size()
                    || page.equals("funnel"), page + " (empty): every panel says no data");
            expect(driver.findElements(By.cssSelector(".chart")).isEmpty() || page.equals("funnel"), page + " (empty): no chart drawn");
        }

        System.out.println("== An unknown code shows the API's message");
        JsonNode problem = getProblem("/analytics/asset-quality?section=Z");
        String message = problem.path("errors").path(0).path("message").asText();
        open("/overview?section=Z");
        expect(problemShown() && driver.findElement(By.id("problem")).getText().contains(message),
                "section=Z: the page shows \"" + message + "\"");

        System.out.println("== Time to ready against the time of the page's API calls (median of " + runs + ")");
        System.out.printf("%-12s %10s %10s %7s%n", "page", "page ms", "API ms", "ratio");
        for (String page : PAGES) {
            long[] pageMs = new long[runs];
            long[] apiMs = new long[runs];
            for (int i = 0; i < runs; i++) {
                open("/" + page);
                pageMs[i] = Math.round(((Number) js("return window.lwReadyAt")).doubleValue());
                apiMs[i] = apiTime(apiCalls());
            }
            Arrays.sort(pageMs);
            Arrays.sort(apiMs);
            long p = pageMs[runs / 2];
            long q = apiMs[runs / 2];
            System.out.printf("%-12s %10d %10d %7.2f%n", page, p, q, q == 0 ? 0.0 : (double) p / q);
        }

        System.out.println();
        System.out.println(checks + " checks, " + failures.size() + " failed");
        failures.forEach(f -> System.out.println("  FAILED: " + f));
        return failures.size();
    }

    /** The checks every page must pass; {@code clean}: no error of any kind is expected. */
    void checkPage(String name, boolean clean) throws Exception {
        if (clean) {
            List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
            expect(errors.isEmpty(), name + ": no console errors " + errors);
            @SuppressWarnings("unchecked")
            List<String> failed = (List<String>) js("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.responseStatus >= 400).map(e => e.name + ' ' + e.responseStatus)");
            expect(failed.isEmpty(), name + ": no failed requests " + failed);
            expect(!problemShown(), name + ": no problem shown");
        }
        @SuppressWarnings("unchecked")
        List<String> charts = (List<String>) js("return [...document.querySelectorAll('.chart')].map(el => JSON.stringify({"
                + "binding: {...el.dataset}, option: (({xAxis, yAxis, series}) => ({xAxis, yAxis, series: series.map(s => ({name: s.name, data: s.data}))}))"
                + "(echarts.getInstanceByDom(el).getOption())}))");
        for (String chart : charts) {
            JsonNode c = JSON.readTree(chart);
            JsonNode binding = c.get("binding");
            JsonNode answer = get(binding.path("api").asText().replaceFirst("^/api/alert", ""));
            List<String> diff = ChartData.differences(binding, c.get("option"), answer);
            expect(diff.isEmpty(), name + ": chart of " + binding.path("api").asText() + " equals the API " + diff.stream().limit(3).toList());
        }
        for (WebElement panel : driver.findElements(By.cssSelector(".panel"))) {
            List<WebElement> tables = panel.findElements(By.cssSelector("table[data-rows]"));
            if (tables.isEmpty()) {
                continue;
            }
            String csv = panel.findElement(By.cssSelector("a.csv")).getAttribute("href");
            String url = URI.create(csv).getRawPath().replaceFirst("^/api/alert", "") + "?"
                    + URI.create(csv).getRawQuery().replaceFirst("&?format=csv$", "");
            JsonNode answer = get(url);
            int rows = Integer.parseInt(tables.get(0).getAttribute("data-rows"));
            int bodyRows = tables.get(0).findElements(By.cssSelector("tbody tr")).size();
            expect(rows == answer.path("rows").size() && bodyRows == rows,
                    name + ": table of " + panel.getAttribute("data-panel") + " has the answer's " + answer.path("rows").size() + " rows");
            // the CSV link gives the same rows
            String text = fetch(api + url + (url.endsWith("?") ? "" : "&") + "format=csv").body();
            long csvRows = text.lines().count() - 1;
            expect(csvRows >= rows, name + ": CSV of " + panel.getAttribute("data-panel") + " has the rows");
        }
    }

    private boolean problemShown() {
        return driver.findElement(By.id("problem")).isDisplayed();
    }

    private String query() {
        String url = driver.getCurrentUrl();
        return url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    }

    private void open(String path) {
        driver.manage().logs().get(LogType.BROWSER); // forget what earlier pages logged
        driver.get(console + path);
        awaitReady("");
    }

    private void awaitReady(String urlPart) {
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.getCurrentUrl().contains(urlPart)
                && "ready".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.state")));
    }

    private Object js(String script) {
        return driver.executeScript(script);
    }

    private void shoot(Path file) throws Exception {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The API addresses the page called (it makes them all at once). */
    @SuppressWarnings("unchecked")
    private List<String> apiCalls() {
        return (List<String>) js("return [...new Set(performance.getEntriesByType('resource')"
                + ".map(e => new URL(e.name)).filter(u => u.pathname.startsWith('/api/')).map(u => u.pathname + u.search))]");
    }

    /** Wall time of the same calls made straight to the service, all at once as the page makes them. */
    private long apiTime(List<String> calls) {
        long start = System.nanoTime();
        CompletableFuture.allOf(calls.stream().map(u -> http.sendAsync(
                HttpRequest.newBuilder(URI.create(api + u.replaceFirst("^/api/alert", ""))).build(),
                HttpResponse.BodyHandlers.discarding())).toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private HttpResponse<String> fetch(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = fetch(api + path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private JsonNode getProblem(String path) throws Exception {
        return JSON.readTree(fetch(api + path).body());
    }

    private void expect(boolean ok, String what) {
        checks++;
        if (!ok) {
            failures.add(what);
            System.out.println("  FAILED " + what);
        }
    }
}
