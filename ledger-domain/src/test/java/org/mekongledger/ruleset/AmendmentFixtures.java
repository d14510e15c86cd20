package org.mekongledger.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.mekongledger.api.AddRuleSetVersion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Amendments built from a shipped file's parameters, so each test states only what it changes. */
final class AmendmentFixtures {

    static final String S33 = "TH_SSF_S33";
    static final String S33_FILE = "rulesets/TH_SSF_S33/2032-01.json";
    static final String VN_FUND = "VN_OESF";
    static final String VN_FUND_FILE = "rulesets/entitlement/VN_OESF/2022-02.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AmendmentFixtures() {
    }

    static AddRuleSetVersion contribution(String version, String effectiveFrom, Consumer<ObjectNode> change) {
        ObjectNode parameters = read(S33_FILE);
        parameters.remove(java.util.List.of("ruleSetId", "version", "effectiveFrom", "basis"));
        change.accept(parameters);
        return new AddRuleSetVersion(S33, version, LocalDate.parse(effectiveFrom), parameters.toString(), org.mekongledger.vocabulary.Bases.test("test"));
    }

    static AddRuleSetVersion contribution(String version, String effectiveFrom) {
        return contribution(version, effectiveFrom, p -> { });
    }

    static AddRuleSetVersion welfareFund(String version, String effectiveFrom) {
        ObjectNode parameters = (ObjectNode) read(VN_FUND_FILE).get("parameters");
        return new AddRuleSetVersion(VN_FUND, version, LocalDate.parse(effectiveFrom), parameters.toString(),
                org.mekongledger.vocabulary.Bases.test("fund amendment"));
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = AmendmentFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
