package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.vocabulary.FeePayer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.mekongledger.entitlement.RuleSetChecks.header;
import static org.mekongledger.entitlement.RuleSetChecks.money;
import static org.mekongledger.entitlement.RuleSetChecks.positive;
import static org.mekongledger.entitlement.RuleSetChecks.require;

/**
 * One version of an overseas workers' welfare fund: flat fees per contract, event benefits. The
 * rule-set id is the fund's scheme id (e.g. {@code VN_OESF}); fee payments are recorded under it.
 *
 * @param feesPerContract the fee each payer owes per contract, in the fund's currency
 * @param coverMonths     months of cover a fee buys from the month it is paid: the ledger records the
 *                        fee, not the contract's end, so the cover is the longest contract allowed
 * @param benefits        in the order they are listed to the worker
 */
public record WelfareFundRuleSetVersion(String ruleSetId, String version, LocalDate effectiveFrom, RuleSetStatus status,
                                        LegalBasis basis, Currency currency, Map<FeePayer, BigDecimal> feesPerContract,
                                        int coverMonths, List<FundBenefit> benefits)
        implements EntitlementRuleSetVersion {

    public WelfareFundRuleSetVersion {
        header(ruleSetId, version, effectiveFrom, status, basis);
        require(currency != null, "currency is required");
        require(feesPerContract != null && !feesPerContract.isEmpty(), "feesPerContract must name at least one payer");
        Map<FeePayer, BigDecimal> fees = new EnumMap<>(FeePayer.class);
        for (Map.Entry<FeePayer, BigDecimal> fee : feesPerContract.entrySet()) {
            require(fee.getKey() != null, "feesPerContract has a fee without a payer");
            fees.put(fee.getKey(), money(fee.getValue(), "feesPerContract." + fee.getKey(), currency));
        }
        feesPerContract = Collections.unmodifiableMap(fees);
        positive(coverMonths, "coverMonths");
        require(benefits != null && !benefits.isEmpty(), "benefits must list at least one benefit");
        List<FundBenefit> atScale = new ArrayList<>(benefits.size());
        Set<String> names = new HashSet<>();
        for (FundBenefit b : benefits) {
            require(b != null, "benefits has an empty entry");
            require(names.add(b.benefit()), "benefit " + b.benefit() + " is listed twice");
            String field = "benefits." + b.benefit();
            atScale.add(new FundBenefit(b.benefit(), b.events(), money(b.amount(), field + ".amount", currency),
                    b.upTo() == null ? null : money(b.upTo(), field + ".upTo", currency), b.payableTo()));
        }
        benefits = List.copyOf(atScale);
    }

    @Override
    public RuleSetKind kind() {
        return RuleSetKind.WELFARE_FUND;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("currency", currency.getCurrencyCode());
        Map<String, Object> fees = new LinkedHashMap<>();
        feesPerContract.forEach((payer, fee) -> fees.put(payer.name(), fee.toPlainString()));
        p.put("feesPerContract", fees);
        p.put("coverMonths", coverMonths);
        List<Object> list = new ArrayList<>();
        for (FundBenefit b : benefits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benefit", b.benefit());
            m.put("events", b.events().stream().map(Enum::name).toList());
            m.put("amount", b.amount().toPlainString());
            if (b.upTo() != null) {
                m.put("upTo", b.upTo().toPlainString());
            }
            m.put("payableTo", b.payableTo());
            list.add(Collections.unmodifiableMap(m));
        }
        p.put("benefits", List.copyOf(list));
        return Collections.unmodifiableMap(p);
    }
}
