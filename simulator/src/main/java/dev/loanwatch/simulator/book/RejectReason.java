package dev.loanwatch.simulator.book;

/**
 * The synthetic lender's reject reasons: a fixed code list, each with its meaning in Chinese and
 * English and the rule that rejects for it ({@code null} for the model's cut-off).
 */
public enum RejectReason {
    CREDIT_HISTORY("R01", "征信记录不良", "adverse credit history", "RULE_CREDIT_OVERDUE", 25),
    DEBT_BURDEN("R02", "负债率过高", "debt burden too high", "RULE_DTI", 20),
    INCOME("R03", "收入不足以覆盖月供", "income does not cover the instalments", "RULE_INCOME", 12),
    MULTI_LENDING("R04", "多头借贷", "many recent applications with other lenders", "RULE_MULTI_APPLY", 18),
    IDENTITY("R05", "身份或资料核验未通过", "identity or documents could not be verified", "RULE_KYC", 8),
    RESTRICTED("R06", "行业或地区受限", "restricted industry or region", "RULE_SECTOR", 7),
    MODEL_SCORE("R07", "模型评分低于准入线", "model score below the cut-off", null, 0),
    FRAUD("R08", "疑似欺诈", "suspected fraud", "RULE_FRAUD", 10);

    public final String code;
    public final String zh;
    public final String en;
    /** The rule that fires for it; null for the model. */
    public final String rule;
    /** How often a rule rejection has this reason (relative weight). */
    final double weight;

    RejectReason(String code, String zh, String en, String rule, double weight) {
        this.code = code;
        this.zh = zh;
        this.en = en;
        this.rule = rule;
        this.weight = weight;
    }
}
