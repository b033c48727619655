package dev.loanwatch.industry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business scope made ready for the model: normalised, cleared of legal boilerplate and cut into
 * activities (items), each remembering where its characters came from in the original text so that
 * evidence can be quoted as written.
 *
 * <p><b>Normalisation</b>: NFKC (full-width → half-width, compatibility forms such as ＫＴＶ → ktv),
 * Latin lower case, white space between Chinese characters dropped (stray spaces in 餐 饮服务),
 * zero-width characters dropped, asterisks, emoji and other symbols turned into breaks.
 *
 * <p><b>Boilerplate</b>: the phrases of {@code boilerplate.txt} (one regular expression a line) are
 * blanked out: 一般项目：, （依法须经批准的项目…）, 凭…许可证经营, （不含…）, 详见章程, 无, …
 *
 * <p><b>Items</b>: the text is cut on ；; 。 ! ? and line breaks, and on numbering (1. 2、 (一) 一、 ①).
 * 、 and ， usually join the objects of one activity (汽车配件、轮胎、润滑油批发零售 is one activity
 * whose verb comes last), so they cut only where the left part is a complete activity — an object
 * followed by an activity word such as 服务, 销售, 施工 — and the right part has an activity word of
 * its own and an object for it (餐饮服务，食品销售 → two items; 服装、鞋帽批发 → one). Bare activity
 * words never cut: on the left (生产、加工、销售服装) their object comes later, on the right
 * (装饰工程设计、施工; 电线电缆生产、销售) they share the object before them, and the activity is
 * the object with all its verbs. Registration convention makes the
 * first item the main activity, so cutting too little would let later activities blur the first.
 */
final class ScopeText {

    /** Marks a break inside an item: n-grams do not cross it. Never part of the model's text. */
    static final char BREAK = ' ';
    /** At most this many characters of the original text are read; the main activity comes first. */
    static final int MAX_CHARS = 4000;
    /** At most this many items are kept. */
    static final int MAX_ITEMS = 24;

    private static final List<Pattern> BOILERPLATE = loadBoilerplate();
    private static final Pattern NUMBERING = Pattern.compile(
            "(?<![0-9a-z.])(?:\\d{1,2}[.、)](?![0-9])|\\(\\d{1,2}\\))"
                    + "|(?:(?<=^|[\\s;。:,、\n])[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十]))"
                    + "|\\([一二三四五六七八九十]{1,3}\\)");

    /**
     * Per thread, one matcher per boilerplate pattern (and the numbering one, last), reset for each
     * text: the same matching, without some forty matchers of garbage per call.
     */
    private static final ThreadLocal<Matcher[]> MATCHERS = ThreadLocal.withInitial(() -> {
        Matcher[] m = new Matcher[BOILERPLATE.size() + 1];
        for (int i = 0; i < BOILERPLATE.size(); i++) {
            m[i] = BOILERPLATE.get(i).matcher("");
        }
        m[BOILERPLATE.size()] = NUMBERING.matcher("");
        return m;
    });
    /** The words that end a registered activity: verbs and the nouns of service activities. */
    private static final String[] ACTIVITY_WORDS = {
        "销售", "零售", "批发", "经销", "代销", "代理", "进出口", "生产", "加工", "制造", "制作", "种植", "养殖",
        "饲养", "施工", "安装", "设计", "开发", "研发", "咨询", "服务", "运输", "租赁", "出租", "维修", "修理",
        "管理", "培训", "经营", "推广", "转让", "回收", "策划", "装修", "装饰", "配送", "仓储", "检测", "外包",
        "开采", "印刷", "包装", "清洗", "保洁", "美容", "中介", "处理", "营销", "出版", "演出", "制品", "养护",
        "利用", "供应", "发电", "贸易", "交易", "展览", "摄影", "编辑", "发行", "放映", "保险", "投资"};

    private static final String JOINERS = "及和与并兼等";

    /** One activity of the text: {@code text} in normalised form, {@code origin[i]} = where its i-th character was in the original. */
    record Item(String text, int[] origin) {
        String quote(String original, int start, int end) {
            return original.substring(origin[start], origin[end - 1] + 1);
        }
    }

    private ScopeText() {
    }

    /** The items of a business scope, in the order written; empty for null, empty or boilerplate-only text. */
    static List<Item> items(String original) {
        if (original == null || original.isEmpty()) {
            return List.of();
        }
        Normalised n = normalise(original);
        blank(n);
        return split(n);
    }

    /** The normalised, boilerplate-free form of a training phrase, as one string with breaks. */
    static String clean(String phrase) {
        Normalised n = normalise(phrase);
        blank(n);
        return n.text.toString().replace('\n', BREAK);
    }

    static boolean isContent(char c) {
        return Character.isLetterOrDigit(c) && !Character.isSurrogate(c);
    }

    private static final class Normalised {
        final StringBuilder text;
        int[] origin;

        Normalised(int capacity) {
            text = new StringBuilder(capacity);
            origin = new int[capacity];
        }

        void add(char c, int from) {
            if (text.length() == origin.length) {
                origin = java.util.Arrays.copyOf(origin, origin.length * 2 + 8);
            }
            origin[text.length()] = from;
            text.append(c);
        }
    }

    private static Normalised normalise(String original) {
        int length = Math.min(original.length(), MAX_CHARS);
        Normalised n = new Normalised(length + 16);
        for (int i = 0; i < length; i++) {
            char c = original.charAt(i);
            if (c >= 0x4E00 && c <= 0x9FFF) {
                n.add(c, i);
            } else if (c < 0x80) {
                n.add(ascii(c), i);
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                n.add(ascii((char) (c - 0xFEE0)), i);
            } else if ((c >= 0x2460 && c <= 0x2473) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x2474 && c <= 0x249B)) {
                n.add('\n', i); // circled and parenthesised numbers: numbering
            } else if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD) {
                continue; // zero-width: as if absent
            } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                n.add(c == '\n' || c == '\r' ? '\n' : BREAK, i);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                n.add(BREAK, i);
            } else {
                String k = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
                for (int j = 0; j < k.length(); j++) {
                    char d = k.charAt(j);
                    n.add(d < 0x80 ? ascii(d) : Character.isWhitespace(d) || Character.isSpaceChar(d) ? BREAK
                            : Character.toLowerCase(d), i);
                }
            }
        }
        return dropSpacesAmongChinese(n);
    }

    private static char ascii(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        if (c == '\n' || c == '\r') {
            return '\n';
        }
        return c == '*' || c < 0x20 || c == 0x7F || Character.isWhitespace(c) ? BREAK : c;
    }

    /** Blanks between two Chinese characters are typing noise (餐 饮服务); between Latin words they separate. */
    private static Normalised dropSpacesAmongChinese(Normalised n) {
        StringBuilder t = n.text;
        Normalised out = new Normalised(t.length() + 1);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == BREAK) {
                int j = i;
                while (j < t.length() && t.charAt(j) == BREAK) {
                    j++;
                }
                char before = i > 0 ? t.charAt(i - 1) : BREAK;
                char after = j < t.length() ? t.charAt(j) : BREAK;
                boolean latinBoth = before < 0x80 && after < 0x80 && isContent(before) && isContent(after);
                if (latinBoth || !(isChinese(before) || isChinese(after))) {
                    out.add(BREAK, n.origin[i]);
                }
                i = j - 1;
            } else {
                out.add(c, n.origin[i]);
            }
        }
        return out;
    }

    private static boolean isChinese(char c) {
        return c >= 0x3400 && c <= 0x9FFF;
    }

    private static void blank(Normalised n) {
        StringBuilder t = n.text;
        Matcher[] matchers = MATCHERS.get();
        for (int p = 0; p < BOILERPLATE.size(); p++) {
            Matcher m = matchers[p].reset(t);
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    if (t.charAt(i) != '\n') {
                        t.setCharAt(i, BREAK);
                    }
                }
            }
        }
        Matcher m = matchers[BOILERPLATE.size()].reset(t);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                t.setCharAt(i, '\n');
            }
        }
    }

    private static List<Item> split(Normalised n) {
        List<Item> items = new ArrayList<>();
        StringBuilder t = n.text;
        int start = 0;
        for (int i = 0; i <= t.length() && items.size() < MAX_ITEMS; i++) {
            if (i == t.length() || isItemEnd(t.charAt(i))) {
                splitOnJoiners(n, start, i, items);
                start = i + 1;
            }
        }
        return items.size() > MAX_ITEMS ? List.copyOf(items.subList(0, MAX_ITEMS)) : items;
    }

    private static boolean isItemEnd(char c) {
        return c == ';' || c == '。' || c == '\n' || c == '!' || c == '?' || c == '；' || c == '｡';
    }

    /** Cuts [from, to) on 、 and , where both sides are activities of their own (see the class comment). */
    private static void splitOnJoiners(Normalised n, int from, int to, List<Item> items) {
        StringBuilder t = n.text;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if ((c == ',' || c == '、') && endsWithActivity(t, start, i) && hasObjectAndActivity(t, i + 1, to)) {
                addItem(n, start, i, items);
                start = i + 1;
            }
        }
        addItem(n, start, to, items);
    }

    private static boolean endsWithActivity(CharSequence t, int from, int to) {
        int end = to;
        while (end > from && !isContent(t.charAt(end - 1))) {
            end--;
        }
        for (String w : ACTIVITY_WORDS) {
            int s = end - w.length();
            // an object must come before the activity word: "生产、" alone does not end an activity
            if (s > from && isContent(t.charAt(s - 1)) && regionMatches(t, s, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The part has an activity word and something besides activity words and joiners: 食品销售 does,
     * 销售 or 生产、销售 (verbs sharing the object before them) does not.
     */
    private static boolean hasObjectAndActivity(CharSequence t, int from, int to) {
        boolean activity = false;
        boolean object = false;
        for (int i = from; i < to; ) {
            String w = activityAt(t, i, to);
            if (w != null) {
                activity = true;
                i += w.length();
            } else {
                object |= isContent(t.charAt(i)) && JOINERS.indexOf(t.charAt(i)) < 0;
                i++;
            }
        }
        return activity && object;
    }

    private static String activityAt(CharSequence t, int at, int to) {
        for (String w : ACTIVITY_WORDS) {
            if (at + w.length() <= to && regionMatches(t, at, w)) {
                return w;
            }
        }
        return null;
    }

    private static boolean regionMatches(CharSequence t, int at, String w) {
        for (int k = 0; k < w.length(); k++) {
            if (t.charAt(at + k) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static void addItem(Normalised n, int from, int to, List<Item> items) {
        int s = from;
        int e = to;
        while (s < e && !isContent(n.text.charAt(s))) {
            s++;
        }
        while (e > s && !isContent(n.text.charAt(e - 1))) {
            e--;
        }
        if (s < e) {
            items.add(new Item(n.text.substring(s, e), java.util.Arrays.copyOfRange(n.origin, s, e)));
        }
    }

    private static List<Pattern> loadBoilerplate() {
        List<Pattern> patterns = new ArrayList<>();
        for (String line : Resources.lines("boilerplate.txt")) {
            patterns.add(Pattern.compile(line));
        }
        return List.copyOf(patterns);
    }

    /** Reading the module's data files (UTF-8, beside these classes). */
    static final class Resources {
        private Resources() {
        }

        /** The lines of a resource that are not blank and not comments (#), stripped. */
        static List<String> lines(String name) {
            List<String> lines = new ArrayList<>();
            for (String line : all(name)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    lines.add(s);
                }
            }
            return lines;
        }

        /** Every line of a resource; a missing resource is an error, since the model would silently change. */
        static List<String> all(String name) {
            InputStream in = ScopeText.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("missing resource dev/loanwatch/industry/" + name);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
