package dev.loanwatch.trainer.eval;

import dev.loanwatch.trainer.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Which rows train and which test: an out-of-time split when the data has periods (the latest
 * periods, about {@code testShare} of the rows, are the test; no period is on both sides), otherwise a
 * stratified random hold-out (and the model card says so); and stratified K folds of the training
 * rows, the same folds for both models.
 *
 * @param train       row indices that train
 * @param test        row indices that test
 * @param outOfTime   true when the test is the latest periods
 * @param folds       fold number (0 … k−1) per training row, in the order of {@code train}
 * @param k           number of folds
 */
public record Splits(int[] train, int[] test, boolean outOfTime, int[] folds, int k) {

    public static Splits of(Dataset d, double testShare, int k, long seed) {
        int n = d.rows();
        boolean[] isTest = new boolean[n];
        boolean outOfTime = d.period() != null && new TreeSet<>(Arrays.asList(d.period())).size() > 1;
        if (outOfTime) {
            TreeSet<String> periods = new TreeSet<>(Arrays.asList(d.period()));
            java.util.Map<String, Integer> count = new java.util.HashMap<>();
            for (String p : d.period()) {
                count.merge(p, 1, Integer::sum);
            }
            int wanted = (int) Math.round(n * testShare);
            TreeSet<String> testPeriods = new TreeSet<>();
            int taken = 0;
            for (String p : periods.descendingSet()) {
                if (taken >= wanted || testPeriods.size() == periods.size() - 1) {
                    break;
                }
                testPeriods.add(p);
                taken += count.get(p);
            }
            for (int i = 0; i < n; i++) {
                isTest[i] = testPeriods.contains(d.period()[i]);
            }
        } else {
            Random random = new Random(seed);
            for (int[] rows : byClass(d.target(), allRows(n))) {
                shuffle(rows, random);
                for (int j = 0; j < Math.round(rows.length * testShare); j++) {
                    isTest[rows[j]] = true;
                }
            }
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (isTest[i] ? test : train).add(i);
        }
        int[] trainRows = train.stream().mapToInt(Integer::intValue).toArray();
        int[] folds = new int[trainRows.length];
        Random random = new Random(seed + 1);
        int[] positions = allRows(trainRows.length);
        int[] labels = new int[trainRows.length];
        for (int i = 0; i < trainRows.length; i++) {
            labels[i] = d.target()[trainRows[i]];
        }
        for (int[] rows : byClass(labels, positions)) {
            shuffle(rows, random);
            for (int j = 0; j < rows.length; j++) {
                folds[rows[j]] = j % Math.max(k, 1);
            }
        }
        return new Splits(trainRows, test.stream().mapToInt(Integer::intValue).toArray(), outOfTime, folds, k);
    }

    /** The training rows of fold {@code f}'s complement (fit) or of fold {@code f} (validate). */
    public int[] foldRows(int f, boolean inFold) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < train.length; i++) {
            if ((folds[i] == f) == inFold) {
                out.add(train[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] allRows(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static List<int[]> byClass(int[] labels, int[] rows) {
        return List.of(Arrays.stream(rows).filter(i -> labels[i] == 1).toArray(), Arrays.stream(rows).filter(i -> labels[i] == 0).toArray());
    }

    /** Fisher–Yates, in place. */
    public static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
