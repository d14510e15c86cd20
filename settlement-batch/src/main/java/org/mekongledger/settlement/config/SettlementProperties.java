package org.mekongledger.settlement.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who instructs the payments and from which fund accounts: deployment configuration, not data of
 * the ledger. A bank payment leaves from the first debtor account listing its paid currency; wallet
 * and cash pick-up payments go to the partner.
 */
@ConfigurationProperties("settlement")
public class SettlementProperties {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Z0-9]{1,10}");

    private final Party initiatingParty = new Party();
    private final Party partner = new Party();
    private List<DebtorAccountConfig> debtorAccounts = new ArrayList<>();

    public Party getInitiatingParty() {
        return initiatingParty;
    }

    public Party getPartner() {
        return partner;
    }

    public List<DebtorAccountConfig> getDebtorAccounts() {
        return debtorAccounts;
    }

    public void setDebtorAccounts(List<DebtorAccountConfig> debtorAccounts) {
        this.debtorAccounts = debtorAccounts;
    }

    /** The account a bank payment in this currency leaves from: the first that lists it. */
    public Optional<DebtorAccountConfig> debtorFor(String currency) {
        return debtorAccounts.stream().filter(account -> account.getCurrencies().contains(currency)).findFirst();
    }

    public Optional<DebtorAccountConfig> debtor(String id) {
        return debtorAccounts.stream().filter(account -> account.getId().equals(id)).findFirst();
    }

    /** Refuses a configuration that would write ids a bank cannot take. */
    public void check() {
        for (DebtorAccountConfig account : debtorAccounts) {
            if (account.getId() == null || !ACCOUNT_ID.matcher(account.getId()).matches()) {
                throw new IllegalStateException("settlement.debtor-accounts: id must be 1 to 10 of [A-Z0-9], not "
                        + account.getId());
            }
        }
        if (partner.getId() == null || !ACCOUNT_ID.matcher(partner.getId()).matches()) {
            throw new IllegalStateException("settlement.partner.id must be 1 to 10 of [A-Z0-9], not " + partner.getId());
        }
        if (debtor(partner.getId()).isPresent()) {
            throw new IllegalStateException("settlement.partner.id " + partner.getId() + " is also a debtor account id");
        }
    }

    public static class Party {
        private String id;
        private String name;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    public static class DebtorAccountConfig {
        private String id;
        private String name;
        private String iban;
        private String otherId;
        private String bic;
        private String country;
        private List<String> currencies = new ArrayList<>();

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIban() {
            return iban == null || iban.isBlank() ? null : iban;
        }

        public void setIban(String iban) {
            this.iban = iban;
        }

        public String getOtherId() {
            return otherId == null || otherId.isBlank() ? null : otherId;
        }

        public void setOtherId(String otherId) {
            this.otherId = otherId;
        }

        public String getBic() {
            return bic;
        }

        public void setBic(String bic) {
            this.bic = bic;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public List<String> getCurrencies() {
            return currencies;
        }

        public void setCurrencies(List<String> currencies) {
            this.currencies = currencies;
        }
    }
}
